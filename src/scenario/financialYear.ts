/** A calendar month as a scenario writes it: `2026-10` for October 2026. */
export const START_MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** One year of the results: a year of the horizon, or a financial year when the start is known. */
export interface YearSpan {
  /** Month of the horizon the year starts in, from 0. */
  first: number;
  /** Months of the horizon in it: 12, or fewer for a first or last part-year. */
  months: number;
  /** "Year 2 (months 13–24)", or "2027/28 (April 2027 to March 2028)". */
  label: string;
}

/**
 * The years the yearly results are summed over. Without a start month, years of the horizon:
 * months 1–12, 13–24, …. With one, financial years (April to March): the first runs from the
 * start month to March (all twelve months when it starts in April), then whole years, the last
 * possibly short.
 */
export function yearSpans(horizonMonths: number, startMonth?: string): YearSpan[] {
  const match = startMonth === undefined ? null : START_MONTH_PATTERN.exec(startMonth);
  const spans: YearSpan[] = [];
  if (!match) {
    for (let first = 0; first < horizonMonths; first += 12) {
      const months = Math.min(12, horizonMonths - first);
      spans.push({
        first,
        months,
        label: `Year ${first / 12 + 1} (months ${first + 1}–${first + months})`,
      });
    }
    return spans;
  }
  const startYear = Number(match[1]);
  const startIndex = Number(match[2]) - 1; // 0 = January
  // Months from the start month to the end of March, inclusive: 12 from April, 3 from January.
  const firstLength = ((2 - startIndex + 12) % 12) + 1;
  let first = 0;
  let length = Math.min(firstLength, horizonMonths);
  while (first < horizonMonths) {
    const fromIndex = startIndex + first; // months since January of the start year
    const toIndex = fromIndex + length - 1;
    const fromYear = startYear + Math.floor(fromIndex / 12);
    const toYear = startYear + Math.floor(toIndex / 12);
    const fyStart = fromIndex % 12 >= 3 ? fromYear : fromYear - 1;
    const fy = `${fyStart}/${String((fyStart + 1) % 100).padStart(2, '0')}`;
    const from = `${MONTH_NAMES[fromIndex % 12]} ${fromYear}`;
    const to = `${MONTH_NAMES[toIndex % 12]} ${toYear}`;
    spans.push({
      first,
      months: length,
      label: `${fy} (${from === to ? from : `${from} to ${to}`})`,
    });
    first += length;
    length = Math.min(12, horizonMonths - first);
  }
  return spans;
}
