import { readScenarioFile, type FileLike } from '../files/readScenarioFile.ts';
import type { Problem } from '../scenario/problem.ts';
import type { Scenario } from '../scenario/schema.ts';
import { problemInWords, problemsInWords } from './problemWords.ts';

export type OpenHandler = (scenario: Scenario, origin: string, warnings: string[]) => void;
export type ErrorHandler = (problems: Problem[], origin: string) => void;

/**
 * Opening a chosen or dropped file: the scenario is handed on only when the whole file is
 * valid; otherwise the problems are kept for display and the current scenario stays as it was.
 */
export class FileImport {
  problems = $state.raw<Problem[]>([]);
  /** The problems one a line, naming each field in the planner's words. */
  lines = $state.raw<string[]>([]);
  fileName = $state('');
  busy = $state(false);

  async open(
    file: FileLike & { name: string },
    onopen: OpenHandler,
    onerror?: ErrorHandler,
  ): Promise<void> {
    this.busy = true;
    try {
      const result = await readScenarioFile(file);
      // Reading a large file is one long task and drawing it another: a turn of the event loop
      // between them lets the page answer input and paint in between.
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.fileName = file.name;
      if (result.ok) {
        this.problems = [];
        this.lines = [];
        onopen(
          result.value,
          file.name,
          result.warnings.map((w) => problemInWords(w, result.value)),
        );
      } else {
        this.problems = result.problems;
        this.lines = problemsInWords(result.problems, result.file);
        onerror?.(result.problems, file.name);
      }
    } finally {
      this.busy = false;
    }
  }

  dismiss(): void {
    this.problems = [];
    this.lines = [];
  }
}
