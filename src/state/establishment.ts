import type { ScenarioInput } from '../scenario/schema.ts';

/** One row of the establishment table: a role in a unit, with its vacancies worked out. */
export interface EstablishmentRow {
  unitIndex: number;
  staffIndex: number;
  unitName: string;
  roleName: string;
  /** Posts − in post − in training; NaN while a figure is not a number. */
  vacancies: number;
  /** Vacancies as a share of posts; NaN with no posts. */
  vacancyShare: number;
}

const asNumber = (value: unknown, fallback: number) =>
  value === undefined ? fallback : typeof value === 'number' ? value : NaN;

export function establishmentRows(input: ScenarioInput): EstablishmentRow[] {
  const roleNames = new Map((input.roles ?? []).map((r) => [r.id, r.name]));
  return (input.units ?? []).flatMap((unit, unitIndex) =>
    (unit.staff ?? []).map((group, staffIndex) => {
      const posts = asNumber(group.establishment, NaN);
      const vacancies = posts - asNumber(group.inPost, NaN) - asNumber(group.inTraining, 0);
      return {
        unitIndex,
        staffIndex,
        unitName: unit.name,
        roleName: roleNames.get(group.role) ?? group.role,
        vacancies,
        vacancyShare: posts > 0 ? vacancies / posts : NaN,
      };
    }),
  );
}
