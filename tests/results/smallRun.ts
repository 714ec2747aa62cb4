import { runScenario } from '../../src/engine/run.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import mps from '../../scenarios/mps-financial-investigators.json';

/** The MPS scenario cut to one year, so a run of a few dozen replications takes well under a second. */
export function smallScenario(changes: (file: typeof mps) => void = () => {}): Scenario {
  const file = structuredClone(mps);
  file.horizonMonths = 12;
  changes(file);
  const result = validateScenario(file);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

export function smallRun(replications = 40, scenario = smallScenario(), seed = 'test') {
  const aggregate = runScenario(scenario, { seed, replications });
  return { scenario, aggregate, summary: aggregate.summary() };
}
