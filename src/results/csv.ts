import type { Summary } from '../engine/aggregate/runAggregate.ts';
import type { Stat } from '../engine/aggregate/statistic.ts';
import { csvRow } from '../files/csvCell.ts';
import { MONTHLY_SERIES, ROLE_SERIES } from '../engine/metrics.ts';

export interface CsvContext {
  scenarioName: string;
  seed: string;
  version: string;
}

const STAT_COLUMNS = ['mean', 'se', 'p05', 'p25', 'p50', 'p75', 'p95'] as const;
const statCells = (s: Stat) => STAT_COLUMNS.map((k) => s[k]);

/**
 * The results as one CSV table: horizon totals, by unit and by stream, staff at the end, then every monthly and yearly
 * series, one row per metric and period, with the run's identity in the first rows.
 */
export function resultsCsv(summary: Summary, context: CsvContext): string {
  const rows: string[] = [
    csvRow(['Scenario', context.scenarioName]),
    csvRow(['Seed', context.seed]),
    csvRow(['Replications', summary.replications]),
    csvRow(['Shortfall version', context.version]),
    '',
    csvRow(['section', 'metric', 'period', ...STAT_COLUMNS]),
  ];
  for (const [metric, stat] of Object.entries(summary.totals))
    rows.push(csvRow(['total', metric, 'horizon', ...statCells(stat)]));
  for (const [unit, metrics] of Object.entries(summary.byUnit))
    for (const [metric, stat] of Object.entries(metrics))
      rows.push(csvRow(['by unit', `${unit}.${metric}`, 'horizon', ...statCells(stat)]));
  for (const [unit, streams] of Object.entries(summary.byStream))
    for (const [stream, metrics] of Object.entries(streams))
      for (const [metric, stat] of Object.entries(metrics))
        rows.push(
          csvRow(['by stream', `${unit}.${stream}.${metric}`, 'horizon', ...statCells(stat)]),
        );
  for (const series of ROLE_SERIES)
    for (const [role, stat] of Object.entries(summary.endOfHorizon[series]))
      rows.push(csvRow(['end of horizon', `${series}.${role}`, 'end', ...statCells(stat)]));
  const monthRows = (name: string, stats: readonly Stat[]) =>
    stats.forEach((s, m) =>
      rows.push(csvRow(['monthly', name, `month ${m + 1}`, ...statCells(s)])),
    );
  for (const name of MONTHLY_SERIES) monthRows(name, summary.monthly[name]);
  for (const series of ROLE_SERIES)
    for (const [role, stats] of Object.entries(summary.monthly[series]))
      monthRows(`${series}.${role}`, stats);
  for (const [name, stats] of Object.entries(summary.yearly))
    stats.forEach((s, y) => rows.push(csvRow(['yearly', name, `year ${y + 1}`, ...statCells(s)])));
  return `${rows.join('\r\n')}\r\n`;
}
