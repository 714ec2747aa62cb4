import type { Distribution } from '../scenario/distribution.ts';
import type { Scenario } from '../scenario/schema.ts';
import { clampDraw, setAt, type UncertainValue } from '../scenario/uncertain.ts';
import { streamRng, streamSeed } from './random/rng.ts';
import { amountSampler } from './random/sampler.ts';

/**
 * Draws replication `index`'s value of each uncertain assumption into `out`: one draw from the
 * stream `uncertain:<path>`, clamped to the field's range and rounded for whole-number fields.
 */
export function drawUncertain(
  uncertain: readonly UncertainValue[],
  seed: string,
  index: number,
  out: Float64Array,
): void {
  for (let j = 0; j < uncertain.length; j++) {
    const u = uncertain[j]!;
    const rng = streamRng(streamSeed(seed, index, `uncertain:${u.path}`));
    out[j] = clampDraw(u, amountSampler(u.dist)(rng, 1));
  }
}

/**
 * The scenario with each uncertain assumption at its drawn value, made consistent again where
 * a draw broke a rule between fields: in post and in training are lowered (in post first) to
 * fit the posts; a distribution's 90th percentile is kept above its median, and its mode
 * between its lowest and highest values.
 */
export function scenarioWith(
  scenario: Scenario,
  uncertain: readonly UncertainValue[],
  values: Float64Array,
): Scenario {
  const { uncertain: _omit, ...plain } = scenario;
  const out = JSON.parse(JSON.stringify(plain)) as Scenario;
  for (let j = 0; j < uncertain.length; j++) setAt(out, uncertain[j]!.keys, values[j]);
  for (const unit of out.units) {
    for (const g of unit.staff) {
      const over = g.inPost + g.inTraining - g.establishment;
      if (over > 0) {
        const fromPost = Math.min(over, g.inPost);
        g.inPost -= fromPost;
        g.inTraining -= over - fromPost;
      }
    }
    for (const s of unit.demand) {
      s.casesPerMonth = repaired(s.casesPerMonth);
      s.itemsPerCase = repaired(s.itemsPerCase);
      s.hoursPerItem = repaired(s.hoursPerItem);
      s.assetValue = repaired(s.assetValue);
    }
  }
  return out;
}

function repaired(d: Distribution): Distribution {
  if (typeof d === 'number') return d;
  switch (d.dist) {
    case 'lognormal':
      return { ...d, p90: Math.min(Math.max(d.p90, d.median * (1 + 1e-9)), d.median * 1000) };
    case 'uniform':
      return d.max < d.min ? { ...d, max: d.min } : d;
    case 'triangular':
    case 'pert': {
      const max = Math.max(d.max, d.min);
      return { ...d, max, mode: Math.min(Math.max(d.mode, d.min), max) };
    }
    case 'gamma':
      return d.mean > 0 ? d : { ...d, sd: 0 };
    default:
      return d;
  }
}
