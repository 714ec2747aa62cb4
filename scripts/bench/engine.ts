import { readFileSync } from 'node:fs';
import { compileModel } from '../../src/engine/model.ts';
import { replicate, Workspace } from '../../src/engine/replicate.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { drawReplication } from './drawFloor.ts';
import { nationalScenario } from './nationalScenario.ts';
import { medianOf } from './timing.ts';

export function benchScenarios(): { name: string; scenario: Scenario }[] {
  const mps = validateScenario(
    JSON.parse(
      readFileSync(
        new URL('../../scenarios/mps-financial-investigators.json', import.meta.url),
        'utf8',
      ),
    ),
  );
  const national = validateScenario(nationalScenario());
  if (!mps.ok || !national.ok) throw new Error('A benchmark scenario is invalid.');
  return [
    { name: 'MPS financial investigators', scenario: mps.value },
    { name: 'National (7 forces)', scenario: national.value },
  ];
}

/**
 * Engine time per replication against the draw-only floor. Each replication is timed through
 * the engine and then through the floor, back to back, and the ratio is the median of those
 * pairs: a burst of load from elsewhere on a shared machine lasts longer than one pair, so it
 * slows both sides of the pairs it falls on and moves the median little.
 */
export function measureEngine() {
  return benchScenarios().map(({ name, scenario }) => {
    const model = compileModel(scenario);
    const ws = new Workspace(model);
    const totals = new Float64Array(model.layout.totalNames.length);
    const monthly = new Float64Array(model.layout.monthlyNames.length * model.horizonMonths);
    const replications = name.startsWith('National') ? 60 : 150;
    for (let i = 0; i < 10; i++) {
      replicate(ws, 'warm-up', i, totals, monthly);
      drawReplication(model, 'warm-up', i);
    }
    const engine: number[] = [];
    const floor: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < replications; i++) {
      const start = performance.now();
      replicate(ws, 'bench', i, totals, monthly);
      const between = performance.now();
      drawReplication(model, 'bench', i);
      const end = performance.now();
      engine.push(between - start);
      floor.push(end - between);
      ratios.push((between - start) / (end - between));
    }
    return {
      scenario: name,
      engineMs: medianOf(engine),
      floorMs: medianOf(floor),
      ratio: medianOf(ratios),
    };
  });
}
