import type { TotalMetric } from '../engine/metrics.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Evaluate } from './evaluate.ts';
import {
  applyInputChange,
  describeChange,
  INPUT_LABELS,
  SENSITIVITY_INPUTS,
  type InputChange,
  type SensitivityInputId,
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
 * One-at-a-time sensitivity: each input is set low then high with everything else at its base
 * value, and every run uses the same seed, so the swing in the metric's mean is the input's
 * own effect. A change that leaves the scenario as it was is not run (its swing is 0).
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
  const meanOf = async (changed: Scenario) =>
    JSON.stringify(changed) === baseText
      ? baseMean
      : (await evaluate(changed, seed, replications)).stat(metric).mean;
  const rows: TornadoRow[] = [];
  for (const change of inputs) {
    const lowMean = await meanOf(applyInputChange(scenario, change, 'low', relativeChange));
    const highMean = await meanOf(applyInputChange(scenario, change, 'high', relativeChange));
    const setting = describeChange(change, relativeChange);
    rows.push({
      id: change.id,
      ...INPUT_LABELS[change.id],
      lowSetting: setting.low,
      highSetting: setting.high,
      lowMean,
      highMean,
      swing: highMean - lowMean,
    });
  }
  rows.sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing));
  return { metric, seed, replications, baseMean, rows };
}
