import { flushSync, mount, unmount, tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import axeSource from 'axe-core/axe.min.js?raw';
import '../../../../src/app/app.css';
import DecisionPanel from '../../../../src/app/decision/DecisionPanel.svelte';
import PipelineLevers from '../../../../src/app/decision/PipelineLevers.svelte';
import { inThreadEvaluate } from '../../../../src/decision/evaluate.ts';
import { leverInfo } from '../../../../src/decision/levers.ts';
import { PIPELINE_METRICS, type PipelineOutcome } from '../../../../src/decision/pipelineLevers.ts';
import { metricColumn } from '../../../../src/results/metricInfo.ts';
import { requireFieldInfo } from '../../../../src/scenario/fieldInfo.ts';
import { validateScenario } from '../../../../src/scenario/parse.ts';
import type { Scenario } from '../../../../src/scenario/schema.ts';
import { tinyScenario } from '../../../decision/tinyScenario.ts';

let mounted: ReturnType<typeof mount> | undefined;

afterEach(() => {
  if (mounted) void unmount(mounted);
  mounted = undefined;
  document.body.innerHTML = '';
});

function target(): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  return element;
}

/** An input found by the text of the label around it. */
function input(root: HTMLElement, label: RegExp): HTMLInputElement {
  const found = [...root.querySelectorAll('label')].find((l) => label.test(l.textContent ?? ''));
  const field = found?.querySelector('input');
  if (!field) throw new Error(`No input labelled ${label}.`);
  return field;
}

const bounds = (field: HTMLInputElement) => [field.min, field.max, field.step].map(Number);

describe('decision panel', () => {
  it('bounds replications per run as the scenario file’s replications field', () => {
    const root = target();
    mounted = mount(DecisionPanel, {
      target: root,
      props: { scenario: tinyScenario(), seed: 's', evaluate: inThreadEvaluate() },
    });
    flushSync();
    const { min, max, step } = requireFieldInfo(['replications']);
    expect(bounds(input(root, /^Replications per run/))).toEqual([min, max, step]);
  });

  it('bounds the goal seek’s range by the chosen lever, and follows a change of lever', () => {
    const root = target();
    mounted = mount(DecisionPanel, {
      target: root,
      props: { scenario: tinyScenario(), seed: 's', evaluate: inThreadEvaluate() },
    });
    flushSync();
    const expected = (field: 'inPost' | 'attritionPerYear') => {
      const { min, max, step } = leverInfo(field);
      return [min, max, step];
    };
    expect(bounds(input(root, /^From/))).toEqual(expected('inPost'));
    expect(bounds(input(root, /^To/))).toEqual(expected('inPost'));
    expect(expected('attritionPerYear')).not.toEqual(expected('inPost'));
    const lever = [...root.querySelectorAll('label')]
      .find((l) => /^Change/.test(l.textContent ?? ''))!
      .querySelector('select')!;
    lever.value = 'attritionPerYear';
    lever.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(bounds(input(root, /^From/))).toEqual(expected('attritionPerYear'));
    expect(bounds(input(root, /^To/))).toEqual(expected('attritionPerYear'));
  });
});

describe('pipeline levers table', () => {
  it('heads its columns with the metric table’s words, one cell per column in each row', () => {
    const root = target();
    const stat = { mean: 1, se: 0, p05: 0, p95: 2 };
    mounted = mount(PipelineLevers, {
      target: root,
      props: {
        outcomes: [
          {
            id: 'retention',
            label: 'A fifth fewer leavers',
            applies: true,
            change: Object.fromEntries(
              PIPELINE_METRICS.map((m) => [m, stat]),
            ) as PipelineOutcome['change'],
            limit: null,
          },
        ],
      },
    });
    flushSync();
    const headings = [...root.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(headings).toEqual(['Lever', ...PIPELINE_METRICS.map(metricColumn)]);
    expect(headings).toContain('Recovery missed (£)');
    expect(root.querySelectorAll('tbody td')).toHaveLength(PIPELINE_METRICS.length);
  });

  it('names what binds beside a lever that changes nothing', () => {
    const root = target();
    const zero = { mean: 0, se: 0, p05: 0, p95: 0 };
    const limit = 'Training seats are the limit: all 30 a year are used.';
    mounted = mount(PipelineLevers, {
      target: root,
      props: {
        outcomes: [
          {
            id: 'moreHiresPerMonth',
            label: 'One more hire a month',
            applies: true,
            change: Object.fromEntries(
              PIPELINE_METRICS.map((m) => [m, zero]),
            ) as PipelineOutcome['change'],
            limit,
          },
        ],
      },
    });
    flushSync();
    expect(root.querySelector('tbody th')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `One more hire a month Changes nothing: ${limit}`,
    );
  });
});

/** The tiny unit with two investigators, an uncertain mean of cases a month and uncertain leavers. */
function uncertainScenario(): Scenario {
  const raw = JSON.parse(JSON.stringify(tinyScenario({ inPost: 2 })));
  raw.name = 'Uncertain unit';
  raw.units[0].demand[0].casesPerMonth = {
    dist: 'poisson',
    mean: { uncertain: { dist: 'uniform', min: 30, max: 50 } },
  };
  raw.units[0].staff[0].attritionPerYear = {
    uncertain: { dist: 'pert', min: 0.06, mode: 0.1, max: 0.16 },
  };
  const checked = validateScenario(raw);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.value;
}

/** Resolves once `find` finds something, looking every 50 ms for up to a minute. */
async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const found = find();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('Not found in time.');
}

const button = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;

describe('the Decisions tab with uncertain assumptions', () => {
  it('moves each across its range, lists those with none, ranks the draws, and passes axe', async () => {
    const root = target();
    root.style.width = '1000px';
    mounted = mount(DecisionPanel, {
      target: root,
      props: { scenario: uncertainScenario(), seed: 's', evaluate: inThreadEvaluate() },
    });
    flushSync();
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => [r.value, r.checked, r.disabled])).toEqual([
      ['ranges', true, false],
      ['relative', false, false],
    ]);
    const text = () => root.textContent!.replace(/\s+/g, ' ');
    expect(text()).toContain(
      'Each of the 2 uncertain assumptions set to its 5th and then its 95th percentile',
    );
    input(root, /^Most replications per run/).value = '50';
    input(root, /^Most replications per run/).dispatchEvent(new Event('input', { bubbles: true }));
    input(root, /^Replications per run/).value = '200';
    input(root, /^Replications per run/).dispatchEvent(new Event('input', { bubbles: true }));
    button(root, 'Run sensitivity').click();
    const figure = await waitFor(() => root.querySelector('figure'));
    await tick();
    expect(figure.querySelector('h4')?.textContent).toMatch(
      /^Unit, Drug supply: Cases per month \(average\) moves the mean suspects not examined for assets most across its range: from [\d,]+ to [\d,]+ \(base [\d,]+\)\.$/,
    );
    expect(figure.textContent).toContain('assumption at its 5th percentile');
    const details = root.querySelector('details.no-range')!;
    expect(details.querySelector('summary')?.textContent?.replace(/\s+/g, ' ')).toMatch(
      /^No range given for 4 inputs: they stay as the scenario states them$/,
    );
    expect([...details.querySelectorAll('li')].map((li) => li.textContent)).toContain(
      'Unit, Drug supply: Hours per suspect or product: no range given',
    );

    button(root, 'Run rank correlation').click();
    const caption = await waitFor(() =>
      [...root.querySelectorAll('caption')].find((c) =>
        c.textContent?.includes('each uncertain assumption’s value'),
      ),
    );
    await tick();
    const rows = [...caption.closest('table')!.querySelectorAll('tbody th')].map(
      (th) => th.textContent,
    );
    expect(rows[0]).toBe('Unit, Drug supply: Cases per month (average)');
    expect(text()).toMatch(
      /Of the uncertain assumptions, Unit, Drug supply: Cases per month \(average\) tracks/,
    );

    details.querySelector('summary')!.click();
    if (!('axe' in window)) new Function(axeSource)();
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const result = await axe.run(root, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.viewport(1040, 2400);
    await page.screenshot({
      element: root,
      path: '../../../../test-results/screenshots/decisions-uncertain-ranges.png',
    });
  }, 120_000);
});
