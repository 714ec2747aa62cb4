import { tooLarge } from '../scenario/decodeFile.ts';
import { LIMITS } from '../scenario/limits.ts';
import { parseScenarioJson, validateScenario } from '../scenario/parse.ts';
import type { Problem, Result } from '../scenario/problem.ts';
import type { Scenario } from '../scenario/schema.ts';

/** What the app and the command line know about a file before reading it. */
export interface FileLike {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Refuses a file by its size alone, before a byte is read, so a 50 MB file chosen by mistake
 * never reaches memory.
 */
export function checkFileSize(sizeBytes: number): Problem | null {
  if (sizeBytes > LIMITS.fileBytes) return { path: '(file)', message: tooLarge(sizeBytes) };
  if (sizeBytes === 0) {
    return {
      path: '(file)',
      message: 'The file is empty. Choose a scenario file saved by Shortfall.',
    };
  }
  return null;
}

/** Reads and validates a chosen or dropped file: all or nothing. */
export async function readScenarioFile(file: FileLike): Promise<Result<Scenario>> {
  const sizeProblem = checkFileSize(file.size);
  if (sizeProblem) return { ok: false, problems: [sizeProblem] };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return {
      ok: false,
      problems: [{ path: '(file)', message: 'The file could not be read. Try choosing it again.' }],
    };
  }
  const json = parseScenarioJson(bytes);
  if (!json.ok) return json;
  // Reading the JSON and validating it are each long for a large file: a turn of the event
  // loop between them keeps either from holding the page for the sum of both.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return validateScenario(json.value.json, json.value.numberText);
}
