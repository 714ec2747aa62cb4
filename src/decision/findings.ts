import type { GoalSeekResult } from './goalSeek.ts';
import type { RankImportanceRow } from './rankImportance.ts';
import type { Tornado } from './tornado.ts';
import { METRIC_LABELS } from '../results/metricInfo.ts';
import { formatNumber } from './tableText.ts';

/** Chart titles that state what the chart shows, in one sentence. */

export function tornadoFinding(t: Tornado): string {
  const top = t.rows[0];
  const metric = METRIC_LABELS[t.metric];
  if (!top || top.swing === 0) return `None of the inputs moves the mean ${metric} on this seed.`;
  return `${top.label} moves the mean ${metric} most: from ${formatNumber(top.lowMean)} to ${formatNumber(top.highMean)} (base ${formatNumber(t.baseMean)}).`;
}

export function rankFinding(rows: RankImportanceRow[], metric: string): string {
  const top = rows[0];
  if (!top || Number.isNaN(top.rho)) return `Nothing that varies by chance tracks ${metric}.`;
  return `Across simulated futures, ${top.label.toLowerCase()} tracks ${metric} most closely (rank correlation ${top.rho.toFixed(2)}).`;
}

export function goalFinding(
  g: GoalSeekResult,
  lever: string,
  metric: string,
  below: number,
  confidence: number,
): string {
  const goal = `${metric} below ${formatNumber(below)} with probability ${confidence}`;
  return g.answer === null
    ? `No value of ${lever} in the range searched keeps ${goal}.`
    : `${lever} = ${g.answer} is the ${g.direction === 1 ? 'smallest' : 'largest'} value that keeps ${goal}.`;
}
