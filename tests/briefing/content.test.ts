import { MONTHLY_SERIES } from '../../src/engine/metrics.ts';
import { describe, expect, it } from 'vitest';
import {
  briefingContent,
  briefingFileName,
  briefingStamp,
  REGISTER_ROWS_PER_SLIDE,
} from '../../src/briefing/content.ts';
import { assumptionsRegister } from '../../src/decision/assumptionsRegister.ts';
import { twoFigures } from '../../src/options/sentence.ts';
import { smallRun } from '../results/smallRun.ts';
import { PACK_DATE, smallBriefingInput } from './smallBriefing.ts';

describe('briefingContent', () => {
  const input = smallBriefingInput();
  const pack = briefingContent(input);

  it('opens with the title, the headlines, what limits capacity, then a slide per comparison', () => {
    expect(pack.slides.map((s) => s.kind).slice(0, 4)).toEqual([
      'title',
      'bullets',
      'bottleneck',
      'comparison',
    ]);
    expect(pack.slides[0]!.title).toBe('MPS with the vacancies filled');
    const summary = pack.slides[1]!;
    if (summary.kind !== 'bullets') throw new Error('second slide is not the summary');
    expect(summary.bullets).toHaveLength(input.headlines.length);
    expect(summary.bullets[0]).toContain(input.headlines[0]!.sentence);
    expect(summary.bullets[0]).toContain(input.headlines[0]!.range);
  });

  it('writes the comparison as sentences with ranges, a table of exact figures and what changed', () => {
    const slide = pack.slides[3]!;
    if (slide.kind !== 'comparison') throw new Error('fourth slide is not a comparison');
    const row = input.comparisons[0]!.rows[0]!;
    expect(slide.sentences[0]).toMatch(
      /^Suspects not examined for assets: −[\d,]+ \(in 9 futures out of 10, between −[\d,]+ and −[\d,]+\)\.$/,
    );
    // Sentences round to two significant figures; the table keeps the figures exact.
    const [mean, low, high] = [...slide.sentences[0]!.matchAll(/−([\d,]+)/g)].map((m) =>
      Number(m[1]!.replaceAll(',', '')),
    );
    expect(mean).toBe(twoFigures(-row.difference.mean));
    expect(low).toBe(twoFigures(-row.difference.p05));
    expect(high).toBe(twoFigures(-row.difference.p95));
    expect(slide.table.columns.slice(1, 4)).toEqual([
      'Baseline (mean)',
      'Current (mean)',
      'Difference (mean)',
    ]);
    // Exact figures: the table's difference is the mean to the unit, not rounded for reading.
    expect(slide.table.rows[0]![3]).toBe(
      `−${Math.abs(Math.round(row.difference.mean)).toLocaleString('en-GB')}`,
    );
    const staff = smallRun(1).scenario.units[0]!.staff[0]!;
    expect(slide.changes).toContain(
      `Metropolitan Police Service · Financial investigator · In post: ${staff.inPost} → ${staff.establishment}`,
    );
    expect(slide.method).toMatch(/common random numbers/);
  });

  it('uses the sentences an option brings in place of the ones it writes', () => {
    const own = smallBriefingInput();
    own.comparisons[0]!.sentences = [
      'Filling the 60 vacancies: about 700 fewer suspects go unexamined.',
    ];
    const slide = briefingContent(own).slides.find((s) => s.kind === 'comparison')!;
    expect(slide.kind === 'comparison' && slide.sentences).toEqual(own.comparisons[0]!.sentences);
  });

  it('has no comparison slide and says how to make one when no baseline was kept', () => {
    const alone = briefingContent(smallBriefingInput(false));
    expect(alone.slides.some((s) => s.kind === 'comparison')).toBe(false);
    const sheet = alone.sheets.find((s) => s.name === 'Comparison')!;
    expect(sheet.rows).toEqual([]);
    expect(sheet.preamble.join(' ')).toMatch(/No baseline was kept/);
  });

  it('puts exact figures, the seed and the version in every slide’s speaker notes', () => {
    for (const slide of pack.slides) {
      expect(slide.notes).toContain('seed “test”');
      expect(slide.notes).toContain('Shortfall 9.9.9');
    }
    const h = input.headlines[0]!;
    expect(pack.slides[1]!.notes).toContain(
      `median ${Math.round(h.stat.p50).toLocaleString('en-GB')}, mean ${Math.round(h.stat.mean).toLocaleString('en-GB')}`,
    );
  });

  it('carries every entry of the assumptions register, a page of slides at a time', () => {
    const register = assumptionsRegister(input.scenario);
    const pages = pack.slides.filter((s) => s.kind === 'table');
    expect(pages).toHaveLength(Math.ceil(register.length / REGISTER_ROWS_PER_SLIDE));
    const rows = pages.flatMap((p) => (p.kind === 'table' ? p.table.rows : []));
    expect(rows.map((r) => r[0])).toEqual(register.map((e) => e.label));
  });

  it('draws the fan charts as lines of the median and the 90% range', () => {
    const charts = pack.slides.filter((s) => s.kind === 'chart');
    expect(charts.length).toBeGreaterThanOrEqual(3);
    const first = charts[0]!;
    if (first.kind !== 'chart') throw new Error('not a chart');
    expect(first.chart.series.map((s) => s.name)).toEqual([
      '95th percentile',
      'Median',
      '5th percentile',
    ]);
    expect(first.chart.labels).toHaveLength(input.summary.horizonMonths);
    expect(first.chart.series[1]!.values).toEqual(
      input.summary.monthly.unexaminedSuspects.map((s) => s.p50),
    );
  });

  it('ends with the method note naming the seed and the replications', () => {
    const last = pack.slides.at(-1)!;
    expect(last.kind).toBe('text');
    expect(last.kind === 'text' && last.paragraphs.join(' ')).toMatch(
      /seed “test”: running the scenario again with that seed and 40 replications/,
    );
  });

  it('names the workbook’s sheets as the brief asks, each within Excel’s 31 characters', () => {
    expect(pack.sheets.map((s) => s.name)).toEqual([
      'About',
      'Inputs',
      'Assumptions register',
      'Comparison',
      'Options',
      'Options compared',
      'Option costs',
      'What limits capacity',
      'Totals',
      'Monthly percentiles',
      'FMS table',
    ]);
    for (const sheet of pack.sheets) {
      expect(sheet.name.length).toBeLessThanOrEqual(31);
      for (const row of sheet.rows) expect(row.length).toBeLessThanOrEqual(sheet.columns.length);
    }
  });

  it('keeps numbers as numbers in the sheets, from the summary unrounded', () => {
    const totals = pack.sheets.find((s) => s.name === 'Totals')!;
    const row = totals.rows.find((r) => r[0] === 'Suspects not examined for assets')!;
    expect(row[2]).toBe(input.summary.totals.unexaminedSuspects.mean);
    expect(row[7]).toBe(input.summary.totals.unexaminedSuspects.p50);
    const monthly = pack.sheets.find((s) => s.name === 'Monthly percentiles')!;
    expect(monthly.rows).toHaveLength(
      (MONTHLY_SERIES.length + 2 * input.scenario.roles.length) * input.summary.horizonMonths,
    );
  });

  it('writes scenario text that cannot print as escapes, never as the characters', () => {
    const hostile = smallBriefingInput(false);
    hostile.scenario = { ...hostile.scenario, name: 'MPS\u202Ereversed\u0007' };
    const text = JSON.stringify(briefingContent(hostile));
    expect(text).not.toContain('\u202E');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('MPS\\\\u202Ereversed');
  });
});

describe('briefingStamp and briefingFileName', () => {
  it('stamps scenario, option, seed, replications, version and date', () => {
    expect(
      briefingStamp({
        scenarioName: 'MPS',
        option: 'Fill the 60 vacancies',
        seed: 's',
        replications: 2000,
        version: '1.2.3',
        date: PACK_DATE,
      }),
    ).toBe(
      'MPS · option “Fill the 60 vacancies” · seed “s” · 2,000 replications · Shortfall 1.2.3 · 2 December 2026',
    );
  });

  it('makes a file name of letters, digits and dashes, never empty', () => {
    expect(briefingFileName('MPS: 60 more FIs!')).toBe('mps-60-more-fis-briefing');
    expect(briefingFileName('“”')).toBe('scenario-briefing');
  });
});
