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
  const stream = new StreamSet(1);
  stream.seed(0, seed);
  return stream.draw;
}

/**
 * A set of streams drawn through one function: `select(k)` makes stream k the one `draw` draws
 * from. A function V8 has seen at a call site before is compiled into the caller, where a
 * different function for each stream (or each replication) is called out of line at several
 * times the cost of the draw itself; so a replication seeds the same set anew rather than making
 * new generators, and switches streams by swapping four numbers.
 */
export class StreamSet {
  /**
   * The selected stream's state. A loop that draws many uniforms may take it into local
   * variables, step them as `next` does, and write them back before anything else draws.
   */
  readonly state = new Int32Array(4);
  /** Every stream's state, four numbers each, written back when another is selected. */
  private readonly saved: Int32Array;
  private selected = 0;
  /** Uniforms in [0, 1) from the selected stream: seedrandom.xor128's numbers for its seed. */
  readonly draw: Rng;
  private readonly next: () => number;

  constructor(readonly size: number) {
    this.saved = new Int32Array(4 * size);
    const s = this.state;
    this.next = (): number => {
      const x = s[0]!;
      const t = x ^ (x << 11);
      s[0] = s[1]!;
      s[1] = s[2]!;
      const w = s[3]!;
      s[2] = w;
      s[3] = w ^ (w >>> 19) ^ t ^ (t >>> 8);
      return s[3]!;
    };
    const next = this.next;
    this.draw = () => (next() >>> 0) / 4294967296;
  }

  /** Seeds stream k as seedrandom.xor128(seed) is seeded, and selects it. */
  seed(k: number, seed: string): void {
    const { state: s, next } = this;
    this.select(k);
    s.fill(0);
    for (let c = 0; c < seed.length + 64; c++) {
      s[0] = s[0]! ^ (seed.charCodeAt(c) | 0);
      next();
    }
  }

  /** Makes stream k the one `draw` draws from. */
  select(k: number): void {
    if (k === this.selected) return;
    const { state: s, saved } = this;
    const from = 4 * this.selected;
    saved[from] = s[0]!;
    saved[from + 1] = s[1]!;
    saved[from + 2] = s[2]!;
    saved[from + 3] = s[3]!;
    const to = 4 * k;
    s[0] = saved[to]!;
    s[1] = saved[to + 1]!;
    s[2] = saved[to + 2]!;
    s[3] = saved[to + 3]!;
    this.selected = k;
  }
}

/**
 * The seed of one random stream: the run's seed, the replication index and a name for the part
 * of the model that draws from it. Staff flows and each demand stream draw from streams of their
 * own, so changing one staff group leaves every other draw unchanged (common random numbers).
 */
export function streamSeed(seed: string, replication: number, part: string): string {
  return `${seed}\u0000${replication}\u0000${part}`;
}
