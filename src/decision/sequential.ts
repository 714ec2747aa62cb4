import { normalQuantile } from '../engine/random/normalQuantile.ts';
import type { RunAggregate } from '../engine/aggregate/runAggregate.ts';
import type { TotalMetric } from '../engine/metrics.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Evaluate } from './evaluate.ts';

/**
 * Sequential testing for the decision tools: each evaluation runs a few replications, looks at
 * whether its comparison is settled, and runs more only if not. The looks fall at fixed counts
 * (`lookSchedule`), never at counts that depend on timing or on the runner, so the same
 * scenario, seed and settings give the same answer on any number of workers.
 */

/** Replications at the first look, unless a tool is told otherwise. */
export const FIRST_LOOK = 50;

/**
 * The counts at which an evaluation is looked at: `first`, then doubling, ending at `cap`
 * (which is always the last look). A cap at or below `first` gives one look at the cap.
 */
export function lookSchedule(cap: number, first = FIRST_LOOK): number[] {
  if (!(cap >= 1)) throw new Error(`At most ${cap} replications is too few: give at least 1.`);
  const looks: number[] = [];
  for (let n = Math.max(1, Math.floor(first)); n < cap; n *= 2) looks.push(n);
  looks.push(cap);
  return looks;
}

/**
 * The z-value each look uses so that the whole sequence of `looks` looks keeps the wanted
 * confidence: Bonferroni's split of the error, α/looks at each, two-sided. Conservative, and
 * exact in what it promises whatever the looks' correlation.
 */
export function sequentialZ(confidence: number, looks: number): number {
  if (!(confidence > 0 && confidence < 1))
    throw new Error(`The confidence must be between 0 and 1, not ${confidence}.`);
  return normalQuantile(1 - (1 - confidence) / (2 * Math.max(1, looks)));
}

/** Wilson's score interval for a share of `hits` in `n` at a given z: sound at 0 and 1, where p ± z·se is not. */
export function wilsonInterval(hits: number, n: number, z: number): [number, number] {
  if (n <= 0) return [0, 1];
  const p = hits / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Mean and sample standard deviation of the first `n` values. */
export function meanAndSd(
  values: ArrayLike<number>,
  n = values.length,
): { mean: number; sd: number } {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}

/**
 * One scenario's values of one result, replication by replication, run on demand: asking for
 * more replications runs only the ones not yet run, from where the last run stopped. Every
 * store of a comparison uses the same seed, so replication i of each saw the same luck.
 */
export class ReplicationStore {
  private values = new Float64Array(0);
  private count = 0;
  /** The latest run's results: its replications alone, for a look at more than this one result. */
  lastRun: RunAggregate | undefined;

  constructor(
    readonly scenario: Scenario,
    private readonly seed: string,
    private readonly metric: TotalMetric,
    private readonly evaluate: Evaluate,
  ) {}

  /** Replications run so far. */
  get replications(): number {
    return this.count;
  }

  /** Runs replications up to `n` (none if already there) and returns the first n values. */
  async upTo(n: number): Promise<Float64Array> {
    if (n > this.count) {
      const run = await this.evaluate(
        this.scenario,
        this.seed,
        n - this.count,
        undefined,
        this.count,
      );
      this.lastRun = run;
      const more = run.values(this.metric);
      const next = new Float64Array(n);
      next.set(this.values.subarray(0, this.count));
      next.set(more.subarray(0, n - this.count), this.count);
      this.values = next;
      this.count = n;
    }
    return this.values.subarray(0, n);
  }
}
