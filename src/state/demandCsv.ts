import { csvRow } from '../files/csvCell.ts';
import { readDelimited } from '../files/delimitedText.ts';
import { DEMAND_STREAM, fieldInfoAt } from '../scenario/fieldInfo.ts';
import { demandStreamSchema, type ScenarioInput } from '../scenario/schema.ts';
import { distributionFromText, distributionText } from './distributionText.ts';
import { valueFromText } from './numberText.ts';
import { getAt, pathText, setAt } from './path.ts';
import { afterFigureEdit } from './publishedFigure.ts';
import { idFrom } from './structure.ts';

/**
 * The demand streams as a spreadsheet holds them: one row per stream, a header row in the
 * planner's words. An uncertain figure is a number or its shape and values in one cell
 * ("lognormal 30 60"). A paste names each row's problems before anything changes.
 */

type Key =
  | 'kind'
  | 'role'
  | 'casesPerMonth'
  | 'itemsPerCase'
  | 'hoursPerItem'
  | 'assetProbability'
  | 'assetValue'
  | 'windowMonths'
  | 'growthPerYear';

const DISTRIBUTIONS = new Set<Key>(['casesPerMonth', 'itemsPerCase', 'hoursPerItem', 'assetValue']);

export const DEMAND_COLUMNS: readonly { key: Key; header: string; aliases: string[] }[] = [
  { key: 'kind', header: 'Kind', aliases: ['type'] },
  { key: 'role', header: 'Worked by', aliases: ['role'] },
  { key: 'casesPerMonth', header: 'Cases per month', aliases: ['cases a month', 'cases'] },
  { key: 'itemsPerCase', header: 'Per case', aliases: ['suspects per case', 'items per case'] },
  {
    key: 'hoursPerItem',
    header: 'Hours per suspect or product',
    aliases: ['hours each', 'hours per suspect', 'hours per product', 'hours'],
  },
  { key: 'assetProbability', header: 'Share holding assets', aliases: ['asset share'] },
  { key: 'assetValue', header: 'Asset value', aliases: ['asset value (£)'] },
  { key: 'windowMonths', header: 'Window (months)', aliases: ['window'] },
  { key: 'growthPerYear', header: 'Growth a year', aliases: ['growth', 'growth per year'] },
];

const KIND_WORDS: Record<string, 'suspects' | 'products'> = {
  suspects: 'suspects',
  suspect: 'suspects',
  products: 'products',
  product: 'products',
  'analytical products': 'products',
};

export interface PastedStream {
  line: number;
  unit: string;
  stream: string;
  values: Partial<Record<Key, unknown>>;
  problems: string[];
  action: string;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export function readDemand(
  text: string,
  input: ScenarioInput,
): { problems: string[]; rows: PastedStream[] } {
  const [head, ...body] = readDelimited(text);
  if (!head) return { problems: ['Nothing was pasted.'], rows: [] };
  const headers = head.cells.map(norm);
  const unitAt = headers.findIndex((h) => h === 'unit' || h === 'force' || h === 'team');
  const streamAt = headers.findIndex(
    (h) => h === 'demand stream' || h === 'demand' || h === 'stream',
  );
  const columnAt = new Map<Key, number>();
  const unknown: string[] = [];
  headers.forEach((h, i) => {
    if (i === unitAt || i === streamAt || h === '') return;
    const column = DEMAND_COLUMNS.find((c) => norm(c.header) === h || c.aliases.includes(h));
    if (column) columnAt.set(column.key, i);
    else unknown.push(head.cells[i]!);
  });
  const problems: string[] = [];
  if (unitAt < 0 || streamAt < 0)
    problems.push(
      'The first row must be a header naming the columns, with “Unit” and “Demand stream” among them.',
    );
  if (unknown.length > 0)
    problems.push(
      `The header has columns not understood: ${unknown.map((u) => `“${u}”`).join(', ')}. Use ${DEMAND_COLUMNS.map((c) => `“${c.header}”`).join(', ')}.`,
    );
  if (problems.length > 0) return { problems, rows: [] };

  const units = input.units ?? [];
  const roles = input.roles ?? [];
  const seen = new Map<string, number>();
  const rows = body.map(({ line, cells }): PastedStream => {
    const unitName = cells[unitAt] ?? '';
    const stream = cells[streamAt] ?? '';
    const rowProblems: string[] = [];
    const unit = units.find((u) => norm(u.name) === norm(unitName));
    if (!unitName) rowProblems.push('no unit');
    else if (!unit) rowProblems.push(`no unit is called “${unitName}”: add it first`);
    if (!stream) rowProblems.push('no demand stream name');
    const values: PastedStream['values'] = {};
    for (const [key, at] of columnAt) {
      const cell = cells[at] ?? '';
      if (cell === '') continue;
      const column = DEMAND_COLUMNS.find((c) => c.key === key)!;
      if (key === 'kind') {
        const kind = KIND_WORDS[norm(cell)];
        if (kind) values.kind = kind;
        else rowProblems.push(`${column.header} “${cell}” is not “Suspects” or “Products”`);
      } else if (key === 'role') {
        const role = roles.find((r) => norm(r.name) === norm(cell));
        if (role) values.role = role.id;
        else rowProblems.push(`${column.header} “${cell}” is not a role in the scenario`);
      } else if (DISTRIBUTIONS.has(key)) {
        const read = distributionFromText(cell);
        if (read.ok) values[key] = read.value;
        else rowProblems.push(`${column.header} ${read.message}`);
      } else {
        const problem = numberProblem(key, cell);
        if (problem) rowProblems.push(`${column.header} ${problem}`);
        else values[key] = valueFromText(cell);
      }
    }
    const existing = unit?.demand?.find((d) => norm(d.name) === norm(stream));
    if (
      unit &&
      !existing &&
      (values.casesPerMonth === undefined || values.hoursPerItem === undefined)
    )
      rowProblems.push('a new stream needs its cases per month and hours per suspect or product');
    const key = `${norm(unitName)}\u0000${norm(stream)}`;
    const first = seen.get(key);
    if (first !== undefined) rowProblems.push(`repeats the unit and stream of line ${first}`);
    else seen.set(key, line);
    return {
      line,
      unit: unitName,
      stream,
      values,
      problems: rowProblems,
      action: existing ? 'updates' : 'adds the stream',
    };
  });
  return { problems: rows.length === 0 ? ['The paste has a header but no rows.'] : [], rows };
}

function numberProblem(key: Key, text: string): string | undefined {
  const info = fieldInfoAt([...DEMAND_STREAM, key]);
  const value = valueFromText(text);
  if (typeof value !== 'number') return `“${text}” is not a number`;
  if (info?.integer && !Number.isInteger(value)) return `${value} is not a whole number`;
  if (info?.min !== undefined && value < info.min) return `${value} is below ${info.min}`;
  if (info?.max !== undefined && value > info.max) return `${value} is above ${info.max}`;
  return undefined;
}

/** The scenario with every pasted stream taken; changed published figures become assumptions. */
export function applyDemand(input: ScenarioInput, rows: readonly PastedStream[]): ScenarioInput {
  let out = input;
  for (const row of rows) {
    const units = out.units ?? [];
    const u = units.findIndex((x) => norm(x.name) === norm(row.unit));
    const unit = units[u];
    if (!unit) continue;
    let d = (unit.demand ?? []).findIndex((x) => norm(x.name) === norm(row.stream));
    if (d < 0) {
      const taken = units.flatMap((x) => (x.demand ?? []).map((s) => s.id));
      const stream = demandStreamSchema.parse({
        id: idFrom(`${unit.id}-${row.stream}`, taken),
        name: row.stream,
        kind: 'suspects',
        role: unit.staff[0]?.role ?? out.roles?.[0]?.id ?? '',
        casesPerMonth: 0,
        hoursPerItem: 1,
      });
      out = setAt(out, ['units', u, 'demand'], [...(unit.demand ?? []), stream]);
      d = (unit.demand ?? []).length;
    }
    for (const [key, value] of Object.entries(row.values)) {
      const path = ['units', u, 'demand', d, key];
      const before = getAt(out, path);
      if (JSON.stringify(before) === JSON.stringify(value)) continue;
      out = afterFigureEdit(setAt(out, path, value), pathText(path), before);
    }
  }
  return out;
}

/** The demand streams as CSV, with the columns a paste reads. */
export function demandCsv(input: ScenarioInput): string {
  const roleName = (id: string) => (input.roles ?? []).find((r) => r.id === id)?.name ?? id;
  const lines = [csvRow(['Unit', 'Demand stream', ...DEMAND_COLUMNS.map((c) => c.header)])];
  for (const unit of input.units ?? []) {
    for (const stream of unit.demand ?? []) {
      const full = demandStreamSchema.safeParse(stream);
      const s = (full.success ? full.data : stream) as Record<string, unknown>;
      lines.push(
        csvRow([
          unit.name,
          stream.name,
          ...DEMAND_COLUMNS.map((c) => {
            const value = s[c.key];
            if (c.key === 'kind') return value === 'products' ? 'Products' : 'Suspects';
            if (c.key === 'role') return roleName(String(value));
            if (DISTRIBUTIONS.has(c.key)) return distributionText(value);
            return typeof value === 'number' ? value : undefined;
          }),
        ]),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
