import { describe, expect, it, vi } from 'vitest';
import { briefingContent, type BriefingSlide } from '../../src/briefing/content.ts';
import { exactFigure, exactSigned } from '../../src/briefing/exactFigures.ts';
import { keyDifferenceRows } from '../../src/options/compareReport.ts';
import { optionCharts } from '../../src/options/optionCharts.ts';
import { findBottleneck } from '../../src/results/bottleneck.ts';
import { pooledWithOptions } from '../options/fixture.ts';
import { smallBriefingInput, smallOptionsBriefingInput } from './smallBriefing.ts';

// Each input runs the baseline and two options in this thread.
vi.setConfig({ testTimeout: 60_000 });

type Kind = BriefingSlide['kind'];
const ofKind = <K extends Kind>(slides: BriefingSlide[], kind: K) =>
  slides.filter((s): s is Extract<BriefingSlide, { kind: K }> => s.kind === kind);

describe('the pack with options', async () => {
  const input = await smallOptionsBriefingInput();
  const run = input.options!;
  const pack = briefingContent(input);

  it('leads with the headlines and the limit, then the options side by side, each, and their chart', () => {
    const kinds = pack.slides.map((s) => s.kind);
    expect(kinds.slice(0, 7)).toEqual([
      'title',
      'bullets',
      'bottleneck',
      'options',
      'option',
      'option',
      'chart',
    ]);
    expect(pack.slides[0]!.kind === 'title' && pack.slides[0]!.subtitle).toContain(
      'the baseline and 2 options',
    );
    // The overlay charts come after the options, one per chart the Compare tab draws.
    const charts = ofKind(pack.slides, 'chart').map((s) => s.title);
    expect(charts.slice(0, optionCharts(run).length)).toEqual(
      optionCharts(run).map((c) => c.title),
    );
    expect(kinds.at(-1)).toBe('text');
  });

  it('sets the options side by side: every sentence, then a row an option in full figures', () => {
    const [summary] = ofKind(pack.slides, 'options');
    expect(summary!.title).toBe('The options side by side');
    expect(summary!.sentences).toEqual(run.options.map((o) => o.sentence));
    expect(summary!.table.rows.map((r) => r[0])).toEqual(run.options.map((o) => o.name));
    const fill = run.options[0]!;
    const d = fill.totals.unexaminedSuspects!.difference;
    expect(summary!.table.rows[0]!.slice(1, 4)).toEqual([
      exactSigned(d.mean, 'count'),
      `${exactSigned(d.p05, 'count')} to ${exactSigned(d.p95, 'count')}`,
      `${Math.round(fill.probabilityBetter * 100)}%`,
    ]);
    expect(summary!.method).toContain('seed “test”');
  });

  it('gives each option its own slide: sentence, chance, changes, key differences, cost and limit', () => {
    const slides = ofKind(pack.slides, 'option');
    expect(slides.map((s) => s.title)).toEqual(run.options.map((o) => o.name));
    for (const [i, slide] of slides.entries()) {
      const option = run.options[i]!;
      expect(slide.sentence).toBe(option.sentence);
      expect(slide.chance).toMatch(/^Better than the baseline in \d+% of futures/);
      expect(slide.changes).toEqual(option.changes);
      expect(slide.table.rows).toEqual(keyDifferenceRows(option));
      expect(slide.table.rows.map((r) => r[0])).toContain(
        'Financial investigators in post at the end',
      );
      expect(slide.money.map(([label]) => label)).toContain('Cost per extra suspect examined');
      expect(slide.years.map(([label]) => label)).toContain('Extra staff cost, Year 1');
      expect(slide.limit).toBe(`With this option: ${option.bottleneck.sentence}`);
    }
  });

  it('names what limits capacity for the run shown, with its pipeline, and with each option', () => {
    const [slide] = ofKind(pack.slides, 'bottleneck');
    const found = findBottleneck(input.scenario, input.summary);
    expect(slide!.sentence).toBe(found.sentence);
    expect(slide!.table.rows.map((r) => r[0])).toEqual(found.roles.map((r) => r.roleName));
    expect(slide!.table.columns).toContain('Waiting for a seat');
    expect(slide!.others).toEqual(
      run.options.map((o) => `With “${o.name}”: ${o.bottleneck.sentence}`),
    );
  });

  it('puts every option’s exact figures, seed, replications and version in its speaker notes', () => {
    for (const slide of pack.slides.filter((s) => s.kind === 'options' || s.kind === 'option'))
      expect(slide.notes).toMatch(
        /baseline and options “Fill the vacancies”, “Ten more training seats a year” · seed “test” · 40 replications · Shortfall 9\.9\.9/,
      );
    const [first] = ofKind(pack.slides, 'option');
    const t = run.options[0]!.totals.recovered!;
    expect(first!.notes).toContain(
      `Assets recovered: baseline mean ${exactFigure(t.baseline.mean, 'pounds')}`,
    );
    expect(first!.notes).toContain(`difference mean ${exactSigned(t.difference.mean, 'pounds')}`);
    expect(first!.notes).toMatch(
      /^Change: Metropolitan Police Service · Financial investigator · In post: /m,
    );
  });

  it('writes the options’ sheets with the figures unrounded', () => {
    const sheet = (name: string) => pack.sheets.find((s) => s.name === name)!;
    const options = sheet('Options');
    expect(options.rows.map((r) => r[0])).toEqual(run.options.map((o) => o.name));
    const header = options.columns;
    expect(options.rows[0]![header.indexOf('Chance it is better')]).toBe(
      run.options[0]!.probabilityBetter,
    );
    expect(options.rows[0]![header.indexOf('Extra staff cost over the horizon')]).toBe(
      run.options[0]!.cost.total,
    );
    const compared = sheet('Options compared');
    const row = compared.rows.find(
      (r) =>
        r[0] === 'Ten more training seats a year' && r[1] === 'Suspects not examined for assets',
    )!;
    const t = run.options[1]!.totals.unexaminedSuspects!;
    expect(row.slice(3, 10)).toEqual([
      t.baseline.mean,
      t.option.mean,
      t.difference.mean,
      t.difference.se,
      t.difference.p05,
      t.difference.p50,
      t.difference.p95,
    ]);
    const costs = sheet('Option costs');
    expect(costs.rows.filter((r) => r[0] === 'Fill the vacancies').map((r) => r[3])).toEqual(
      run.options[0]!.cost.byYear.map((y) => y.cost),
    );
    const limits = sheet('What limits capacity');
    expect(limits.rows.map((r) => r[0])).toEqual([
      'The run shown',
      'Fill the vacancies',
      'Ten more training seats a year',
    ]);
    expect(pack.sheets.some((s) => s.name === 'Options by unit')).toBe(false);
  });

  it('says in the method note how options are run and costed', () => {
    const last = pack.slides.at(-1)!;
    expect(last.kind === 'text' && last.paragraphs.join(' ')).toMatch(
      /Options: each option is the baseline with its changes, run on seed “test” with 40 futures/,
    );
  });
});

describe('the pack of a scenario of several units', async () => {
  const input = await smallOptionsBriefingInput(pooledWithOptions(), 30);
  const pack = briefingContent(input);

  it('shows who gains from each option, a row a unit, after the option’s slide', () => {
    const kinds = pack.slides.map((s) => s.title);
    for (const option of input.options!.options) {
      const at = kinds.indexOf(option.name);
      expect(kinds[at + 1]).toBe(`Who gains: ${option.name}`);
      const slide = pack.slides[at + 1]!;
      expect(slide.kind === 'table' && slide.table.rows.map((r) => r[0])).toEqual([
        'North',
        'South',
      ]);
    }
    const sheet = pack.sheets.find((s) => s.name === 'Options by unit')!;
    const south = input.options!.options[1]!.byUnit![1]!.totals.unexaminedSuspects!;
    const row = sheet.rows.find(
      (r) =>
        r[0] === 'Two more posts in South' &&
        r[1] === 'South' &&
        r[2] === 'Suspects not examined for assets',
    )!;
    expect(row.slice(4, 9)).toEqual([
      south.baseline.mean,
      south.option.mean,
      south.difference.mean,
      south.difference.p05,
      south.difference.p95,
    ]);
  });
});

describe('the pack of a scenario whose names hold characters that do not print', () => {
  it('writes them as escapes in every slide, note and sheet', async () => {
    // A file's names are checked on reading; the pack guards the text it is handed all the same.
    const input = await smallOptionsBriefingInput(pooledWithOptions(), 20);
    const option = input.options!.options[0]!;
    option.name = 'Pool\u0007 them';
    option.bottleneck = { ...option.bottleneck, sentence: `${option.bottleneck.sentence}\u202E` };
    input.options!.baseline.scenario.units[1]!.name = 'South\u202E';
    const pack = briefingContent(input);
    const text = JSON.stringify(pack);
    expect(text).not.toContain('\u0007');
    expect(text).not.toContain('\u202E');
    expect(text).toContain('Pool\\\\u0007 them');
    // Speaker notes keep their lines.
    const [own] = ofKind(pack.slides, 'option');
    expect(own!.notes.split('\n').length).toBeGreaterThan(10);
  });
});

describe('the pack without options', () => {
  it('keeps the options’ sheets, saying how to make options', () => {
    const pack = briefingContent(smallBriefingInput(false));
    for (const name of ['Options', 'Options compared', 'Option costs']) {
      const sheet = pack.sheets.find((s) => s.name === name)!;
      expect(sheet.rows).toEqual([]);
      expect(sheet.preamble.join(' ')).toMatch(
        /No options were run: add options on the Compare tab/,
      );
    }
    expect(pack.slides.some((s) => s.kind === 'options' || s.kind === 'option')).toBe(false);
    expect(pack.slides.filter((s) => s.kind === 'bottleneck')).toHaveLength(1);
  });
});
