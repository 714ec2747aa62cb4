import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import axeSource from 'axe-core/axe.min.js?raw';
import '../../../../src/app/app.css';
import london from '../../../../scenarios/london-sensitive-intelligence-units.json';
import mps from '../../../../scenarios/mps-financial-investigators.json';
import EvidenceView from '../../../../src/app/evidence/EvidenceView.svelte';
import { backtest } from '../../../../src/fit/backtest.ts';
import { fitHistory } from '../../../../src/fit/fitHistory.ts';
import { fittedAssumption } from '../../../../src/fit/fittedAssumption.ts';
import { rootogram } from '../../../../src/fit/goodnessOfFit.ts';
import type { ScenarioInput } from '../../../../src/scenario/schema.ts';
import { HistoryEvidence } from '../../../../src/state/historyEvidence.svelte.ts';
import type { FieldPath } from '../../../../src/state/path.ts';
import { ScenarioDraft } from '../../../../src/state/scenarioDraft.svelte.ts';

let mounted: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (mounted) void unmount(mounted);
  mounted = undefined;
  document.body.innerHTML = '';
});

const REFERRALS = [
  84, 97, 91, 88, 102, 95, 79, 93, 99, 86, 90, 104, 92, 87, 96, 83, 98, 94, 89, 101, 85, 92, 97, 90,
  88, 95, 100, 91, 86, 93, 99, 87, 94, 96, 89, 92,
];
const HOURS = REFERRALS.map((r, i) => Number((18 + ((i * 7) % 13) * 2.3 + (r % 5)).toFixed(1)));
/** A history with a heading that holds markup, which must be shown as text. */
const CSV = [
  'Month,Referrals,Hours per case,<b>Notes</b>',
  ...REFERRALS.map((r, i) => `m${i + 1},${r},${HOURS[i]},"<img src=x onerror=alert(1)>"`),
].join('\n');

function show(history: HistoryEvidence, scenario: unknown = mps) {
  const draft = new ScenarioDraft(structuredClone(scenario) as ScenarioInput);
  const target = document.createElement('main');
  target.style.width = '1100px';
  document.body.append(target);
  const asked: FieldPath[] = [];
  mounted = mount(EvidenceView, {
    target,
    props: { draft, history, onaskexperts: (p: FieldPath) => asked.push(p) },
  });
  flushSync();
  return { draft, target, asked };
}

async function axeOn(root: Element) {
  if (!('axe' in window)) new Function(axeSource)();
  const { axe } = window as unknown as { axe: typeof import('axe-core') };
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  return result.violations.map((v) => `${v.id}: ${v.help}`);
}

const byLabel = <T extends HTMLElement>(root: ParentNode, text: string) => {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  const field = label && document.getElementById(label.htmlFor);
  if (!field) throw new Error(`No field labelled ${text}`);
  return field as T;
};
const button = (root: ParentNode, text: RegExp) =>
  [...root.querySelectorAll('button')].find((b) => text.test(b.textContent ?? ''))!;

describe('the Evidence tab', () => {
  it('fits counts: the candidates, a rootogram, the trend, and Use this fit', async () => {
    const history = new HistoryEvidence();
    history.load(CSV, 'referrals.csv', true);
    const { draft, target } = show(history);
    const fit = fitHistory(REFERRALS, 'counts');
    expect(target.textContent).toContain(`Referrals: 36 months, best fitted by a`);
    const rows = [...target.querySelectorAll('table tbody tr')];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain(fit.candidates[0]!.aic.toFixed(1));
    expect(target.querySelector('tr.chosen th')?.textContent).toMatch(
      fit.family === 'poisson' ? /^Poisson/ : /^negative binomial/,
    );
    // The rootogram hangs one bar from the curve for each bin.
    const bins = rootogram(REFERRALS, fit.dist as never);
    const figure = target.querySelector('figure')!;
    expect(figure.querySelectorAll('svg path[fill-opacity="0.85"]')).toHaveLength(bins.length);
    expect(target.textContent).toMatch(/Trend: [+−]?\d+\.\d% a year \(95% interval/);
    // The markup in the file is only ever text.
    expect(target.querySelector('img')).toBeNull();
    expect([...byLabel<HTMLSelectElement>(target, 'Column').options].map((o) => o.text)).toContain(
      '<b>Notes</b>',
    );
    expect(await axeOn(target)).toEqual([]);
    await page.viewport(1280, 2400);
    await page.screenshot({
      element: target,
      path: '../../../../test-results/screenshots/evidence-tab-counts.png',
    });

    const into = byLabel<HTMLSelectElement>(target, 'Put it into');
    const use = button(target, /^Use this fit$/);
    expect(use.disabled).toBe(true);
    into.value = 'units[0].demand[1].casesPerMonth';
    into.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    use.click();
    flushSync();
    expect(draft.get(['units', 0, 'demand', 1, 'casesPerMonth'])).toEqual(fittedAssumption(fit));
    const note = draft.input.assumptions!.find(
      (a) => a.field === 'units[0].demand[1].casesPerMonth',
    )?.note;
    expect(note).toMatch(/^Fitted from referrals\.csv, 36 months \(column “Referrals”\)/);
    expect(target.querySelector('[role="status"]')?.textContent).toMatch(/^Written to /);
  });

  it('fits positive values with a Q–Q plot, and says what is wrong with a column', async () => {
    const history = new HistoryEvidence();
    history.load(CSV, 'referrals.csv', true);
    const { target } = show(history);
    const column = byLabel<HTMLSelectElement>(target, 'Column');
    column.value = 'Hours per case';
    column.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(history.kind).toBe('positive');
    const qq = [...target.querySelectorAll('figure')].find((f) =>
      f.textContent?.includes('Q–Q plot'),
    );
    expect(qq?.querySelectorAll('svg circle')).toHaveLength(36);
    expect(await axeOn(target)).toEqual([]);
    await page.viewport(1280, 2400);
    await page.screenshot({
      element: target,
      path: '../../../../test-results/screenshots/evidence-tab-positive.png',
    });
    column.value = '<b>Notes</b>';
    column.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    const alert = target.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Row 2, column "<b>Notes</b>"');
    expect(target.querySelector('b, img')).toBeNull();
  });

  it('back-tests the history on the months held out', async () => {
    const history = new HistoryEvidence();
    history.load(CSV, 'referrals.csv', true);
    const { target } = show(history);
    const expected = backtest(REFERRALS, 'counts', 12);
    const items = [...target.querySelectorAll('li')].map((l) => l.textContent ?? '');
    expect(items[0]).toContain(
      `Inside the 50% band: ${Math.round(expected.coverage50 * 12)} of 12 months`,
    );
    expect(items[1]).toContain(
      `Inside the 90% band: ${Math.round(expected.coverage90 * 12)} of 12 months`,
    );
    const chart = [...target.querySelectorAll('figure')].find((f) =>
      f.textContent?.includes('against a fit that did not see them'),
    )!;
    expect(chart.querySelectorAll('svg circle')).toHaveLength(12);
    await page.viewport(1280, 2400);
    chart.scrollIntoView();
    await page.screenshot({
      element: chart.closest('section')!,
      path: '../../../../test-results/screenshots/evidence-backtest-section.png',
    });
    const holdout = byLabel<HTMLInputElement>(target, 'Months held out');
    holdout.value = '31';
    holdout.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(holdout.getAttribute('aria-invalid')).toBe('true');
    expect(target.textContent).toContain('the months held out must be a whole number from 1 to 30');
    expect(await axeOn(target)).toEqual([]);
  });

  it('opens the experts’ dialog for a figure chosen from the list', () => {
    const history = new HistoryEvidence();
    const { target, asked } = show(history);
    const figure = byLabel<HTMLSelectElement>(target, 'Figure');
    const ask = button(target, /^Ask experts…$/);
    expect(ask.disabled).toBe(true);
    figure.value = 'units[0].staff[0].inPost';
    figure.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    ask.click();
    expect(asked).toEqual([['units', 0, 'staff', 0, 'inPost']]);
    expect(target.textContent).toContain(
      'Open or paste a history and choose its column above to back-test it.',
    );
  });

  it('lists one unit’s fields at a time in a file of several units', () => {
    const history = new HistoryEvidence();
    history.load(CSV, 'referrals.csv', true);
    const { draft, target } = show(history, london);
    const unit = byLabel<HTMLSelectElement>(target, 'Unit');
    expect([...unit.options].map((o) => o.text)).toEqual(london.units.map((u) => u.name));
    unit.value = '2';
    unit.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    const into = byLabel<HTMLSelectElement>(target, 'Put it into');
    const options = [...into.options].filter((o) => o.value);
    expect(options).toHaveLength(2 * london.units[2]!.demand.length);
    expect(options.every((o) => o.value.startsWith('units[2].'))).toBe(true);
    into.value = options[0]!.value;
    into.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    button(target, /^Use this fit$/).click();
    expect(draft.get(['units', 2, 'demand', 0, 'casesPerMonth'])).toEqual(
      fittedAssumption(fitHistory(REFERRALS, 'counts')),
    );
  });
});
