import { MAX_PROBLEMS, type Problem } from '../scenario/problem.ts';
import { printable } from '../scenario/printable.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { fieldInfo } from './fieldInfo.ts';
import { fieldLabel } from './fieldLabel.ts';

/** Places whose messages are whole sentences already. */
const SENTENCES = new Set(['(file)', '(link)']);

/**
 * A path written into a message (an option's field, a note's place): `units[0].staff[0].inPost`
 * as far as it goes, starting from a part of a scenario.
 */
const PATH_IN_TEXT =
  /(?<![\w.[])(?:units|roles|sources|assumptions|options|policy|finance)(?:\[\d+\]|\.[A-Za-z_]\w*)+/g;

const WHOLE_PATH = new RegExp(`^${PATH_IN_TEXT.source}$`);

/**
 * One problem in the planner's words: the field named as the editor names it, e.g.
 * "Metropolitan Police Service · Financial investigator · In post: must be at most 5000", never
 * `units[0].staff[0].inPost`. `file` is what was read (valid or not), for the names of units,
 * roles and streams; a file that was never read as JSON gives the message alone, which says
 * the line and column.
 */
export function problemInWords(problem: Problem, file: unknown): string {
  const words = (path: string) => fieldLabel(file as ScenarioInput, path);
  const label = words(problem.path);
  // An option's problems begin with the option's name, which its label already gives.
  const own = label.startsWith('Option “')
    ? problem.message.replace(/^option “[^”]*”: /, '')
    : problem.message;
  const message = messageInWords(own, file);
  if (SENTENCES.has(problem.path)) return printable(message);
  if (problem.path === '(draft)') return printable(`The draft ${message}`);
  if (file === undefined) return printable(message);
  if (problem.path === '(top level)') return printable(`The scenario ${message}`);
  return printable(`${label}: ${message}`);
}

/** A field written in curly quotes in a message: “seed”, “units[3].staff[0].establishment”. */
const QUOTED_FIELD = /“([A-Za-z_][\w.[\]]*)”/g;

/** A message with any field path written in it (`units[0].name`) named in words instead. */
export function messageInWords(message: string, file: unknown): string {
  const words = (path: string) => fieldLabel(file as ScenarioInput, path);
  return message
    .replace(QUOTED_FIELD, (quoted, path: string) =>
      WHOLE_PATH.test(path) || fieldInfo(path) ? `“${words(path)}”` : quoted,
    )
    .replace(PATH_IN_TEXT, (path, at: number, text: string) =>
      text[at - 1] === '“' ? path : `“${words(path)}”`,
    );
}

/** Problems one a line in the planner's words, capped as describeProblems caps them. */
export function problemsInWords(problems: readonly Problem[], file: unknown): string[] {
  const lines = problems.slice(0, MAX_PROBLEMS).map((p) => problemInWords(p, file));
  if (problems.length > MAX_PROBLEMS) {
    lines.push(`… and ${problems.length - MAX_PROBLEMS} more problems`);
  }
  return lines;
}
