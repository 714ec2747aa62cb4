import { HoursValueDraws } from './hoursValue.ts';
import type { CompiledStream } from './model.ts';
import type { Rng } from './random/rng.ts';
import type { Sampler } from './random/sampler.ts';

/**
 * What one thread keeps for a demand stream beyond its compiled form: the samplers of hours and
 * asset value (the stream's own, or its copula's), the random streams of its optional steps for
 * the replication being run, and scratch space for its case limit.
 */
export class StreamState {
  readonly hours: Sampler;
  readonly assetValue: Sampler;
  /** Set when hours and value are drawn together; its random stream is set per replication. */
  readonly hoursValue: HoursValueDraws | null;
  /** One uniform per case, from the stream's own `suppress:` stream; null without suppression. */
  suppressRng: Rng | null = null;
  /** Share of this month's cases not referred: the stream's share while its queue is behind, else 0. */
  suppressShare = 0;
  /** Where each of this month's referred cases ends among the items, for the case limit. */
  caseEnds = new Int32Array(64);
  caseCount = 0;
  /** Ranks of one case's items, and the same sorted, for the case limit. */
  caseRanks = new Float64Array(64);
  sortedRanks = new Float64Array(64);

  constructor(stream: CompiledStream) {
    this.hoursValue = stream.hoursValue
      ? new HoursValueDraws(stream.hoursValue, stream.hours, stream.assetValue)
      : null;
    this.hours = this.hoursValue ? this.hoursValue.hours : stream.hours;
    this.assetValue = this.hoursValue ? this.hoursValue.assetValue : stream.assetValue;
  }

  /** Notes that a referred case ends before item `seq`. */
  endCase(seq: number): void {
    if (this.caseCount === this.caseEnds.length) {
      const grown = new Int32Array(this.caseEnds.length * 2);
      grown.set(this.caseEnds);
      this.caseEnds = grown;
    }
    this.caseEnds[this.caseCount++] = seq;
  }

  /** Room for the ranks of a case of `n` items. */
  ranksFor(n: number): void {
    if (n <= this.caseRanks.length) return;
    const size = Math.max(n, this.caseRanks.length * 2);
    this.caseRanks = new Float64Array(size);
    this.sortedRanks = new Float64Array(size);
  }
}
