import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tooLarge } from '../scenario/decodeFile.ts';
import { LIMITS } from '../scenario/limits.ts';
import { parseScenarioBytes } from '../scenario/parse.ts';
import { describeProblems, type Problem } from '../scenario/problem.ts';
import type { Scenario } from '../scenario/schema.ts';
import { CliError } from './cliError.ts';
import type { CliIo } from './io.ts';

/** The scenario `run` uses when given no file. */
export const DEFAULT_SCENARIO_PATH = fileURLToPath(
  new URL('../../scenarios/mps-financial-investigators.json', import.meta.url),
);

export interface LoadedScenario {
  scenario: Scenario;
  /** Notes on an older format that was read and upgraded, as `path: message`. */
  warnings: Problem[];
}

/**
 * Reads and validates a scenario file. The size is checked before reading so a huge file is
 * refused without loading it. Throws CliError: one line for an unreadable file, one line per
 * problem (`path: message`) for an invalid scenario.
 */
export async function loadScenario(path: string, io: CliIo): Promise<LoadedScenario> {
  const full = resolve(io.cwd, path);
  let bytes: Uint8Array;
  try {
    const handle = await open(full, 'r');
    try {
      const { size, isFile } = await handle.stat().then((s) => ({
        size: s.size,
        isFile: s.isFile(),
      }));
      if (!isFile) throw new CliError(`${path}: not a file.`);
      if (size > LIMITS.fileBytes) throw new CliError(`${path}: ${tooLarge(size)}`);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path}: ${readFailure(error)}`);
  }
  const result = parseScenarioBytes(bytes);
  if (!result.ok) throw new CliError(describeProblems(result.problems));
  return { scenario: result.value, warnings: result.warnings };
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file.';
  if (code === 'EISDIR') return 'not a file.';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied.';
  return `cannot be read (${error instanceof Error ? error.message : String(error)}).`;
}
