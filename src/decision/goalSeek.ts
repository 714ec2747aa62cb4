import type { TotalMetric } from '../engine/metrics.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Evaluate } from './evaluate.ts';
import {
  applyLever,
  leverInfo,
  leverStep,
  leverValue,
  searchesFromLeast,
  type Lever,
} from './levers.ts';

export interface CurvePoint {
  value: number;
  /** Share of replications with metric < below. */
  probability: number;
  /** √(p(1 − p)/n): the Monte Carlo standard error of that share. */
  se: number;
}

export interface GoalSeekOptions {
  lever: Lever;
  metric: TotalMetric;
  /** The target: the metric must end up below this. */
  below: number;
  /** Required probability of meeting the target, e.g. 0.9. */
  confidence: number;
  seed: string;
  replications: number;
  /** Range searched; default from the lever's current value (see defaultRange). */
  min?: number;
  max?: number;
  /** Extra evenly spaced points evaluated for the curve, beyond those the search needs. Default 0. */
  curvePoints?: number;
}

export interface GoalSeekResult {
  /** Smallest value meeting the target (largest, for a lever that makes things worse as it rises); null if none in range. */
  answer: number | null;
  /** Every value evaluated, in increasing order. */
  curve: CurvePoint[];
  /** +1 if the probability rises with the lever, −1 if it falls. */
  direction: 1 | -1;
  /**
   * Evaluated values whose 95% interval for the probability (p ± 1.96·se) contains the
   * confidence: the answer could lie anywhere among them with another seed. Empty if none.
   */
  uncertainValues: number[];
}

/**
 * Search range when none is given: from the current value (or the least, for levers the table
 * says search from it) to twice the current value, at least 20 more for counts and at least
 * 0.3 for shares, within the schema's bounds.
 */
export function defaultRange(scenario: Scenario, lever: Lever): [number, number] {
  const current = leverValue(scenario, lever);
  const { min, max, integer } = leverInfo(lever.field);
  const start = searchesFromLeast(lever.field) ? min : current;
  const top = integer ? Math.max(2 * current, current + 20) : Math.max(0.3, 2 * current);
  return [start, Math.min(max, top)];
}

/**
 * The smallest value of a lever (whole people; for a share, a multiple of the step the schema
 * gives it) at which P(metric < below) ≥ confidence. The probability is taken as monotone in
 * the lever: bisection between the ends of the range on the grid of the lever's steps. Every run uses the same seed,
 * so the curve is smooth in the lever and the search does not chase noise.
 */
export async function goalSeek(
  scenario: Scenario,
  options: GoalSeekOptions,
  evaluate: Evaluate,
): Promise<GoalSeekResult> {
  const { lever, metric, below, confidence, seed, replications } = options;
  const [lo, hi] = defaultRange(scenario, lever);
  const min = options.min ?? lo;
  const max = options.max ?? hi;
  if (!(max >= min)) throw new Error(`The range must have max ≥ min (got ${min} to ${max}).`);
  if (!(confidence > 0 && confidence < 1))
    throw new Error(`Confidence must be between 0 and 1, not ${confidence}.`);
  const step = leverStep(lever.field);
  const steps = Math.round((max - min) / step);
  const valueAt = (k: number) => (step === 1 ? min + k : Math.round((min + k * step) * 1e6) / 1e6);
  const points = new Map<number, CurvePoint>();
  const at = async (k: number): Promise<CurvePoint> => {
    const known = points.get(k);
    if (known) return known;
    const value = valueAt(k);
    const run = await evaluate(applyLever(scenario, lever, value), seed, replications);
    const values = run.values(metric);
    let hits = 0;
    for (const v of values) if (v < below) hits++;
    const n = values.length;
    const p = hits / n;
    const point = { value, probability: p, se: Math.sqrt((p * (1 - p)) / n) };
    points.set(k, point);
    return point;
  };

  const first = await at(0);
  const last = await at(steps);
  const direction: 1 | -1 = last.probability >= first.probability ? 1 : -1;
  const meets = (p: CurvePoint) => p.probability >= confidence;
  let answer: number | null = null;
  // Along the direction of improvement, find the first step that meets the target.
  const [worst, best] = direction === 1 ? [0, steps] : [steps, 0];
  if (meets(await at(worst))) answer = valueAt(worst);
  else if (meets(await at(best))) {
    let fail = worst;
    let pass = best;
    while (Math.abs(pass - fail) > 1) {
      const mid = Math.floor((pass + fail) / 2);
      if (meets(await at(mid))) pass = mid;
      else fail = mid;
    }
    answer = valueAt(pass);
  }
  const extra = options.curvePoints ?? 0;
  for (let i = 1; i <= extra; i++) await at(Math.round((i * steps) / (extra + 1)));

  const curve = [...points.values()].sort((a, b) => a.value - b.value);
  const uncertainValues = curve
    .filter((p) => Math.abs(p.probability - confidence) <= 1.96 * p.se && p.se > 0)
    .map((p) => p.value);
  return { answer, curve, direction, uncertainValues };
}
