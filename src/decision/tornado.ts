import type { TotalMetric } from '../engine/metrics.ts';
import { validateScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Evaluate } from './evaluate.ts';
import {
  applyInputChange,
  describeChange,
  INPUT_LABELS,
  SENSITIVITY_INPUTS,
  type InputChange,
  type SensitivityInputId,
  type Side,
} from './sensitivityInputs.ts';

export interface TornadoRow {
  id: SensitivityInputId;
  label: string;
  unit: string;
  /** How the input was set low and high, in words. */
  lowSetting: string;
  highSetting: string;
  /** Mean of the metric with the input low, and high. */
  lowMean: number;
  highMean: number;
  /** highMean − lowMean: positive when raising the input raises the metric. */
  swing: number;
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
  replications: number;
  baseMean: number;
  /** Largest |swing| first. */
  rows: TornadoRow[];
}

export interface TornadoOptions {
  metric: TotalMetric;
  seed: string;
  replications: number;
  /** Inputs to move; default every input in SENSITIVITY_INPUTS, at its default low and high. */
  inputs?: InputChange[];
  /** Relative change of a fixed number, both ways. Default 0.2 (±20%). */
  relativeChange?: number;
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

/**
 * One-at-a-time sensitivity: each input is set low then high with everything else at its base
 * value, and every run uses the same seed, so the swing in the metric's mean is the input's
 * own effect. A change that leaves the scenario as it was is not run (its swing is 0); nor is
 * one whose scenario fails the file check: its mean is the base mean and the row says why.
 */
export async function tornado(
  scenario: Scenario,
  options: TornadoOptions,
  evaluate: Evaluate,
): Promise<Tornado> {
  const { metric, seed, replications } = options;
  const relativeChange = options.relativeChange ?? 0.2;
  const inputs = options.inputs ?? SENSITIVITY_INPUTS.map((id) => ({ id }));
  const baseText = JSON.stringify(scenario);
  const base = await evaluate(scenario, seed, replications);
  const baseMean = base.stat(metric).mean;
  const rows: TornadoRow[] = [];
  for (const change of inputs) {
    const notRun: Partial<Record<Side, string>> = {};
    const sideMean = async (side: Side) => {
      const changed = applyInputChange(scenario, change, side, relativeChange);
      if (JSON.stringify(changed) === baseText) return baseMean;
      const refused = settingNotRun(changed);
      if (refused === undefined)
        return (await evaluate(changed, seed, replications)).stat(metric).mean;
      notRun[side] = refused;
      return baseMean;
    };
    const lowMean = await sideMean('low');
    const highMean = await sideMean('high');
    const setting = describeChange(change, relativeChange);
    rows.push({
      id: change.id,
      ...INPUT_LABELS[change.id],
      lowSetting: setting.low,
      highSetting: setting.high,
      lowMean,
      highMean,
      swing: highMean - lowMean,
      ...(Object.keys(notRun).length > 0 ? { notRun } : {}),
    });
  }
  rows.sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing));
  return { metric, seed, replications, baseMean, rows };
}
