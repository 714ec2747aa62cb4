import { readFileSync } from 'node:fs';
import { drawReplication } from '../../src/engine/drawFloor.ts';
import { compileModel } from '../../src/engine/model.ts';
import { replicate, Workspace } from '../../src/engine/replicate.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
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

/** Engine time per replication against the draw-only floor, interleaved round by round. */
export function measureEngine() {
  return benchScenarios().map(({ name, scenario }) => {
    const model = compileModel(scenario);
    const ws = new Workspace(model);
    const totals = new Float64Array(model.layout.totalNames.length);
    const monthly = new Float64Array(model.layout.monthlyNames.length * model.horizonMonths);
    const reps = name.startsWith('National') ? 8 : 30;
    for (let i = 0; i < 5; i++) {
      replicate(ws, 'bench', i, totals, monthly);
      drawReplication(model, 'bench', i);
    }
    const engine: number[] = [];
    const floor: number[] = [];
    for (let round = 0; round < 5; round++) {
      let start = performance.now();
      for (let i = 0; i < reps; i++) replicate(ws, 'bench', i, totals, monthly);
      engine.push((performance.now() - start) / reps);
      start = performance.now();
      for (let i = 0; i < reps; i++) drawReplication(model, 'bench', i);
      floor.push((performance.now() - start) / reps);
    }
    const ratios = engine.map((e, i) => e / floor[i]!);
    return {
      scenario: name,
      engineMs: medianOf(engine),
      floorMs: medianOf(floor),
      ratio: medianOf(ratios),
    };
  });
}
