import type { ChartTable } from '../results/charts.ts';
import type { GoalSeekResult } from './goalSeek.ts';
import { formatNumber } from './tableText.ts';

/** One value tried: the probability of meeting the target, and its 95% interval within [0, 1]. */
export interface GoalSeekChartPoint {
  value: number;
  probability: number;
  low: number;
  high: number;
  isAnswer: boolean;
}

/** What the goal-seek curve draws, prepared: points in increasing value, the target as a rule. */
export interface GoalSeekChartSpec {
  kind: 'goal-seek';
  id: string;
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
  xDomain: [number, number];
  points: GoalSeekChartPoint[];
  target: { value: number; label: string };
  /** The value found, marked by a vertical rule; absent when none in range meets the target. */
  answer?: { value: number; label: string };
  table: ChartTable;
}

export function goalSeekChartSpec(
  result: GoalSeekResult,
  confidence: number,
  leverLabel: string,
): GoalSeekChartSpec {
  const curve = result.curve;
  const first = curve[0]?.value ?? 0;
  const last = curve.at(-1)?.value ?? first;
  const xDomain: [number, number] = first < last ? [first, last] : [first - 1, first + 1];
  const { answer } = result;
  const best = Math.max(0, ...curve.map((p) => p.probability));
  return {
    kind: 'goal-seek',
    id: 'goal-seek',
    title:
      answer === null
        ? `The probability of meeting the target stays below ${confidence} over the values of ${leverLabel} tried (at most ${formatNumber(best)}).`
        : `The probability of meeting the target reaches ${confidence} at ${leverLabel} = ${formatNumber(answer)}.`,
    description:
      `The probability of meeting the target for each value of ${leverLabel} tried, all on the same seed; ` +
      `the shaded band is its 95% interval from the number of replications, and the dashed line across is the probability asked for, ${confidence}.` +
      (answer === null
        ? ''
        : ` The dashed upright line marks the answer, ${formatNumber(answer)}.`),
    xLabel: leverLabel,
    yLabel: 'Probability of meeting the target',
    xDomain,
    points: curve.map((p) => ({
      value: p.value,
      probability: p.probability,
      low: Math.max(0, p.probability - 1.96 * p.se),
      high: Math.min(1, p.probability + 1.96 * p.se),
      isAnswer: p.value === answer,
    })),
    target: { value: confidence, label: `target ${confidence}` },
    ...(answer === null ? {} : { answer: { value: answer, label: formatNumber(answer) } }),
    table: {
      caption: `Probability of meeting the target by ${leverLabel}`,
      columns: [leverLabel, 'Probability', 'Standard error'],
      rows: curve.map((p) => [String(p.value), p.probability.toFixed(3), p.se.toFixed(3)]),
    },
  };
}
