import { fieldInfoAt, STAFF_GROUP } from '../scenario/fieldInfo.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { csvRow } from '../files/csvCell.ts';
import { readDelimited } from '../files/delimitedText.ts';
import { valueFromText } from './numberText.ts';
import { getAt, pathText, setAt } from './path.ts';
import { afterFigureEdit } from './publishedFigure.ts';

/**
 * The establishment as a spreadsheet holds it: one row per role in a unit, with a header row
 * in the planner's words. Pasting reads it back, row by row, each row's problems named before
 * anything changes; the export writes the same columns.
 */

type Key =
  | 'establishment'
  | 'inPost'
  | 'inTraining'
  | 'inRecruitment'
  | 'attritionPerYear'
  | 'abstraction'
  | 'recruitment.mode'
  | 'recruitment.monthsToHire'
  | 'recruitment.maxHiresPerMonth';

interface Column {
  key: Key;
  header: string;
  /** Other headers a planner's sheet may use for the column, lower case. */
  aliases: string[];
}

export const ESTABLISHMENT_COLUMNS: readonly Column[] = [
  { key: 'establishment', header: 'Posts', aliases: ['establishment', 'funded posts'] },
  { key: 'inPost', header: 'In post', aliases: ['in post (trained)', 'trained in post'] },
  { key: 'inTraining', header: 'In training', aliases: ['trainees'] },
  {
    key: 'inRecruitment',
    header: 'In recruitment',
    aliases: ['recruitments under way', 'being recruited'],
  },
  {
    key: 'attritionPerYear',
    header: 'Leavers a year',
    aliases: ['leavers', 'attrition', 'leavers per year', 'attrition per year'],
  },
  { key: 'abstraction', header: 'Abstraction', aliases: [] },
  { key: 'recruitment.mode', header: 'Recruitment', aliases: [] },
  {
    key: 'recruitment.monthsToHire',
    header: 'Time to hire (months)',
    aliases: ['time to hire', 'months to hire'],
  },
  {
    key: 'recruitment.maxHiresPerMonth',
    header: 'Most hires a month',
    aliases: ['max hires per month', 'hires a month'],
  },
];

const RECRUITMENT_WORDS: Record<string, 'fill-vacancies' | 'none'> = {
  'fill vacancies': 'fill-vacancies',
  'fill-vacancies': 'fill-vacancies',
  yes: 'fill-vacancies',
  'no recruitment': 'none',
  none: 'none',
  no: 'none',
};

export interface PastedRow {
  /** Line of the pasted text, counting the header as line 1. */
  line: number;
  unit: string;
  role: string;
  values: Partial<Record<Key, number | string>>;
  /** What is wrong with the row, in words; empty when it can be taken. */
  problems: string[];
  /** What taking the row does, e.g. "updates", "adds the unit". */
  action: string;
}

export interface PastedEstablishment {
  /** Problems with the block as a whole (a header not understood); rows are then not read. */
  problems: string[];
  rows: PastedRow[];
  /** Columns the header gave, in the planner's words. */
  columns: string[];
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export function readEstablishment(text: string, input: ScenarioInput): PastedEstablishment {
  const [head, ...body] = readDelimited(text);
  if (!head) return { problems: ['Nothing was pasted.'], rows: [], columns: [] };
  const headers = head.cells.map(norm);
  const unitAt = headers.findIndex((h) => h === 'unit' || h === 'force' || h === 'team');
  const roleAt = headers.indexOf('role');
  const columnAt = new Map<Key, number>();
  const unknown: string[] = [];
  headers.forEach((h, i) => {
    if (i === unitAt || i === roleAt || h === '' || h === 'vacancies') return;
    const column = ESTABLISHMENT_COLUMNS.find((c) => norm(c.header) === h || c.aliases.includes(h));
    if (column) columnAt.set(column.key, i);
    else unknown.push(head.cells[i]!);
  });
  const problems: string[] = [];
  if (unitAt < 0 || roleAt < 0)
    problems.push(
      'The first row must be a header naming the columns, with “Unit” and “Role” among them.',
    );
  if (unknown.length > 0)
    problems.push(
      `The header has columns not understood: ${unknown.map((u) => `“${u}”`).join(', ')}. Use ${ESTABLISHMENT_COLUMNS.map((c) => `“${c.header}”`).join(', ')}.`,
    );
  if (problems.length > 0) return { problems, rows: [], columns: [] };

  const roles = input.roles ?? [];
  const units = input.units ?? [];
  const seen = new Map<string, number>();
  const addedUnits = new Set<string>();
  const addedRoles = new Set<string>();
  const rows = body.map(({ line, cells }): PastedRow => {
    const unit = cells[unitAt] ?? '';
    const role = cells[roleAt] ?? '';
    const rowProblems: string[] = [];
    if (!unit) rowProblems.push('no unit');
    if (!role) rowProblems.push('no role');
    const values: PastedRow['values'] = {};
    for (const [key, at] of columnAt) {
      const text = cells[at] ?? '';
      if (text === '') continue;
      const column = ESTABLISHMENT_COLUMNS.find((c) => c.key === key)!;
      if (key === 'recruitment.mode') {
        const mode = RECRUITMENT_WORDS[norm(text)];
        if (mode) values[key] = mode;
        else rowProblems.push(`${column.header} “${text}” is not “Fill vacancies” or “None”`);
        continue;
      }
      const problem = numberProblem(key, text);
      if (problem) rowProblems.push(`${column.header} ${problem}`);
      else values[key] = valueFromText(text) as number;
    }
    const existingUnit = units.find((u) => norm(u.name) === norm(unit));
    const existingRole = roles.find((r) => norm(r.name) === norm(role));
    const group = existingUnit?.staff.find((g) => g.role === existingRole?.id);
    const posts = values.establishment ?? group?.establishment;
    const people =
      Number(values.inPost ?? group?.inPost ?? 0) +
      Number(values.inTraining ?? group?.inTraining ?? 0);
    const recruiting = Number(values.inRecruitment ?? group?.inRecruitment ?? 0);
    if (typeof posts === 'number' && people > posts)
      rowProblems.push(`${people} in post and in training is more than the ${posts} posts`);
    else if (typeof posts === 'number' && people + recruiting > posts)
      rowProblems.push(
        `${recruiting} in recruitment with ${people} in post and in training is more than the ${posts} posts`,
      );
    if (!group && (values.establishment === undefined || values.inPost === undefined))
      rowProblems.push('a new row needs its posts and in post');
    const key = `${norm(unit)}\u0000${norm(role)}`;
    const first = seen.get(key);
    if (first !== undefined) rowProblems.push(`repeats the unit and role of line ${first}`);
    else seen.set(key, line);
    // A unit or role new to the scenario is added by the first row that names it.
    const newUnit = !existingUnit && !addedUnits.has(norm(unit));
    const newRole = !existingRole && !addedRoles.has(norm(role));
    addedUnits.add(norm(unit));
    addedRoles.add(norm(role));
    const added = [...(newUnit ? ['the unit'] : []), ...(newRole ? ['the role'] : [])];
    const action =
      added.length > 0 ? `adds ${added.join(' and ')}` : group ? 'updates' : 'adds the staff group';
    return { line, unit, role, values, problems: rowProblems, action };
  });
  return {
    problems: rows.length === 0 ? ['The paste has a header but no rows.'] : [],
    rows,
    columns: [...columnAt.keys()].map(
      (k) => ESTABLISHMENT_COLUMNS.find((c) => c.key === k)!.header,
    ),
  };
}

/** Why `text` cannot be the column's figure, or undefined when it can (10% reads as 0.1). */
function numberProblem(key: Key, text: string): string | undefined {
  const info = fieldInfoAt([...STAFF_GROUP, ...key.split('.')]);
  const value = valueFromText(text);
  if (typeof value !== 'number') return `“${text}” is not a number`;
  if (info?.integer && !Number.isInteger(value)) return `${value} is not a whole number`;
  if (info?.min !== undefined && value < info.min) return `${value} is below ${info.min}`;
  if (info?.max !== undefined && value > info.max) return `${value} is above ${info.max}`;
  return undefined;
}

/** Paths of each figure a pasted row sets, with its value: for the caller to set one by one. */
export function pastedFigures(
  input: ScenarioInput,
  rows: readonly PastedRow[],
): { input: ScenarioInput; figures: { path: (string | number)[]; value: unknown }[] } {
  let roles = [...(input.roles ?? [])];
  let units = (input.units ?? []).map((u) => ({ ...u, staff: [...u.staff] }));
  const figures: { path: (string | number)[]; value: unknown }[] = [];
  const idFor = (name: string, taken: string[]) => {
    const base =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'item';
    let id = base;
    for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
    return id;
  };
  for (const row of rows) {
    let role = roles.find((r) => norm(r.name) === norm(row.role));
    if (!role) {
      role = {
        id: idFor(
          row.role,
          roles.map((r) => r.id),
        ),
        name: row.role,
      };
      roles = [...roles, role];
    }
    let u = units.findIndex((x) => norm(x.name) === norm(row.unit));
    if (u < 0) {
      units = [
        ...units,
        {
          id: idFor(
            row.unit,
            units.map((x) => x.id),
          ),
          name: row.unit,
          staff: [],
          demand: [],
        },
      ];
      u = units.length - 1;
    }
    const unit = units[u]!;
    let s = unit.staff.findIndex((g) => g.role === role.id);
    if (s < 0) {
      unit.staff.push({ role: role.id, establishment: 0, inPost: 0 });
      s = unit.staff.length - 1;
    }
    for (const [key, value] of Object.entries(row.values))
      figures.push({ path: ['units', u, 'staff', s, ...key.split('.')], value });
  }
  return { input: { ...input, roles, units }, figures };
}

/** The establishment as CSV, with the columns a paste reads. */
export function establishmentCsv(input: ScenarioInput): string {
  const roleName = (id: string) => (input.roles ?? []).find((r) => r.id === id)?.name ?? id;
  const lines = [csvRow(['Unit', 'Role', ...ESTABLISHMENT_COLUMNS.map((c) => c.header)])];
  for (const unit of input.units ?? []) {
    for (const group of unit.staff) {
      const cell = (key: Key): string | number | undefined => {
        const [a, b] = key.split('.') as [string, string | undefined];
        const value = b
          ? (group.recruitment as Record<string, unknown> | undefined)?.[b]
          : (group as Record<string, unknown>)[a];
        if (value === undefined) {
          const fallback = fieldInfoAt([...STAFF_GROUP, ...key.split('.')])?.defaultValue;
          return fallback as string | number | undefined;
        }
        return value as string | number;
      };
      lines.push(
        csvRow([
          unit.name,
          roleName(group.role),
          ...ESTABLISHMENT_COLUMNS.map((c) => {
            const value = cell(c.key);
            return c.key === 'recruitment.mode'
              ? value === 'fill-vacancies'
                ? 'Fill vacancies'
                : 'None'
              : value;
          }),
        ]),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The scenario with every pasted row taken; published figures it changes become assumptions. */
export function applyEstablishment(
  input: ScenarioInput,
  rows: readonly PastedRow[],
): ScenarioInput {
  const { input: shaped, figures } = pastedFigures(input, rows);
  let out = shaped;
  for (const { path, value } of figures) {
    const before = getAt(out, path);
    if (Object.is(before, value)) continue;
    out = afterFigureEdit(setAt(out, path, value), pathText(path), before);
  }
  return out;
}
