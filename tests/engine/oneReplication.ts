import { runChunk } from '../../src/engine/chunk.ts';
import { compileModel } from '../../src/engine/model.ts';
import { replicate, Workspace } from '../../src/engine/replicate.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

/** One replication's horizon totals by name and monthly series by name. */
export function one(scenario: Scenario, seed = 'test', index = 0) {
  const model = compileModel(scenario);
  const { layout } = model;
  const H = layout.horizonMonths;
  const totals = new Float64Array(layout.totalNames.length);
  const monthly = new Float64Array(layout.monthlyNames.length * H);
  replicate(new Workspace(model), seed, index, totals, monthly);
  const total = (name: string) => {
    const i = layout.totalNames.indexOf(name);
    if (i < 0) throw new Error(`no total ${name}`);
    return totals[i]!;
  };
  const series = (name: string) => {
    const s = layout.monthlyNames.indexOf(name);
    if (s < 0) throw new Error(`no series ${name}`);
    return Array.from(monthly.subarray(s * H, (s + 1) * H));
  };
  return { total, series };
}

/** Each replication's value of a horizon total, for replications [0, count). */
export function perReplication(scenario: Scenario, name: string, count: number, seed = 'test') {
  const model = compileModel(scenario);
  const chunk = runChunk(model, seed, 0, count);
  const width = model.layout.totalNames.length;
  const column = model.layout.totalNames.indexOf(name);
  if (column < 0) throw new Error(`no total ${name}`);
  return Array.from({ length: count }, (_, r) => chunk.totals[r * width + column]!);
}
