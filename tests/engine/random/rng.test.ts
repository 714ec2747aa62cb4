import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { StreamSet, streamRng, streamSeed } from '../../../src/engine/random/rng.ts';

describe('streamRng', () => {
  it.each(['shortfall', '', 'a', '42', 'golden\u00000\u0000staff:u:fi', 'Ünïcødé £ seed 🚓'])(
    'yields the same numbers as seedrandom.xor128 bit for bit for seed %j',
    (seed) => {
      const ours = streamRng(seed);
      const reference = seedrandom.xor128(seed);
      for (let i = 0; i < 5_000; i++) {
        const a = ours();
        const b = reference();
        if (a !== b) expect(a).toBe(b);
      }
    },
  );

  it('yields numbers in [0, 1)', () => {
    const rng = streamRng('range');
    for (let i = 0; i < 20_000; i++) {
      const u = rng();
      if (!(u >= 0 && u < 1)) expect(u).toBeLessThan(1);
    }
  });
});

describe('streamSeed', () => {
  it('gives each replication and each part a stream of its own', () => {
    const seeds = new Set<string>();
    for (const replication of [0, 1, 10, 11])
      for (const part of ['staff:a:fi', 'staff:a:f', 'demand:a:x']) {
        seeds.add(streamSeed('s', replication, part));
      }
    expect(seeds.size).toBe(12);
    expect(streamSeed('s1', 1, 'p')).not.toBe(streamSeed('s', 11, 'p'));
    expect(streamRng(streamSeed('s', 0, 'p'))()).not.toBe(streamRng(streamSeed('s', 1, 'p'))());
  });
});

describe('StreamSet', () => {
  it('draws each stream as seedrandom.xor128 does, however often streams are switched and reseeded', () => {
    const set = new StreamSet(3);
    for (const round of ['first', 'second']) {
      const seeds = ['a', 'b', 'c'].map((p) => streamSeed(round, 7, p));
      const references = seeds.map((s) => seedrandom.xor128(s));
      seeds.forEach((s, k) => set.seed(k, s));
      // Switch streams in an irregular order, a few draws at a time.
      for (let i = 0; i < 3_000; i++) {
        const k = (i * 7 + (i >> 3)) % 3;
        set.select(k);
        for (let d = 0; d < (i % 5) + 1; d++) {
          const a = set.draw();
          const b = references[k]!();
          if (a !== b) expect(a).toBe(b);
        }
      }
    }
  });
});
