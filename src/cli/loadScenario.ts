import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenarioBytes } from '../scenario/parse.ts';
import { describeProblems, type Problem } from '../scenario/problem.ts';
import type { Scenario } from '../scenario/schema.ts';
import { CliError } from './cliError.ts';
import type { CliIo } from './io.ts';
import { readScenarioBytes } from './readScenarioBytes.ts';

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
 * Reads and validates a scenario file (see readScenarioBytes for pipes and devices). Throws
 * CliError: one line for an unreadable file, one line per problem (`path: message`) for an
 * invalid scenario.
 */
export async function loadScenario(path: string, io: CliIo): Promise<LoadedScenario> {
  const bytes = await readScenarioBytes(path, resolve(io.cwd, path));
  const result = parseScenarioBytes(bytes);
  if (!result.ok) {
    // A problem with the file as a whole names the file as given, as a file that cannot be read does.
    const problems = result.problems.map((p) => (p.path === '(file)' ? { ...p, path } : p));
    throw new CliError(describeProblems(problems));
  }
  return { scenario: result.value, warnings: result.warnings };
}
