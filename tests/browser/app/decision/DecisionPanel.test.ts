import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import DecisionPanel from '../../../../src/app/decision/DecisionPanel.svelte';
import PipelineLevers from '../../../../src/app/decision/PipelineLevers.svelte';
import { inThreadEvaluate } from '../../../../src/decision/evaluate.ts';
import { leverInfo } from '../../../../src/decision/levers.ts';
import { PIPELINE_METRICS, type PipelineOutcome } from '../../../../src/decision/pipelineLevers.ts';
import { metricColumn } from '../../../../src/results/metricInfo.ts';
import { requireFieldInfo } from '../../../../src/scenario/fieldInfo.ts';
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
