import type { Summary } from '../engine/aggregate/runAggregate.ts';
import { formatCount, formatPercent, formatPounds } from './format.ts';
import { NATIONAL_RECORD, PLAUSIBLE_FORCE_SHARE } from './nationalRecord.ts';

/** A published national total as the source gives it: £128.5m. */
const millions = (value: number) => `£${(value / 1e6).toLocaleString('en-GB')}m`;

/** "a", "a and b", "a, b and c". */
function listWords(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** A scenario's yearly money beside the national totals, and whether it claims too much. */
export interface AgainstRecord {
  /** Mean receipts in the horizon's last year, when receipts delayed from earlier years arrive. */
  receiptsPerYear: number;
  ordersPerYear: number;
  orderValuePerYear: number;
  receiptsShare: number;
  ordersShare: number;
  orderValueShare: number;
  /** The sentence to show beside the results. */
  sentence: string;
  /** Present when a share is above PLAUSIBLE_FORCE_SHARE: which, and why that bound. */
  warning?: string;
}

/**
 * Sets a run's money against the national record. Receipts are the mean of the last year of
 * the horizon, since receipts of examinations in the first years arrive later; orders and their
 * value are the horizon's means per year. Undefined for a run with no suspects.
 */
export function againstRecord(summary: Summary): AgainstRecord | undefined {
  if (!(summary.totals.suspectsArrived.mean > 0)) return undefined;
  const years = summary.horizonMonths / 12;
  const lastYear = summary.yearly.recovered[summary.yearly.recovered.length - 1];
  const receiptsPerYear = lastYear ? lastYear.mean : 0;
  const ordersPerYear = summary.totals.ordersMade.mean / years;
  const orderValuePerYear = summary.totals.orderValue.mean / years;
  const { confiscationReceipts, ordersMade, newOrderValue, mpsShareOfSocThreats } = NATIONAL_RECORD;
  const receiptsShare = receiptsPerYear / confiscationReceipts.value;
  const ordersShare = ordersPerYear / ordersMade.value;
  const orderValueShare = orderValuePerYear / newOrderValue.value;
  const sentence =
    `Against the national record: about ${formatPounds(receiptsPerYear)} a year collected by ` +
    `the horizon's last year, ${formatPercent(receiptsShare)} of ${confiscationReceipts.what} ` +
    `(${millions(confiscationReceipts.value)}, ${confiscationReceipts.period}); about ` +
    `${formatCount(ordersPerYear)} orders a year worth ${formatPounds(orderValuePerYear)}, ` +
    `${formatPercent(ordersShare)} of ${ordersMade.what} (${formatCount(ordersMade.value)} in ` +
    `${ordersMade.period}) and ${formatPercent(orderValueShare)} of the ${newOrderValue.what} ` +
    `(${millions(newOrderValue.value)}).`;
  const over = [
    ['receipts', receiptsShare],
    ['orders', ordersShare],
    ['order value', orderValueShare],
  ].filter(([, share]) => (share as number) > PLAUSIBLE_FORCE_SHARE);
  const result: AgainstRecord = {
    receiptsPerYear,
    ordersPerYear,
    orderValuePerYear,
    receiptsShare,
    ordersShare,
    orderValueShare,
    sentence,
  };
  if (over.length > 0) {
    result.warning =
      `Check the demand, asset values and recovery funnel: the ${listWords(over.map(([what]) => what as string))} ` +
      `of this one scenario are more than ${formatPercent(PLAUSIBLE_FORCE_SHARE)} of the national ` +
      `total, more than one force plausibly produces (three times the Metropolitan Police's ` +
      `${formatPercent(mpsShareOfSocThreats.value)} share of ${mpsShareOfSocThreats.what.replace("the Metropolitan Police's share of ", '')}).`;
  }
  return result;
}
