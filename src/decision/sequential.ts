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
 * Φ⁻¹(p), the standard normal quantile, by Acklam's rational approximation: relative error
 * below 1.2e-9 over (0, 1), far finer than any Monte Carlo error it is used with.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`A normal quantile needs 0 < p < 1, not ${p}.`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  return x;
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
