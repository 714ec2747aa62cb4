import type { ScenarioInput } from '../scenario/schema.ts';
import { expectedMean } from '../scenario/distributionMoments.ts';
import type { Distribution } from '../scenario/distribution.ts';
import {
  DEMAND_STREAM,
  fieldInfoAt,
  RECRUITMENT,
  STAFF_GROUP,
  type FieldInfo,
  type FieldKeys,
} from '../scenario/fieldInfo.ts';

// One formatter for every line: toLocaleString builds a new one per call, which over the
// thousands of lines of a large scenario cost more than the rest of the summary.
const WHOLE = new Intl.NumberFormat('en-GB');
const count = (n: number) => WHOLE.format(Math.round(n));
/** A figure that may be fractional (a correlation, months of capacity), to two places. */
const FRACTION = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const mean = (d: Distribution | undefined, fallback = 0) => {
  if (d === undefined) return fallback;
  const m = expectedMean(d);
  return Number.isFinite(m) ? m : fallback;
};

/** The schema's words for a field; every field named here has them. */
const info = (keys: FieldKeys): FieldInfo => fieldInfoAt(keys) ?? { title: keys.join('.') };

/** A value as the schema describes it, its default where left out: "Leavers: 10% share per year". */
function phrase(keys: FieldKeys, value: unknown): string {
  const { title, unit, integer, min, max, defaultValue } = info(keys);
  const v = value ?? defaultValue;
  const shown =
    typeof v !== 'number'
      ? String(v ?? '–')
      : !integer && max === 1 && min === 0
        ? `${Math.round(v * 100)}%`
        : !integer && !Number.isInteger(v)
          ? FRACTION.format(v)
          : count(v);
  return `${title}: ${unit ? `${shown} ${unit}` : shown}`;
}

const STAFF = ['establishment', 'inPost', 'inTraining'] as const;
const PIPELINE = ['attritionPerYear', 'abstraction'] as const;
const HIRING = ['monthsToHire', 'maxHiresPerMonth'] as const;

/**
 * The inputs a chief officer needs beside the printed results, one sentence each, in the words
 * the editor uses for each field: staffing and its pipeline for every unit and role, and the
 * demand each stream brings.
 */
export function keyInputs(input: ScenarioInput): string[] {
  const roleNames = new Map((input.roles ?? []).map((r) => [r.id, r.name]));
  const lines: string[] = [`${phrase(['horizonMonths'], input.horizonMonths)}.`];
  for (const unit of input.units ?? []) {
    for (const g of unit.staff ?? []) {
      const role = roleNames.get(g.role) ?? g.role;
      const people = (g.inPost ?? 0) + (g.inTraining ?? 0);
      const staff = STAFF.map((k) => phrase([...STAFF_GROUP, k], g[k]));
      if (g.inRecruitment !== undefined)
        staff.push(phrase([...STAFF_GROUP, 'inRecruitment'], g.inRecruitment));
      const pipeline = PIPELINE.map((k) => phrase([...STAFF_GROUP, k], g[k]));
      const mode = g.recruitment?.mode ?? info([...RECRUITMENT, 'mode']).defaultValue;
      const hiring = [
        phrase([...RECRUITMENT, 'mode'], mode),
        ...(mode === 'none'
          ? []
          : HIRING.map((k) => phrase([...RECRUITMENT, k], g.recruitment?.[k]))),
      ];
      lines.push(
        `${role}, ${unit.name}: ${staff.join('; ')} (${count(g.establishment - people)} vacant); ` +
          `${[...pipeline, ...hiring].join('; ')}.`,
      );
    }
    for (const s of unit.demand ?? []) {
      const items = mean(s.casesPerMonth) * mean(s.itemsPerCase, 1);
      const hours = info([...DEMAND_STREAM, 'hoursPerItem']);
      // The optional demand fields are named only where the file sets them.
      const optional = [
        ...(s.maxExaminedPerCase !== undefined
          ? [phrase([...DEMAND_STREAM, 'maxExaminedPerCase'], s.maxExaminedPerCase)]
          : []),
        ...(s.suppression
          ? (['share', 'backlogMonths'] as const).map((k) =>
              phrase([...DEMAND_STREAM, 'suppression', k], s.suppression?.[k]),
            )
          : []),
        ...(s.hoursValueCorrelation !== undefined
          ? [phrase([...DEMAND_STREAM, 'hoursValueCorrelation'], s.hoursValueCorrelation)]
          : []),
      ];
      lines.push(
        `${s.name} (${unit.name}): about ${count(items)} ${s.kind === 'products' ? 'products' : 'suspects'} a month; ` +
          `${hours.title}: ${count(mean(s.hoursPerItem))} ${hours.unit ?? ''} on average` +
          `${optional.map((o) => `; ${o}`).join('')}.`,
      );
    }
  }
  return lines;
}
