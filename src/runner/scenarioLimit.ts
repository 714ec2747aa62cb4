import { heaviestDemandField } from '../scenario/crossCheck.ts';
import type { Scenario } from '../scenario/schema.ts';

/** The name a worker's limit error carries across the thread boundary (comlink keeps names). */
export const SCENARIO_LIMIT = 'ScenarioLimitError';

/**
 * The engine's limit error as the planner should read it: the field of the file that brings the
 * work, then what happened. Any other error is passed on as it is.
 */
export function blameScenario(scenario: Scenario, error: unknown): unknown {
  if (!(error instanceof Error) || error.name !== 'EngineLimitError') return error;
  const named = new Error(`${heaviestDemandField(scenario)}: ${error.message}`);
  named.name = SCENARIO_LIMIT;
  return named;
}

/** Whether a chunk failed because of the scenario, so running it again would fail the same way. */
export function isScenarioLimit(error: unknown): error is Error {
  return error instanceof Error && error.name === SCENARIO_LIMIT;
}
