import { readFileSync } from 'node:fs';
import { compileModel } from '../../src/engine/model.ts';
import { replicate, Workspace } from '../../src/engine/replicate.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { drawReplication } from './drawFloor.ts';
import { compileModel as compileModel010 } from './engine-0.1.0/src/engine/model.ts';
import {
  replicate as replicate010,
  Workspace as Workspace010,
} from './engine-0.1.0/src/engine/replicate.ts';
import type { Scenario as Scenario010 } from './engine-0.1.0/src/scenario/schema.ts';
import { nationalScenario } from './nationalScenario.ts';
import { medianOf, quartiles } from './timing.ts';

export function benchScenarios(): { name: string; scenario: Scenario }[] {
  // The MPS file as saved in format version 1, which both engines read alike: the built-in
  // now uses version 2's case limit and funnel, which the 0.1.0 engine would ignore.
  const mps = parseScenarioText(
    readFileSync(
      new URL(
        '../../tests/fixtures/versions/v1-scenarios/mps-financial-investigators.json',
        import.meta.url,
      ),
      'utf8',
    ),
  );
  const national = parseScenarioText(JSON.stringify(nationalScenario()));
  if (!mps.ok || !national.ok) throw new Error('A benchmark scenario is invalid.');
  return [
    { name: 'MPS financial investigators', scenario: mps.value },
    { name: 'National (7 forces)', scenario: national.value },
  ];
}

/**
 * Engine time per replication against the draw-only floor and against the 0.1.0 engine (a copy
 * kept under engine-0.1.0/). Each replication is timed through the engine, the 0.1.0 engine and
 * the floor, back to back, and each ratio is the median of those triples' own ratios: a burst of
 * load from elsewhere on a shared machine lasts longer than one triple, so it slows every side
 * of the triples it falls on and moves the medians little.
 */
export function measureEngine() {
  return benchScenarios().map(({ name, scenario }) => {
    const model = compileModel(scenario);
    const ws = new Workspace(model);
    // The 0.1.0 engine reads the fields the scenario had then, which it still has.
    const model010 = compileModel010(scenario as unknown as Scenario010);
    const ws010 = new Workspace010(model010);
    const totals = new Float64Array(model.layout.totalNames.length);
    const monthly = new Float64Array(model.layout.monthlyNames.length * model.horizonMonths);
    const totals010 = new Float64Array(model010.layout.totalNames.length);
    const monthly010 = new Float64Array(
      model010.layout.monthlyNames.length * model010.horizonMonths,
    );
    const replications = name.startsWith('National') ? 80 : 200;
    for (let i = 0; i < 10; i++) {
      replicate(ws, 'warm-up', i, totals, monthly);
      replicate010(ws010, 'warm-up', i, totals010, monthly010);
      drawReplication(model, 'warm-up', i);
    }
    const engine: number[] = [];
    const engine010: number[] = [];
    const floor: number[] = [];
    const ratios: number[] = [];
    const speeds: number[] = [];
    for (let i = 0; i < replications; i++) {
      const start = performance.now();
      replicate(ws, 'bench', i, totals, monthly);
      const afterEngine = performance.now();
      replicate010(ws010, 'bench', i, totals010, monthly010);
      const afterOld = performance.now();
      drawReplication(model, 'bench', i);
      const end = performance.now();
      engine.push(afterEngine - start);
      engine010.push(afterOld - afterEngine);
      floor.push(end - afterOld);
      ratios.push((afterEngine - start) / (end - afterOld));
      speeds.push((afterEngine - start) / (afterOld - afterEngine));
    }
    return {
      scenario: name,
      replications,
      engineMs: medianOf(engine),
      engine010Ms: medianOf(engine010),
      floorMs: medianOf(floor),
      ratio: medianOf(ratios),
      /** This engine's time ÷ the 0.1.0 engine's, median of the pairs. */
      versus010: medianOf(speeds),
      versus010Quartiles: quartiles(speeds),
    };
  });
}

/**
 * This engine's time per replication on the MPS built-in as shipped (format version 2, with its
 * case limit and recovery funnel): work the 0.1.0 engine cannot do, so timed alone.
 */
export function measureBuiltIn(): { scenario: string; engineMs: number; replications: number } {
  const model = compileModel(builtInMps());
  const ws = new Workspace(model);
  const totals = new Float64Array(model.layout.totalNames.length);
  const monthly = new Float64Array(model.layout.monthlyNames.length * model.horizonMonths);
  for (let i = 0; i < 10; i++) replicate(ws, 'warm-up', i, totals, monthly);
  const replications = 200;
  const times: number[] = [];
  for (let i = 0; i < replications; i++) {
    const start = performance.now();
    replicate(ws, 'bench', i, totals, monthly);
    times.push(performance.now() - start);
  }
  return {
    scenario: 'MPS financial investigators as built in',
    engineMs: medianOf(times),
    replications,
  };
}

/** The MPS financial investigators built-in as shipped. */
export function builtInMps(): Scenario {
  const mps = parseScenarioText(
    readFileSync(
      new URL('../../scenarios/mps-financial-investigators.json', import.meta.url),
      'utf8',
    ),
  );
  if (!mps.ok) throw new Error('The MPS built-in is invalid.');
  return mps.value;
}
