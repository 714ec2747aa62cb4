import type { Distribution } from '../scenario/distribution.ts';
import {
  DEMAND_STREAM,
  requireFieldInfo,
  STAFF_GROUP,
  type FieldInfo,
} from '../scenario/fieldInfo.ts';
import type { Scenario } from '../scenario/schema.ts';
import { scaleDistribution } from './scaleDistribution.ts';

/** The inputs the ±20% sensitivity moves, each across every unit or stream at once. */
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

interface InputPlace {
  /** Where the input sits: in each staff group, or in each demand stream. */
  owner: 'staff' | 'demand';
  /** Its keys within the owner. */
  keys: readonly string[];
  /** A distribution, every draw of which is scaled, rather than a fixed number. */
  distribution?: true;
}

/** Where each input sits; its label, unit and bounds are the schema's. */
const INPUTS: Record<SensitivityInputId, InputPlace> = {
  attritionPerYear: { owner: 'staff', keys: ['attritionPerYear'] },
  hoursPerItem: { owner: 'demand', keys: ['hoursPerItem'], distribution: true },
  casesPerMonth: { owner: 'demand', keys: ['casesPerMonth'], distribution: true },
  assetProbability: { owner: 'demand', keys: ['assetProbability'] },
  assetValue: { owner: 'demand', keys: ['assetValue'], distribution: true },
  abstraction: { owner: 'staff', keys: ['abstraction'] },
  monthsToHire: { owner: 'staff', keys: ['recruitment', 'monthsToHire'] },
};

/** An input's title, unit, help and bounds, from the schema. */
export function inputInfo(id: SensitivityInputId): FieldInfo {
  const { owner, keys } = INPUTS[id];
  return requireFieldInfo([...(owner === 'staff' ? STAFF_GROUP : DEMAND_STREAM), ...keys]);
}

/** True for an input that is a distribution, every draw of which is scaled. */
export function isDistributionInput(id: SensitivityInputId): boolean {
  return INPUTS[id].distribution === true;
}

/** Each input's label and unit, as the schema gives them. */
export const INPUT_LABELS = Object.fromEntries(
  SENSITIVITY_INPUTS.map((id) => {
    const { title, unit } = inputInfo(id);
    return [id, { label: title, unit: unit ?? '' }];
  }),
) as Record<SensitivityInputId, { label: string; unit: string }>;

/**
 * How far to move an input: by the multipliers given, or else by ± `relativeChange`. A
 * distribution is scaled so that every draw, and so its mean, is multiplied; a fixed number is
 * multiplied and kept within its bounds.
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

const clamp = (x: number, lo = -Infinity, hi = Infinity) => Math.min(hi, Math.max(lo, x));

/** A fixed number moved by `f`, within its schema bounds; a whole number by at least one step. */
function movedNumber(value: number, f: number, side: Side, info: FieldInfo): number {
  if (!info.integer) return clamp(value * f, info.min, info.max);
  // At least a step's change, or short values (a month's hiring) would never move.
  const step = info.step ?? 1;
  const moved =
    side === 'low'
      ? Math.min(value - step, Math.round(value * f))
      : Math.max(value + step, Math.round(value * f));
  return clamp(moved, info.min, info.max);
}

/** A copy of the scenario with one input moved to its low or high value. */
export function applyInputChange(
  scenario: Scenario,
  change: InputChange,
  side: Side,
  relativeChange = 0.2,
): Scenario {
  const next = structuredClone(scenario);
  const { owner, keys, distribution } = INPUTS[change.id];
  const info = inputInfo(change.id);
  const f = relative(side, change, relativeChange);
  const key = keys[keys.length - 1]!;
  const owners = next.units.flatMap((unit): object[] =>
    owner === 'staff' ? unit.staff : unit.demand,
  );
  for (const at of owners) {
    // The table's keys lead to the input in every owner, as the schema lays it out.
    let record = at as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) record = record[k] as Record<string, unknown>;
    const value = record[key];
    record[key] = distribution
      ? scaleDistribution(value as Distribution, f)
      : movedNumber(value as number, f, side, info);
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
  const info = inputInfo(change.id);
  if (info.integer) {
    const least = `at least ${info.step ?? 1} ${singular(info.unit ?? '')}`.trimEnd();
    return {
      low: `×${round(1 - relativeChange)} (${least} less)`,
      high: `×${round(1 + relativeChange)} (${least} more)`,
    };
  }
  return { low: `×${round(1 - relativeChange)}`, high: `×${round(1 + relativeChange)}` };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** `months` → `month`, for "at least 1 month": units are written in the plural. */
const singular = (unit: string) => unit.replace(/s$/, '');
