import { expectedMean } from '../scenario/distributionMoments.ts';
import type { Distribution } from '../scenario/distribution.ts';
import { LIMITS } from '../scenario/limits.ts';
import type { Scenario } from '../scenario/schema.ts';
import { percentiles10And90, scaleDistribution } from './scaleDistribution.ts';

/** The uncertain inputs a sensitivity run moves, each across every unit or stream at once. */
export const SENSITIVITY_INPUTS = [
  'attritionPerYear',
  'hoursPerItem',
  'casesPerMonth',
  'assetProbability',
  'assetValue',
  'abstraction',
  'monthsToHire',
] as const;
export type SensitivityInputId = (typeof SENSITIVITY_INPUTS)[number];

export const INPUT_LABELS: Record<SensitivityInputId, { label: string; unit: string }> = {
  attritionPerYear: { label: 'Leavers', unit: 'share per year' },
  hoursPerItem: { label: 'Hours per suspect', unit: 'hours' },
  casesPerMonth: { label: 'Cases per month', unit: 'cases' },
  assetProbability: { label: 'Share holding assets', unit: 'share of suspects' },
  assetValue: { label: 'Asset value', unit: '£ per suspect holding assets' },
  abstraction: { label: 'Abstraction', unit: 'share of hours' },
  monthsToHire: { label: 'Time to hire', unit: 'months' },
};

const DISTRIBUTION_INPUTS = new Set<SensitivityInputId>([
  'hoursPerItem',
  'casesPerMonth',
  'assetValue',
]);

/**
 * How far to move an input. With no multipliers, a distribution is scaled so its mean moves to
 * its own 10th (low) and 90th (high) percentile, each stream by its own distribution; a fixed
 * number moves by ± `relativeChange`. With multipliers, every value is multiplied by them.
 */
export interface InputChange {
  id: SensitivityInputId;
  low?: number;
  high?: number;
}

export type Side = 'low' | 'high';

function relative(side: Side, change: InputChange, relativeChange: number): number {
  const given = side === 'low' ? change.low : change.high;
  return given ?? (side === 'low' ? 1 - relativeChange : 1 + relativeChange);
}

function scaled(
  d: Distribution,
  side: Side,
  change: InputChange,
  relativeChange: number,
): Distribution {
  const given = side === 'low' ? change.low : change.high;
  if (given !== undefined) return scaleDistribution(d, given);
  const mean = expectedMean(d);
  const [p10, p90] = percentiles10And90(d);
  if (mean <= 0) return d;
  if (p10 === p90) return scaleDistribution(d, relative(side, change, relativeChange));
  return scaleDistribution(d, (side === 'low' ? p10 : p90) / mean);
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A copy of the scenario with one input moved to its low or high value. */
export function applyInputChange(
  scenario: Scenario,
  change: InputChange,
  side: Side,
  relativeChange = 0.2,
): Scenario {
  const next = structuredClone(scenario);
  const f = relative(side, change, relativeChange);
  for (const unit of next.units) {
    for (const g of unit.staff) {
      if (change.id === 'attritionPerYear')
        g.attritionPerYear = clamp(g.attritionPerYear * f, 0, 1);
      if (change.id === 'abstraction') g.abstraction = clamp(g.abstraction * f, 0, 1);
      if (change.id === 'monthsToHire') {
        const m = g.recruitment.monthsToHire;
        // At least a month's change, or short recruitments would never move.
        const moved =
          side === 'low' ? Math.min(m - 1, Math.round(m * f)) : Math.max(m + 1, Math.round(m * f));
        g.recruitment.monthsToHire = clamp(moved, 0, LIMITS.pipelineMonths);
      }
    }
    for (const s of unit.demand) {
      if (change.id === 'assetProbability')
        s.assetProbability = clamp(s.assetProbability * f, 0, 1);
      if (change.id === 'hoursPerItem')
        s.hoursPerItem = scaled(s.hoursPerItem, side, change, relativeChange);
      if (change.id === 'casesPerMonth')
        s.casesPerMonth = scaled(s.casesPerMonth, side, change, relativeChange);
      if (change.id === 'assetValue')
        s.assetValue = scaled(s.assetValue, side, change, relativeChange);
    }
  }
  return next;
}

/** In words, how the input was moved to its low and high values. */
export function describeChange(
  change: InputChange,
  relativeChange = 0.2,
): { low: string; high: string } {
  if (change.low !== undefined || change.high !== undefined) {
    const low = relative('low', change, relativeChange);
    const high = relative('high', change, relativeChange);
    return { low: `×${round(low)}`, high: `×${round(high)}` };
  }
  if (DISTRIBUTION_INPUTS.has(change.id)) {
    return { low: 'mean at its 10th percentile', high: 'mean at its 90th percentile' };
  }
  if (change.id === 'monthsToHire') {
    return {
      low: `×${round(1 - relativeChange)} (at least 1 month less)`,
      high: `×${round(1 + relativeChange)} (at least 1 month more)`,
    };
  }
  return { low: `×${round(1 - relativeChange)}`, high: `×${round(1 + relativeChange)}` };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
