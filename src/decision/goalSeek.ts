import type { TotalMetric } from '../engine/metrics.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Evaluate } from './evaluate.ts';
import { findBottleneck } from '../results/bottleneck.ts';
import { answerMeaning, type AnswerMeaning } from './goalAnswer.ts';
import { lookSchedule, ReplicationStore, sequentialZ, wilsonInterval } from './sequential.ts';
import {
  applyLever,
  leverBounds,
  leverInfo,
  leverStep,
  leverValue,
  searchesFromLeast,
  type Lever,
} from './levers.ts';

/** What the test said at a value: meets the target, fails it, or too close to the confidence to say. */
export type Verdict = 'meets' | 'fails' | 'close';

export interface CurvePoint {
  value: number;
  /** Share of replications with metric < below. */
  probability: number;
  /** √(p(1 − p)/n): the Monte Carlo standard error of that share. */
  se: number;
  /** Replications run at this value. */
  replications: number;
  verdict: Verdict;
  /** Wilson interval for the probability at the test's (sequential) z. */
  interval: [number, number];
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
  /** Stop each value's runs once the test settles it (default true); false runs each to `replications`. */
  sequential?: boolean;
  /** Confidence of each value's test, over all its looks. Default 0.95. */
  testConfidence?: number;
  /** Stop when the probability's interval is this narrow either side, settled or not. Default 0.04. */
  indifference?: number;
  /** Replications at the first look. Default FIRST_LOOK. */
  firstLook?: number;
}

export interface GoalSeekResult {
  /** Smallest value meeting the target (largest, for a lever that makes things worse as it rises); null if none in range. */
  answer: number | null;
  /** Every value evaluated, in increasing order. */
  curve: CurvePoint[];
  /** +1 if the probability rises with the lever, −1 if it falls. */
  direction: 1 | -1;
  /**
   * Evaluated values the test left unsettled (`close`): the probability there is too near the
   * confidence to say which side it is on. Empty if none.
   */
  uncertainValues: number[];
  /** Lowest and highest values the answer could be, given which values the test left unsettled. */
  answerRange: [number, number] | null;
  /** What the answer changes in the scenario, every change one the editor takes, and what it means. */
  meaning: AnswerMeaning | null;
  /** With no answer: what limits capacity at the best end of the range, in a sentence. */
  why: string | null;
  /** The most replications at any value (every value's count, when not sequential). */
  replications: number;
  /** Replications run in all. */
  totalReplications: number;
  sequential: boolean;
  testConfidence: number;
}

/**
 * Search range when none is given: from the current value (or the least, for levers the table
 * says search from it) to twice the current value, at least 20 more for counts and at least
 * 0.3 for shares, within the schema's bounds.
 */
export function defaultRange(scenario: Scenario, lever: Lever): [number, number] {
  const current = leverValue(scenario, lever);
  const { integer } = leverInfo(lever.field);
  const [min, max] = leverBounds(scenario, lever);
  const start = searchesFromLeast(lever.field) ? min : Math.max(min, Math.min(max, current));
  const top = integer ? Math.max(2 * current, current + 20) : Math.max(0.3, 2 * current);
  return [start, Math.max(start, Math.min(max, top))];
}

/** The test at each value when no other is asked for: 95% confidence, four points either side. */
export const GOAL_TEST_CONFIDENCE = 0.95;
export const GOAL_INDIFFERENCE = 0.04;

/**
 * The smallest value of a lever (whole people; for a share, a multiple of the step the schema
 * gives it) at which P(metric < below) ≥ confidence. The probability is taken as monotone in
 * the lever: bisection between the ends of the range on the grid of the lever's steps. Every run uses the same seed,
 * so the curve is smooth in the lever and the search does not chase noise.
 *
 * Sequential (the default): each value evaluated starts at `firstLook` replications and doubles
 * until the test says whether it meets the target (see docs/decision-tools.md); with
 * `sequential: false` every value has exactly `replications`.
 */
export async function goalSeek(
  scenario: Scenario,
  options: GoalSeekOptions,
  evaluate: Evaluate,
): Promise<GoalSeekResult> {
  const { lever, metric, below, confidence, seed, replications } = options;
  const [lo, hi] = defaultRange(scenario, lever);
  const [least, most] = leverBounds(scenario, lever);
  const min = options.min ?? lo;
  const max = options.max ?? hi;
  if (!(max >= min)) throw new Error(`The range must have max ≥ min (got ${min} to ${max}).`);
  // Only values the editor would take are tried, so no answer is one a planner cannot enter.
  if (min < least || max > most)
    throw new Error(
      `${leverInfo(lever.field).title} can only be set from ${least} to ${most} in this scenario (posts hold everyone in post and in training); the range ${min} to ${max} goes outside that.`,
    );
  if (!(confidence > 0 && confidence < 1))
    throw new Error(`Confidence must be between 0 and 1, not ${confidence}.`);
  const sequential = options.sequential ?? true;
  const testConfidence = options.testConfidence ?? GOAL_TEST_CONFIDENCE;
  const indifference = options.indifference ?? GOAL_INDIFFERENCE;
  const looks = sequential ? lookSchedule(replications, options.firstLook) : [replications];
  const z = sequentialZ(testConfidence, looks.length);
  const step = leverStep(lever.field);
  const steps = Math.round((max - min) / step);
  const valueAt = (k: number) => (step === 1 ? min + k : Math.round((min + k * step) * 1e6) / 1e6);
  const points = new Map<number, CurvePoint>();
  const stores = new Map<number, ReplicationStore>();
  let total = 0;
  const at = async (k: number): Promise<CurvePoint> => {
    const known = points.get(k);
    if (known) return known;
    const value = valueAt(k);
    const store = new ReplicationStore(applyLever(scenario, lever, value), seed, metric, evaluate);
    stores.set(k, store);
    let point: CurvePoint | undefined;
    for (const [look, n] of looks.entries()) {
      const values = await store.upTo(n);
      let hits = 0;
      for (const v of values) if (v < below) hits++;
      const p = hits / n;
      const [low, high] = wilsonInterval(hits, n, z);
      const verdict: Verdict = low >= confidence ? 'meets' : high < confidence ? 'fails' : 'close';
      point = {
        value,
        probability: p,
        se: Math.sqrt((p * (1 - p)) / n),
        replications: n,
        verdict,
        interval: [low, high],
      };
      // Settled, or so near the confidence that either side of it serves as well.
      if (verdict !== 'close' || high - low <= 2 * indifference || look === looks.length - 1) break;
    }
    total += point!.replications;
    points.set(k, point!);
    return point!;
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
      const point = await at(mid);
      if (meets(point)) pass = mid;
      else fail = mid;
      // Meeting the target but within the indifference zone of it: values nearer the worst end
      // would be too, at the same cost each, and answerRange says how far the answer could move.
      const [low, high] = point.interval;
      if (meets(point) && point.verdict === 'close' && high - low <= 2 * indifference) break;
    }
    answer = valueAt(pass);
  }
  const extra = options.curvePoints ?? 0;
  for (let i = 1; i <= extra; i++) await at(Math.round((i * steps) / (extra + 1)));

  const curve = [...points.values()].sort((a, b) => a.value - b.value);
  const uncertainValues = curve.filter((p) => p.verdict === 'close').map((p) => p.value);
  // With no value in range meeting the target, what limits capacity at the best value tried.
  let why: string | null = null;
  if (answer === null) {
    const bestStore = stores.get(best);
    const run = bestStore?.lastRun;
    if (bestStore && run) why = findBottleneck(bestStore.scenario, run.summary()).sentence;
  }
  return {
    answer,
    meaning: answer === null ? null : answerMeaning(scenario, lever, answer),
    why,
    answerRange:
      answer === null
        ? null
        : answerRange(curve, answer, direction, step, [valueAt(worst), valueAt(best)]),
    curve,
    direction,
    uncertainValues,
    replications,
    totalReplications: total,
    sequential,
    testConfidence,
  };
}

/**
 * The values the answer could take, given which values the test settled: from one step past
 * the last value settled as failing (or the start of the range) to the first value, from the
 * answer on, settled as meeting (or the end of the range). The probability is taken as
 * monotone in the lever, as the search does.
 */
function answerRange(
  curve: CurvePoint[],
  answer: number,
  direction: 1 | -1,
  step: number,
  [worst, best]: [number, number],
): [number, number] {
  const ahead = (p: CurvePoint) => direction * (p.value - answer);
  const ordered = direction === 1 ? curve : [...curve].reverse();
  const lastFail = ordered.filter((p) => ahead(p) < 0 && p.verdict === 'fails').at(-1);
  const earliest = lastFail ? round(lastFail.value + direction * step) : worst;
  const latest = ordered.find((p) => ahead(p) >= 0 && p.verdict === 'meets')?.value ?? best;
  return earliest <= latest ? [earliest, latest] : [latest, earliest];
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
