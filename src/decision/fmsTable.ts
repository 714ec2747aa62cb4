import type { Summary } from '../engine/aggregate/runAggregate.ts';
import type { TotalMetric, YearlySeries } from '../engine/metrics.ts';
import { metricColumn } from '../results/metricInfo.ts';
import type { Scenario } from '../scenario/schema.ts';
import { yearSpans } from '../scenario/financialYear.ts';
import { printable } from '../scenario/printable.ts';
import { assumptionsRegister, type RegisterEntry } from './assumptionsRegister.ts';

const FMS_METRICS = [
  'suspectsArrived',
  'demandHours',
  'capacityHours',
  'unexaminedSuspects',
  'missedRecovery',
  'missedForceIncome',
] as const satisfies readonly (YearlySeries & TotalMetric)[];

/** The step-4 columns, headed by the metric table's words so the app, CSV and results agree. */
export const FMS_COLUMNS = FMS_METRICS.map((key) => ({ key, label: metricColumn(key) }));
export type FmsColumn = (typeof FMS_METRICS)[number];

/** A mean with its 90% range (5th to 95th percentile across replications). */
export interface Ranged {
  mean: number;
  p05: number;
  p95: number;
}

export interface FmsRow {
  /** 1-based year of the horizon, or financial year from the start month. */
  year: number;
  label: string;
  cells: Record<FmsColumn, Ranged>;
}

/** The Force Management Statement step-4 table: plain data the app renders and the CSV writes. */
export interface FmsTable {
  title: string;
  scenarioName: string;
  seed: string;
  version: string;
  replications: number;
  columns: typeof FMS_COLUMNS;
  rows: FmsRow[];
  assumptions: RegisterEntry[];
}

export function fmsTable(
  scenario: Scenario,
  summary: Summary,
  seed: string,
  version: string,
): FmsTable {
  const spans = yearSpans(summary.horizonMonths, scenario.startMonth);
  const rows = spans.map((span, y) => {
    const cells = Object.fromEntries(
      FMS_COLUMNS.map(({ key }) => {
        const s = summary.yearly[key][y]!;
        return [key, { mean: s.mean, p05: s.p05, p95: s.p95 }];
      }),
    ) as Record<FmsColumn, Ranged>;
    return { year: y + 1, label: span.label, cells };
  });
  return {
    title: `Demand the force will not be able to meet: ${scenario.name}`,
    scenarioName: scenario.name,
    seed,
    version,
    replications: summary.replications,
    columns: FMS_COLUMNS,
    rows,
    assumptions: assumptionsRegister(scenario),
  };
}

/**
 * One CSV cell. Control and invisible characters are written as escapes, since the CSV is
 * printed to a terminal as often as it is saved. Text starting with = + - @ is then prefixed
 * with ' so a spreadsheet shows it rather than running it as a formula; numbers are written
 * as numbers.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '';
  const text = printable(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const line = (cells: (string | number)[]) => cells.map(csvCell).join(',');

export function fmsCsv(table: FmsTable): string {
  const header = ['Year'];
  for (const c of table.columns) {
    header.push(`${c.label} mean`, `${c.label} 5th percentile`, `${c.label} 95th percentile`);
  }
  const lines = [
    line([table.title]),
    line(['Scenario', table.scenarioName]),
    line(['Seed', table.seed]),
    line(['Version', table.version]),
    line(['Replications', table.replications]),
    '',
    line(header),
    ...table.rows.map((r) =>
      line([
        r.label,
        ...table.columns.flatMap((c) => [
          r.cells[c.key].mean,
          r.cells[c.key].p05,
          r.cells[c.key].p95,
        ]),
      ]),
    ),
    '',
    line(['Assumptions register']),
    line(['Field', 'Input', 'Value', 'Note']),
    ...table.assumptions.map((a) => line([a.field, a.label, a.value, a.note])),
  ];
  return lines.join('\r\n') + '\r\n';
}
