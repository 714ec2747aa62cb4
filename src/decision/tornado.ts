import type { TotalMetric } from '../engine/metrics.ts';
import { validateScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Evaluate } from './evaluate.ts';
import { lookSchedule, meanAndSd, ReplicationStore, sequentialZ } from './sequential.ts';
import {
  applyInputChange,
  describeChange,
  INPUT_LABELS,
  SENSITIVITY_INPUTS,
  type InputChange,
  type Side,
} from './sensitivityInputs.ts';
import { formatNumber } from './tableText.ts';
import {
  assumptionRanges,
  inputsWithoutRange,
  RANGE_HIGH,
  RANGE_LOW,
  scenarioAt,
  scenarioAtMedians,
  type NoRange,
} from './uncertainRanges.ts';

/**
 * How the tornado moves its inputs: `ranges`, each uncertain assumption across its own 5th to
 * 95th percentile with the others at their medians; `relative`, each of a fixed list of inputs
 * by ± a share of its value (±20% unless told otherwise), whatever range it may have.
 */
export type TornadoSwing = 'ranges' | 'relative';
export const TORNADO_SWINGS: readonly TornadoSwing[] = ['ranges', 'relative'];

export interface TornadoRow {
  /** The uncertain assumption's path (`ranges`), or the input's id (`relative`). */
  id: string;
  label: string;
  unit: string;
  /** How the input was set low and high, in words. */
  lowSetting: string;
  highSetting: string;
  /** `ranges` only: the assumption's 5th percentile, median and 95th percentile. */
  lowValue?: number;
  median?: number;
  highValue?: number;
  /** Mean of the metric with the input low, and high. */
  lowMean: number;
  highMean: number;
  /** highMean − lowMean: positive when raising the input raises the metric. */
  swing: number;
  /** Half-width of the swing's interval at the test's confidence (paired, sequential z). */
  halfWidth: number;
  /** Replications each side ran (0 when neither side changed the scenario). */
  replications: number;
  /** False if the swing was still not within the tolerance when the most replications were run. */
  settled: boolean;
  /**
   * Why a setting was not run, by side: its scenario failed the file check (more demand than a
   * run can hold, say), so its mean is the base mean. Absent when both settings ran.
   */
  notRun?: Partial<Record<Side, string>>;
}

/** A row's settings not run, one line each: "high setting not run: …". */
export function notRunNotes(row: TornadoRow): string[] {
  return (['low', 'high'] as const).flatMap((side) => {
    const reason = row.notRun?.[side];
    return reason === undefined ? [] : [`${side} setting not run: ${reason}`];
  });
}

export interface Tornado {
  metric: TotalMetric;
  seed: string;
  swing: TornadoSwing;
  /** How the inputs were moved, in words: "±20% of each input". */
  swingLabel: string;
  /** `relative` only: the share each input moved each way. */
  relativeChange?: number;
  /**
   * `ranges` only: the inputs `relative` would move, at each place where the file gives no
   * range; they stay as the file states them, and are listed as "no range given".
   */
  noRange: NoRange[];
  /** What a reader should know about the setting, e.g. that no assumption has a range. */
  note?: string;
  /** The most replications any run was allowed (every run's count, when not sequential). */
  replications: number;
  /** Mean of the metric at the base: the scenario, with any uncertain assumption at its median. */
  baseMean: number;
  /** Replications the base ran: the most any bar needed. */
  baseReplications: number;
  /** The test's confidence and tolerance (see TornadoOptions). */
  confidence: number;
  tolerance: number;
  sequential: boolean;
  /** Replications run in all, every run counted once. */
  totalReplications: number;
  /** Largest |swing| first. */
  rows: TornadoRow[];
}

export interface TornadoOptions {
  metric: TotalMetric;
  seed: string;
  /** The most replications a run may take; with `sequential: false`, every run's count. */
  replications: number;
  /** Stop each bar as soon as its swing is settled (default true); false runs every run to `replications`. */
  sequential?: boolean;
  /** Confidence of each bar's interval, over all its looks. Default 0.95. */
  confidence?: number;
  /** A bar is settled when its half-width is within this share of its length (or of a tenth of the longest bar). Default 0.1. */
  tolerance?: number;
  /** Replications at the first look. Default FIRST_LOOK. */
  firstLook?: number;
  /** How to move the inputs; default `ranges` when the scenario has uncertain assumptions, else `relative`. */
  swing?: TornadoSwing;
  /** `relative`: inputs to move; default every input in SENSITIVITY_INPUTS, at its default low and high. */
  inputs?: InputChange[];
  /** `relative`: change of each input, both ways. Default 0.2 (±20%). */
  relativeChange?: number;
}

/** The `relative` setting in words: "±20% of each input". */
export function relativeLabel(relativeChange = 0.2): string {
  return `±${Math.round(relativeChange * 1000) / 10}% of each input`;
}

export const RANGES_LABEL = `each uncertain assumption across its own ${RANGE_LOW * 100}th–${RANGE_HIGH * 100}th percentile, the others at their medians`;

/** One row's two settings, before they are run. */
interface Setting {
  row: Omit<
    TornadoRow,
    'lowMean' | 'highMean' | 'swing' | 'halfWidth' | 'replications' | 'settled'
  >;
  low: Scenario;
  high: Scenario;
}

/** What the tornado runs: its base, each row's settings, and what to say about them. */
interface Plan {
  base: Scenario;
  settings: Setting[];
  swingLabel: string;
  noRange: NoRange[];
  note?: string;
}

function rangesPlan(scenario: Scenario): Plan {
  const ranges = assumptionRanges(scenario);
  if (ranges.length === 0) {
    throw new RangeError(
      'No assumption in this scenario has a range given, so there are no ranges to move: give ranges as {"uncertain": …}, or move each input ±20%.',
    );
  }
  const medians = ranges.map((r) => r.median);
  const at = (j: number, value: number) =>
    scenarioAt(
      scenario,
      medians.map((m, i) => (i === j ? value : m)),
    );
  return {
    base: scenarioAt(scenario, medians),
    settings: ranges.map((r, j) => ({
      row: {
        id: r.path,
        label: r.label,
        unit: r.unit,
        lowSetting: `${formatNumber(r.low)} (${RANGE_LOW * 100}th percentile)`,
        highSetting: `${formatNumber(r.high)} (${RANGE_HIGH * 100}th percentile)`,
        lowValue: r.low,
        median: r.median,
        highValue: r.high,
      },
      low: at(j, r.low),
      high: at(j, r.high),
    })),
    swingLabel: RANGES_LABEL,
    noRange: inputsWithoutRange(scenario),
  };
}

function relativePlan(scenario: Scenario, inputs: InputChange[], relativeChange: number): Plan {
  const base = scenarioAtMedians(scenario);
  const given = scenario.uncertain?.length ?? 0;
  const swingLabel = relativeLabel(relativeChange);
  return {
    base,
    settings: inputs.map((change) => {
      const setting = describeChange(change, relativeChange);
      return {
        row: {
          id: change.id,
          ...INPUT_LABELS[change.id],
          lowSetting: setting.low,
          highSetting: setting.high,
        },
        low: applyInputChange(base, change, 'low', relativeChange),
        high: applyInputChange(base, change, 'high', relativeChange),
      };
    }),
    swingLabel,
    noRange: [],
    note:
      given === 0
        ? `No assumption in this scenario has a range given, so each input moves by ${swingLabel.replace(' of each input', '')}: a swing of the same size for every input, not a plausible range for any.`
        : `${swingLabel[0]!.toUpperCase()}${swingLabel.slice(1)}, ignoring the ranges the scenario gives; each uncertain assumption is held at its median.`,
  };
}

/**
 * Why a scenario with one input moved may not be run, or undefined when it may: moving an input
 * can take a valid file past a limit (a distribution's 90th percentile asking for more items
 * than a run can hold), and a run must hold to the same checks as a file.
 */
export function settingNotRun(changed: Scenario): string | undefined {
  const checked = validateScenario(changed);
  if (checked.ok) return undefined;
  const [first] = checked.problems;
  return first ? `${first.path}: ${first.message}` : 'it fails the file check.';
}

/** The test of each bar when no other is asked for: 95% confidence, within 10%. */
export const TORNADO_CONFIDENCE = 0.95;
export const TORNADO_TOLERANCE = 0.1;

/** A row's runs: a side that is not run (unchanged, or refused) shares the base's values. */
interface RowRuns {
  row: TornadoRow;
  low: ReplicationStore;
  high: ReplicationStore;
  active: boolean;
}

/**
 * One-at-a-time sensitivity: each input is set low then high with everything else at its base
 * value, and every run uses the same seed, so the swing in the metric's mean is the input's
 * own effect. With `ranges`, the inputs are the scenario's uncertain assumptions, each moved to
 * its own 5th and 95th percentile, and the base holds every one at its median; with
 * `relative`, each input moves by ± `relativeChange` of the base (uncertain assumptions again
 * at their medians). Every run is of a scenario with plain numbers in place of the ranges. A
 * change that leaves the scenario as it was is not run (its swing is 0); nor is
 * one whose scenario fails the file check: its mean is the base mean and the row says why.
 *
 * Sequential (the default): every bar starts at `firstLook` replications and doubles until its
 * swing is settled (its interval at the test's confidence within `tolerance` of its own length,
 * or of a tenth of the longest bar's) or `replications` is reached; see
 * docs/decision-tools.md. With `sequential: false`, every run has exactly `replications`.
 */
export async function tornado(
  scenario: Scenario,
  options: TornadoOptions,
  evaluate: Evaluate,
): Promise<Tornado> {
  const { metric, seed, replications } = options;
  const relativeChange = options.relativeChange ?? 0.2;
  const confidence = options.confidence ?? TORNADO_CONFIDENCE;
  const tolerance = options.tolerance ?? TORNADO_TOLERANCE;
  const sequential = options.sequential ?? true;
  const swing = options.swing ?? (scenario.uncertain?.length ? 'ranges' : 'relative');
  const plan =
    swing === 'ranges'
      ? rangesPlan(scenario)
      : relativePlan(
          scenario,
          options.inputs ?? SENSITIVITY_INPUTS.map((id) => ({ id })),
          relativeChange,
        );
  const looks = sequential ? lookSchedule(replications, options.firstLook) : [replications];
  const z = sequentialZ(confidence, looks.length);
  const baseText = JSON.stringify(plan.base);
  const base = new ReplicationStore(plan.base, seed, metric, evaluate);

  const runs: RowRuns[] = plan.settings.map((setting) => {
    const notRun: Partial<Record<Side, string>> = {};
    const store = (side: Side) => {
      const changed = setting[side];
      if (JSON.stringify(changed) === baseText) return base;
      const refused = settingNotRun(changed);
      if (refused === undefined) return new ReplicationStore(changed, seed, metric, evaluate);
      notRun[side] = refused;
      return base;
    };
    const low = store('low');
    const high = store('high');
    const row: TornadoRow = {
      ...setting.row,
      lowMean: 0,
      highMean: 0,
      swing: 0,
      halfWidth: 0,
      replications: 0,
      settled: true,
      ...(Object.keys(notRun).length > 0 ? { notRun } : {}),
    };
    return { row, low, high, active: low !== base || high !== base };
  });

  // Rounds at fixed counts: every unsettled bar is run to the round's count, then all are judged.
  for (const [k, n] of looks.entries()) {
    const active = runs.filter((r) => r.active);
    if (active.length === 0) break;
    await base.upTo(n);
    for (const r of active) {
      const low = await r.low.upTo(n);
      const high = await r.high.upTo(n);
      const { mean, sd } = meanAndSd(high.map((v, i) => v - low[i]!));
      Object.assign(r.row, { swing: mean, halfWidth: (z * sd) / Math.sqrt(n), replications: n });
    }
    const longest = Math.max(...runs.map((r) => Math.abs(r.row.swing)));
    for (const r of active) {
      const wanted = tolerance * Math.max(Math.abs(r.row.swing), longest / 10);
      r.row.settled = r.row.halfWidth <= wanted;
      if (r.row.settled || k === looks.length - 1) r.active = false;
    }
  }

  const baseValues = await base.upTo(base.replications);
  const baseMean = meanAndSd(baseValues).mean;
  // Each side's mean is the base's over all its replications plus the side's paired difference
  // from the base, so every bar is drawn from one base line.
  const sideMean = async (store: ReplicationStore, n: number) => {
    if (store === base || n === 0) return baseMean;
    const values = await store.upTo(n);
    return baseMean + meanAndSd(values.map((v, i) => v - baseValues[i]!)).mean;
  };
  const rows: TornadoRow[] = [];
  for (const { row, low, high } of runs) {
    const lowMean = await sideMean(low, row.replications);
    const highMean = await sideMean(high, row.replications);
    rows.push({ ...row, lowMean, highMean, swing: highMean - lowMean });
  }
  rows.sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing));
  return {
    metric,
    seed,
    swing,
    swingLabel: plan.swingLabel,
    ...(swing === 'relative' ? { relativeChange } : {}),
    noRange: plan.noRange,
    ...(plan.note !== undefined ? { note: plan.note } : {}),
    replications,
    baseMean,
    baseReplications: base.replications,
    confidence,
    tolerance,
    sequential,
    totalReplications: [base, ...runs.flatMap((r) => [r.low, r.high])]
      .filter((store, i, all) => all.indexOf(store) === i)
      .reduce((sum, store) => sum + store.replications, 0),
    rows,
  };
}
