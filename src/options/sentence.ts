import type { Stat } from '../engine/aggregate/statistic.ts';

/** `value` to two significant figures: 3,121 → 3,100; 0.0456 → 0.046; 0 stays 0. */
export function twoFigures(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(2));
}

/** A count to two significant figures with thousands separators: "3,100", "4.6". */
export function aboutCount(value: number): string {
  // `+ 0` writes a negative zero as 0.
  return (twoFigures(value) + 0).toLocaleString('en-GB', { maximumFractionDigits: 6 });
}

/** Pounds to two significant figures, shortened: "£11m", "£1.2bn", "£450k", "£870", "−£21k". */
export function aboutPounds(value: number): string {
  const rounded = twoFigures(value);
  const sign = rounded < 0 ? '−' : '';
  const abs = Math.abs(rounded);
  const short = (x: number, suffix: string) =>
    `${sign}£${Number(x.toPrecision(2)).toLocaleString('en-GB', { maximumFractionDigits: 6 })}${suffix}`;
  if (abs >= 1e9) return short(abs / 1e9, 'bn');
  if (abs >= 1e6) return short(abs / 1e6, 'm');
  if (abs >= 1e3) return short(abs / 1e3, 'k');
  return short(abs, '');
}

const NUMBER_WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];

/** The horizon in words: 48 → "four years", 12 → "one year", 18 → "18 months". */
export function horizonWords(months: number): string {
  if (months % 12 !== 0) return `${months} ${months === 1 ? 'month' : 'months'}`;
  const years = months / 12;
  const count = NUMBER_WORDS[years] ?? String(years);
  return `${count} ${years === 1 ? 'year' : 'years'}`;
}

/** How the lead total reads in a sentence: "suspects go unexamined". */
export interface LeadWords {
  /** Plural noun: "suspects", "analytical products". */
  items: string;
  /** What happens to them: "go unexamined", "go undelivered". */
  fate: string;
}

export const SUSPECT_WORDS: LeadWords = { items: 'suspects', fate: 'go unexamined' };
export const PRODUCT_WORDS: LeadWords = { items: 'analytical products', fate: 'go undelivered' };

/**
 * The sentence a chief officer can read aloud for one option, every figure to two significant
 * figures, e.g. "Fill the 60 vacancies: about 3,100 fewer suspects go unexamined over four years
 * (in 9 futures out of 10, between 2,600 and 3,600), and about £11m more is recovered."
 * `lead` is the paired difference (option − baseline) of the items lost; `recovered`, where
 * money is at stake, that of the assets recovered. The range is the 5th to 95th percentile.
 */
export function optionSentence(
  name: string,
  lead: Stat,
  words: LeadWords,
  horizonMonths: number,
  recovered?: Stat,
): string {
  const over = `over ${horizonWords(horizonMonths)}`;
  let text: string;
  if (lead.min === 0 && lead.max === 0) {
    text = `no change: the same ${words.items} ${words.fate} ${over} in every future`;
  } else {
    const fewer = lead.mean < 0;
    const amount = aboutCount(Math.abs(lead.mean));
    text = `about ${amount} ${fewer ? 'fewer' : 'more'} ${words.items} ${words.fate} ${over} (in 9 futures out of 10, ${range(lead, fewer)})`;
  }
  if (recovered && !(recovered.min === 0 && recovered.max === 0)) {
    const more = recovered.mean >= 0;
    text += `, and about ${aboutPounds(Math.abs(recovered.mean))} ${more ? 'more' : 'less'} is recovered`;
  }
  return `${name}: ${text}.`;
}

/**
 * The 90% range of the difference in the sentence's own direction: "between 2,600 and 3,600"
 * when it all lies that way, "between 200 fewer and 300 more" when it spans no change, and
 * "no change" when it is nothing at both ends.
 */
function range(d: Stat, fewer: boolean): string {
  // In the sentence's direction: reductions for "fewer", increases for "more".
  const low = fewer ? -d.p95 : d.p05;
  const high = fewer ? -d.p05 : d.p95;
  if (low === 0 && high === 0) return 'no change';
  if (low >= 0) return `between ${aboutCount(low)} and ${aboutCount(high)}`;
  const [against, along] = fewer ? ['more', 'fewer'] : ['fewer', 'more'];
  return `between ${aboutCount(-low)} ${against} and ${aboutCount(high)} ${along}`;
}
