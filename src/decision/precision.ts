import { RunAggregate } from '../engine/aggregate/runAggregate.ts';
import { PERCENTILES, quantileOfSorted } from '../engine/aggregate/statistic.ts';
import type { ChunkResult } from '../engine/chunk.ts';
import { runChunk } from '../engine/chunk.ts';
import type { TotalMetric } from '../engine/metrics.ts';
import { compileModel, modelLayout } from '../engine/model.ts';
import { planChunks } from '../engine/run.ts';
import { Workspace } from '../engine/replicate.ts';
import type { Runner } from '../runner/runner.ts';
import type { Scenario } from '../scenario/schema.ts';

/** The statistic whose precision is wanted: the mean or a percentile. */
export type PrecisionStatistic = 'mean' | keyof typeof PERCENTILES;

/**
 * Runs replications [start, start + count) of a scenario under a seed. Results depend only on
 * the replication indices, so any runner and any chunking give the same values.
 */
export type RunRange = (
  scenario: Scenario,
  seed: string,
  start: number,
  count: number,
) => Promise<ChunkResult[]>;

/** RunRange in this thread, in chunks of `chunkSize`. */
export function inThreadRange(chunkSize = 100): RunRange {
  return (scenario, seed, start, count) => {
    const model = compileModel(scenario);
    const ws = new Workspace(model);
    return Promise.resolve(
      planChunks(count, chunkSize).map(([s, c]) => runChunk(model, seed, start + s, c, ws)),
    );
  };
}

/** RunRange on any Runner (a worker pool): the chunks it merged, in replication order. */
export function runnerRange(runner: Runner): RunRange {
  return async (scenario, seed, start, count) => {
    const chunks: ChunkResult[] = [];
    await runner.run(
      { scenario, seed, start, replications: count },
      { onChunk: (chunk) => chunks.push(chunk) },
    );
    return chunks;
  };
}

export interface PrecisionOptions {
  metric: TotalMetric;
  statistic: PrecisionStatistic;
  /** Wanted 95% half-width as a share of the estimate, e.g. 0.03 for "within 3%". */
  relativeTolerance: number;
  seed: string;
  /** Replications between checks. Fixed, so the stopping point never depends on the runner. Default 500. */
  batchSize?: number;
  /** Stop here even if not yet precise. Default 100,000. */
  maxReplications?: number;
}

export interface PrecisionCheck {
  replications: number;
  estimate: number;
  halfWidth: number;
}

export interface PrecisionResult {
  /** Replications it took (or the cap). */
  replications: number;
  /** True if the tolerance was met; false if the cap was reached first. */
  precise: boolean;
  estimate: number;
  /** 95% confidence interval half-width of the statistic. */
  halfWidth: number;
  /** Every check made, one per batch. */
  checks: PrecisionCheck[];
  aggregate: RunAggregate;
}

/**
 * The statistic and its 95% interval half-width. For the mean, 1.96·sd/√n. For the p-th
 * percentile, the distribution-free interval between order statistics: the number of values
 * below the true percentile is Binomial(n, p), so ranks np ∓ 1.96·√(np(1 − p)) bound it; the
 * half-width is half the distance between those two order statistics.
 */
export function estimateWithHalfWidth(
  values: Float64Array,
  statistic: PrecisionStatistic,
): PrecisionCheck {
  const n = values.length;
  if (statistic === 'mean') {
    let sum = 0;
    for (const v of values) sum += v;
    const mean = sum / n;
    let ss = 0;
    for (const v of values) ss += (v - mean) ** 2;
    const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Infinity;
    return { replications: n, estimate: mean, halfWidth: (1.96 * sd) / Math.sqrt(n) };
  }
  const p = PERCENTILES[statistic];
  const sorted = Float64Array.from(values).sort();
  const estimate = quantileOfSorted(n, p, (k) => sorted[k]!);
  const spread = 1.96 * Math.sqrt(n * p * (1 - p));
  const lo = Math.floor(n * p - spread);
  const hi = Math.ceil(n * p + spread);
  // Ranks outside the sample mean the interval is not yet bounded.
  if (lo < 1 || hi > n) return { replications: n, estimate, halfWidth: Infinity };
  return { replications: n, estimate, halfWidth: (sorted[hi - 1]! - sorted[lo - 1]!) / 2 };
}

/**
 * Runs batches of a fixed size until the statistic's 95% half-width is within
 * relativeTolerance × |estimate|, checking after each batch. An estimate of 0 is precise only
 * with a half-width of 0. The same seed and tolerance give the same count on any runner.
 */
export async function runUntilPrecise(
  scenario: Scenario,
  options: PrecisionOptions,
  runRange: RunRange,
): Promise<PrecisionResult> {
  const batch = options.batchSize ?? 500;
  const cap = options.maxReplications ?? 100_000;
  if (!(options.relativeTolerance > 0)) throw new Error('The tolerance must be above 0.');
  const aggregate = new RunAggregate(modelLayout(scenario), Math.min(cap, batch * 4));
  const checks: PrecisionCheck[] = [];
  let done = 0;
  for (;;) {
    const count = Math.min(batch, cap - done);
    for (const chunk of await runRange(scenario, options.seed, done, count)) aggregate.add(chunk);
    done += count;
    const check = estimateWithHalfWidth(aggregate.values(options.metric), options.statistic);
    checks.push(check);
    const precise = check.halfWidth <= options.relativeTolerance * Math.abs(check.estimate);
    if (precise || done >= cap) {
      return {
        replications: done,
        precise,
        estimate: check.estimate,
        halfWidth: check.halfWidth,
        checks,
        aggregate,
      };
    }
  }
}
