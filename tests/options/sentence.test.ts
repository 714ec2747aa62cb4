import { describe, expect, it } from 'vitest';
import type { Stat } from '../../src/engine/aggregate/statistic.ts';
import {
  aboutCount,
  aboutPounds,
  horizonWords,
  optionSentence,
  PRODUCT_WORDS,
  SUSPECT_WORDS,
  twoFigures,
} from '../../src/options/sentence.ts';

const stat = (mean: number, p05: number, p95: number, min = p05 - 1, max = p95 + 1): Stat => ({
  mean,
  sd: 1,
  se: 0.1,
  p05,
  p25: p05,
  p50: mean,
  p75: p95,
  p95,
  min,
  max,
});

describe('two significant figures', () => {
  it.each([
    [3121, 3100],
    [2642, 2600],
    [3631, 3600],
    [3650, 3700],
    [-3121, -3100],
    [0.04567, 0.046],
    [4.63, 4.6],
    [0, 0],
    [99.5, 100],
  ])('%d → %d', (value, rounded) => {
    expect(twoFigures(value)).toBe(rounded);
  });

  it('writes counts with separators', () => {
    expect(aboutCount(3121)).toBe('3,100');
    expect(aboutCount(123_456)).toBe('120,000');
    expect(aboutCount(4.63)).toBe('4.6');
  });

  it.each([
    [11_412_345, '£11m'],
    [1_234_567, '£1.2m'],
    [2_345_678_901, '£2.3bn'],
    [449_999, '£450k'],
    [999_999, '£1m'],
    [9_540, '£9.5k'],
    [873, '£870'],
    [-21_812, '−£22k'],
    [0, '£0'],
  ])('writes %d pounds as %s', (value, text) => {
    expect(aboutPounds(value)).toBe(text);
  });

  it('names the horizon in words', () => {
    expect(horizonWords(48)).toBe('four years');
    expect(horizonWords(12)).toBe('one year');
    expect(horizonWords(24)).toBe('two years');
    expect(horizonWords(18)).toBe('18 months');
    expect(horizonWords(180)).toBe('15 years');
  });
});

describe('optionSentence', () => {
  it('reads the issue’s example aloud', () => {
    expect(
      optionSentence(
        'Filling the 60 vacancies',
        stat(-3121.4, -3631, -2642),
        SUSPECT_WORDS,
        48,
        stat(11_412_000, 9_000_000, 14_000_000),
      ),
    ).toBe(
      'Filling the 60 vacancies: about 3,100 fewer suspects go unexamined over four years (in 9 futures out of 10, between 2,600 and 3,600), and about £11m more is recovered.',
    );
  });

  it('says "more" and "less" when the option makes things worse', () => {
    expect(
      optionSentence(
        'Cut posts',
        stat(412, 250, 575),
        SUSPECT_WORDS,
        36,
        stat(-1.26e6, -2e6, -0.5e6),
      ),
    ).toBe(
      'Cut posts: about 410 more suspects go unexamined over three years (in 9 futures out of 10, between 250 and 580), and about £1.3m less is recovered.',
    );
  });

  it('gives both ends their direction when the range spans no change', () => {
    expect(optionSentence('Small', stat(-33.2, -66, 3.1), SUSPECT_WORDS, 24)).toBe(
      'Small: about 33 fewer suspects go unexamined over two years (in 9 futures out of 10, between 3.1 more and 66 fewer).',
    );
  });

  it('says "no change" for a range that is nothing at both ends, never "-0"', () => {
    expect(optionSentence('Tiny', stat(-0.06, -0, -0, -7, 4), SUSPECT_WORDS, 24)).toBe(
      'Tiny: about 0.06 fewer suspects go unexamined over two years (in 9 futures out of 10, no change).',
    );
    expect(aboutCount(-0)).toBe('0');
  });

  it('says plainly when nothing changes in any future', () => {
    expect(
      optionSentence('Posts only', stat(0, 0, 0, 0, 0), SUSPECT_WORDS, 48, stat(0, 0, 0, 0, 0)),
    ).toBe(
      'Posts only: no change: the same suspects go unexamined over four years in every future.',
    );
  });

  it('speaks of products for an analysts’ scenario, without money', () => {
    expect(optionSentence('Two analysts', stat(-1234, -1500, -1000), PRODUCT_WORDS, 48)).toBe(
      'Two analysts: about 1,200 fewer analytical products go undelivered over four years (in 9 futures out of 10, between 1,000 and 1,500).',
    );
  });
});
