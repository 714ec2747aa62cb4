import { describe, expect, it } from 'vitest';
import { amountSampler, skipDraw } from '../../../src/engine/random/sampler.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';
import type { Distribution } from '../../../src/scenario/distribution.ts';

const KINDS: Distribution[] = [
  12,
  { dist: 'fixed', value: 3 },
  { dist: 'poisson', mean: 4, shift: 1 },
  { dist: 'poisson', mean: 90 },
  { dist: 'negbin', mean: 20, dispersion: 0.5 },
  { dist: 'lognormal', median: 5000, p90: 50000 },
  { dist: 'uniform', min: 1, max: 3 },
  { dist: 'triangular', min: 1, mode: 2, max: 5 },
  { dist: 'pert', min: 1, mode: 2, max: 5 },
  { dist: 'normal', mean: 1, sd: 2 },
];

describe('skipDraw', () => {
  it.each(KINDS.map((d) => [JSON.stringify(d), d] as const))(
    'leaves the stream where a draw of %s leaves it',
    (_, d) => {
      const draw = amountSampler(d);
      const skip = skipDraw(d);
      const drawn = streamRng('skip');
      const skipped = streamRng('skip');
      for (let i = 0; i < 2_000; i++) {
        draw(drawn, 1);
        skip(skipped);
        const a = drawn();
        const b = skipped();
        if (a !== b) expect(b).toBe(a);
      }
    },
  );
});
