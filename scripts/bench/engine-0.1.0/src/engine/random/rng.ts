/** A source of uniform numbers in [0, 1). Samplers take one as their first argument. */
export type Rng = () => number;

/**
 * Marsaglia's xor128, seeded exactly as seedrandom's `xor128` is (string seed mixed in, then 64
 * values discarded), so `streamRng(s)` yields the same numbers as `seedrandom.xor128(s)`.
 * The state lives in an Int32Array rather than in closure variables or object fields: V8 keeps
 * typed-array reads and writes as raw int32 operations, which measures several times faster
 * in Chromium than seedrandom's own object-field generator.
 */
export function streamRng(seed: string): Rng {
  const s = new Int32Array(4);
  const next = (): number => {
    const x = s[0]!;
    const t = x ^ (x << 11);
    s[0] = s[1]!;
    s[1] = s[2]!;
    const w = s[3]!;
    s[2] = w;
    s[3] = w ^ (w >>> 19) ^ t ^ (t >>> 8);
    return s[3]!;
  };
  for (let k = 0; k < seed.length + 64; k++) {
    s[0] = s[0]! ^ (seed.charCodeAt(k) | 0);
    next();
  }
  return () => (next() >>> 0) / 4294967296;
}

/**
 * The seed of one random stream: the run's seed, the replication index and a name for the part
 * of the model that draws from it. Staff flows and each demand stream draw from streams of their
 * own, so changing one staff group leaves every other draw unchanged (common random numbers).
 */
export function streamSeed(seed: string, replication: number, part: string): string {
  return `${seed}\u0000${replication}\u0000${part}`;
}
