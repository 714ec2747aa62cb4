import type { GoalSeekResult, Verdict } from './goalSeek.ts';
import type { RankImportance } from './rankImportance.ts';
import type { Tornado } from './tornado.ts';
import { METRIC_LABELS } from '../results/metricInfo.ts';
import { formatNumber } from './tableText.ts';

/** Chart titles that state what the chart shows, in one sentence. */

export function tornadoFinding(t: Tornado): string {
  const top = t.rows[0];
  const metric = METRIC_LABELS[t.metric];
  const inputs = t.swing === 'ranges' ? 'uncertain assumptions' : 'inputs';
  if (!top || top.swing === 0)
    return `None of the ${inputs} moves the mean ${metric} on this seed.`;
  const across = t.swing === 'ranges' ? ' across its range' : '';
  return `${top.label} moves the mean ${metric} most${across}: from ${formatNumber(top.lowMean)} to ${formatNumber(top.highMean)} (base ${formatNumber(t.baseMean)}).`;
}

export function rankFinding(rank: RankImportance, metric: string): string {
  const [assumption] = rank.assumptions;
  if (assumption && !Number.isNaN(assumption.rho)) {
    return `Of the uncertain assumptions, ${assumption.label} tracks ${metric} most closely across simulated futures (rank correlation ${assumption.rho.toFixed(2)}).`;
  }
  const [top] = rank.realised;
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

/**
 * A row's label inside a sentence: an input's title in lower case ("cases per month"); an
 * assumption's label as it is, since it begins with the names of units and streams.
 */
export function labelInSentence(t: Tornado, label: string): string {
  return t.swing === 'ranges' ? label : label.toLowerCase();
}

/** How much running a tornado took, and whether every bar settled: "Settled after 750 replications in all; …". */
export function tornadoRuns(t: Tornado): string {
  const unsettled = t.rows.filter((r) => !r.settled).map((r) => labelInSentence(t, r.label));
  const how = t.sequential
    ? `Each bar ran until its swing was known to within ${t.tolerance * 100}% at ${t.confidence * 100}% confidence: ${formatNumber(t.totalReplications)} replications in all (the base ${formatNumber(t.baseReplications)}).`
    : `Every run had ${formatNumber(t.replications)} replications.`;
  return unsettled.length === 0
    ? how
    : `${how} Not settled at ${formatNumber(t.replications)} replications: ${unsettled.join(', ')}.`;
}

/** The goal seek's stated error, or '' when every value near the answer was settled. */
export function goalRange(g: GoalSeekResult, lever: string): string {
  if (g.answerRange === null || g.answerRange[0] === g.answerRange[1]) return '';
  return `Near the answer the probability is too close to the target to tell apart: ${lever} could be anywhere from ${g.answerRange[0]} to ${g.answerRange[1]}.`;
}

/** What the goal seek's test said at a value, in words. */
export const VERDICT_WORDS: Record<Verdict, string> = {
  meets: 'meets the target',
  fails: 'falls short',
  close: 'too close to say',
};
