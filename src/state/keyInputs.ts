import type { ScenarioInput } from '../scenario/schema.ts';
import { expectedMean } from '../scenario/distributionMoments.ts';
import type { Distribution } from '../scenario/distribution.ts';

const count = (n: number) => Math.round(n).toLocaleString('en-GB');
const share = (p: number | undefined) => (p === undefined ? '–' : `${Math.round(p * 100)}%`);
const mean = (d: Distribution | undefined, fallback = 0) => {
  if (d === undefined) return fallback;
  const m = expectedMean(d);
  return Number.isFinite(m) ? m : fallback;
};

/**
 * The inputs a chief officer needs beside the printed results, one sentence each: staffing and
 * its pipeline for every unit and role, and the demand each stream brings.
 */
export function keyInputs(input: ScenarioInput): string[] {
  const roleNames = new Map((input.roles ?? []).map((r) => [r.id, r.name]));
  const lines: string[] = [`Horizon: ${input.horizonMonths ?? 48} months.`];
  for (const unit of input.units ?? []) {
    for (const g of unit.staff ?? []) {
      const role = roleNames.get(g.role) ?? g.role;
      const people = (g.inPost ?? 0) + (g.inTraining ?? 0);
      const hiring =
        g.recruitment?.mode === 'fill-vacancies'
          ? `recruiting up to ${g.recruitment.maxHiresPerMonth ?? 2} a month, ${g.recruitment.monthsToHire ?? 6} months to hire`
          : 'no recruitment';
      lines.push(
        `${role}, ${unit.name}: ${count(g.establishment)} posts, ${count(g.inPost)} in post, ` +
          `${count(g.inTraining ?? 0)} in training (${count(g.establishment - people)} vacant); ` +
          `${share(g.attritionPerYear ?? 0.1)} leave a year; ${share(g.abstraction ?? 0)} of hours abstracted; ${hiring}.`,
      );
    }
    for (const s of unit.demand ?? []) {
      const items = mean(s.casesPerMonth) * mean(s.itemsPerCase, 1);
      lines.push(
        `${s.name} (${unit.name}): about ${count(items)} ${s.kind === 'products' ? 'products' : 'suspects'} a month, ` +
          `${count(mean(s.hoursPerItem))} hours each on average.`,
      );
    }
  }
  return lines;
}
