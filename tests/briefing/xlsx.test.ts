import { describe, expect, it, vi } from 'vitest';
import { briefingContent } from '../../src/briefing/content.ts';
import { briefingXlsx, headerRowNumber } from '../../src/briefing/xlsx.ts';
import { readXlsx } from './readXlsx.ts';
import { smallBriefingInput, smallOptionsBriefingInput } from './smallBriefing.ts';

const withBaseline = smallBriefingInput();

async function workbook(input = withBaseline) {
  const pack = briefingContent(input);
  const blob = await briefingXlsx(pack);
  return { pack, input, sheets: await readXlsx(new Uint8Array(await blob.arrayBuffer())) };
}

// Writing a workbook zips its sheets: seconds on a busy two-core machine.
vi.setConfig({ testTimeout: 30_000 });

describe('briefingXlsx', () => {
  it('holds the named sheets, each headed by the scenario and its stamp', async () => {
    const { pack, sheets } = await workbook();
    expect([...sheets.keys()]).toEqual(pack.sheets.map((s) => s.name));
    for (const content of pack.sheets) {
      const rows = sheets.get(content.name)!;
      expect(rows[1]![0]).toBe(pack.stamp);
      expect(rows[headerRowNumber(content) - 1]).toEqual(content.columns);
    }
  });

  it('reads back the totals’ statistics as the numbers of the summary', async () => {
    const { input, sheets } = await workbook();
    const rows = sheets.get('Totals')!;
    const header = rows[3]!;
    const row = rows.find((r) => r[0] === 'Suspects not examined for assets')!;
    const stat = input.summary.totals.unexaminedSuspects;
    expect(row[header.indexOf('Mean')]).toBe(stat.mean);
    expect(row[header.indexOf('Median')]).toBe(stat.p50);
    expect(row[header.indexOf('95th percentile')]).toBe(stat.p95);
    const money = rows.find((r) => r[0] === 'Recoverable assets missed')!;
    expect(money[1]).toBe('£');
    expect(money[header.indexOf('5th percentile')]).toBe(input.summary.totals.missedRecovery.p05);
  });

  it('reads back the comparison’s paired differences', async () => {
    const { input, sheets } = await workbook();
    const rows = sheets.get('Comparison')!;
    const header = rows[3]!;
    const expected = input.comparisons[0]!.rows[0]!;
    const row = rows[4]!;
    expect(row[header.indexOf('Measure')]).toBe(expected.label);
    expect(row[header.indexOf('Difference mean')]).toBe(expected.difference.mean);
    expect(row[header.indexOf('Difference 5th percentile')]).toBe(expected.difference.p05);
    expect(row[header.indexOf('Paired (same seed)')]).toBe('yes');
  });

  it('reads back the monthly percentiles and the FMS table by year', async () => {
    const { input, sheets } = await workbook();
    const monthly = sheets.get('Monthly percentiles')!;
    const last = input.summary.monthly.unexaminedSuspects.at(-1)!;
    const row = monthly.find((r) => r[0] === 'Suspects not examined for assets' && r[1] === 12)!;
    expect(row.slice(2)).toEqual([last.p05, last.p25, last.p50, last.p75, last.p95, last.mean]);
    const fms = sheets.get('FMS table')!;
    const header = fms[3]!;
    expect(fms[4]![0]).toBe('Year 1 (months 1–12)');
    expect(fms[4]![header.indexOf('Suspects not examined mean')]).toBe(
      input.summary.yearly.unexaminedSuspects[0]!.mean,
    );
  });

  it('reads back each option’s paired differences, chance and cost, and the pipeline', async () => {
    const { input, sheets, pack } = await workbook(await smallOptionsBriefingInput());
    for (const name of ['Options', 'Options compared', 'Option costs', 'What limits capacity'])
      expect(sheets.has(name)).toBe(true);
    const run = input.options!;
    const options = sheets.get('Options')!;
    const header = options[headerRowNumber(pack.sheets.find((s) => s.name === 'Options')!) - 1]!;
    for (const [i, option] of run.options.entries()) {
      const row = options.find((r) => r[0] === option.name)!;
      expect(row[header.indexOf('Sentence')]).toBe(option.sentence);
      expect(row[header.indexOf('Chance it is better')]).toBe(option.probabilityBetter);
      expect(row[header.indexOf('Extra staff cost over the horizon')]).toBe(option.cost.total);
      expect(options.indexOf(row)).toBe(headerRowNumber(pack.sheets[4]!) + i);
    }
    const compared = sheets.get('Options compared')!;
    const t = run.options[0]!.totals.recovered!;
    const row = compared.find((r) => r[0] === run.options[0]!.name && r[1] === 'Assets recovered')!;
    expect(row.slice(2, 6)).toEqual(['£', t.baseline.mean, t.option.mean, t.difference.mean]);
    const limits = sheets.get('What limits capacity')!;
    expect(limits.at(-1)!.at(-1)).toBe(run.options.at(-1)!.bottleneck.sentence);
  });

  it('writes text that looks like a formula as text', async () => {
    const input = {
      ...withBaseline,
      scenario: { ...withBaseline.scenario, name: '=HYPERLINK("x")' },
    };
    const { sheets } = await workbook(input);
    expect(sheets.get('About')![4]).toEqual(['Scenario', '=HYPERLINK("x")']);
  });
});
