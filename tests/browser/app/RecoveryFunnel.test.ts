import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import axeSource from 'axe-core/axe.min.js?raw';
import '../../../src/app/app.css';
import RecoveryFunnel from '../../../src/app/RecoveryFunnel.svelte';
import RecoveryResults from '../../../src/app/RecoveryResults.svelte';
import { recoveryRows, unitTable } from '../../../src/results/recoveryTable.ts';
import { requireFieldInfo } from '../../../src/scenario/fieldInfo.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';
import { ScenarioDraft } from '../../../src/state/scenarioDraft.svelte.ts';
import mps from '../../../scenarios/mps-financial-investigators.json';
import { smallRun, smallScenario } from '../../results/smallRun.ts';

let mounted: ReturnType<typeof mount> | undefined;

afterEach(() => {
  if (mounted) void unmount(mounted);
  mounted = undefined;
  document.body.innerHTML = '';
});

function target(): HTMLElement {
  const element = document.createElement('div');
  element.style.width = '1000px';
  element.style.padding = '8px';
  document.body.append(element);
  return element;
}

/** An input found by its accessible label's text. */
function input(root: HTMLElement, label: RegExp): HTMLInputElement {
  const found = [...root.querySelectorAll('input')].find((field) => {
    const text =
      [...(field.labels ?? [])].map((l) => l.textContent ?? '').join(' ') +
      (field.getAttribute('aria-label') ?? '');
    return label.test(text);
  });
  if (!found) throw new Error(`No input labelled ${label}.`);
  return found;
}

function type(field: HTMLInputElement, text: string) {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

function button(root: HTMLElement, name: RegExp): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));
  if (!found) throw new Error(`No button ${name}.`);
  return found;
}

async function checkAxe(root: HTMLElement) {
  // Loaded as text rather than as a module, so Vite has no dependency to bundle mid-run.
  if (!('axe' in window)) new Function(axeSource)();
  const { axe } = window as unknown as { axe: typeof import('axe-core') };
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

describe('the recovery funnel editor', () => {
  it('edits each funnel field under the schema’s words', () => {
    const draft = new ScenarioDraft(structuredClone(mps) as ScenarioInput);
    const root = target();
    mounted = mount(RecoveryFunnel, { target: root, props: { draft } });
    flushSync();
    const chance = requireFieldInfo(['finance', 'orderProbability']);
    expect(root.textContent).toContain(chance.title);
    expect(root.textContent).toContain(requireFieldInfo(['finance', 'monthsToReceipt']).title);
    type(input(root, new RegExp(`^${chance.title}`)), '0.4');
    expect(draft.get(['finance', 'orderProbability'])).toBe(0.4);
    expect(draft.problems).toEqual([]);
  });

  it('adds a band before the last, which keeps no limit, and removes one', () => {
    const file = structuredClone(mps) as ScenarioInput;
    file.finance = { ...file.finance, collection: [{ collected: 0.45 }] };
    const draft = new ScenarioDraft(file);
    const root = target();
    mounted = mount(RecoveryFunnel, { target: root, props: { draft } });
    flushSync();
    expect(draft.get(['finance', 'collection'])).toEqual([{ collected: 0.45 }]);
    button(root, /^Add a band/).click();
    flushSync();
    expect(draft.get(['finance', 'collection'])).toEqual([
      { upTo: 1000, collected: 0.45 },
      { collected: 0.45 },
    ]);
    type(input(root, /^Orders up to, Band 1$/), '5000');
    expect(draft.get(['finance', 'collection', 0, 'upTo'])).toBe(5000);
    expect(draft.problems).toEqual([]);
    button(root, /^Remove Band 2/).click();
    flushSync();
    expect(draft.get(['finance', 'collection'])).toEqual([{ collected: 0.45 }]);
  });

  it('shows the default bands of a file that leaves them out, and writes them in to change them', () => {
    const file = structuredClone(mps) as ScenarioInput;
    delete (file.finance as { collection?: unknown }).collection;
    const draft = new ScenarioDraft(file);
    const root = target();
    mounted = mount(RecoveryFunnel, { target: root, props: { draft } });
    flushSync();
    expect(root.textContent).toContain('up to £1k, 96% collected');
    expect(root.textContent).toContain('above £1m, 22% collected');
    button(root, /^Change the bands/).click();
    flushSync();
    expect((draft.get(['finance', 'collection']) as unknown[]).length).toBe(5);
  });

  it('meets WCAG 2.2 AA and looks right', async () => {
    const draft = new ScenarioDraft(structuredClone(mps) as ScenarioInput);
    const root = target();
    mounted = mount(RecoveryFunnel, { target: root, props: { draft } });
    flushSync();
    button(root, /^Add a band/).click();
    flushSync();
    await checkAxe(root);
    await page.viewport(1040, 1400);
    const path = await page.screenshot({
      element: root,
      path: '../../../test-results/screenshots/recovery-funnel.png',
    });
    expect(path).toMatch(/recovery-funnel\.png$/);
  });
});

describe('the recovery results', () => {
  // The MPS scenario split in two units, its first stream in a unit of its own.
  const scenario = smallScenario((file) => {
    const [first, ...rest] = file.units[0]!.demand;
    file.units[0]!.demand = rest;
    file.units.push({
      ...structuredClone(file.units[0]!),
      id: 'drugs-team',
      name: 'Drug supply team',
      demand: [first!],
    });
  });
  const { summary } = smallRun(10, scenario);

  it('show the funnel’s totals and who gains, unit by unit, meeting WCAG 2.2 AA', async () => {
    const root = target();
    const rows = recoveryRows(summary, scenario);
    const units = unitTable(summary, scenario)!;
    mounted = mount(RecoveryResults, { target: root, props: { rows, units } });
    flushSync();
    const tables = root.querySelectorAll('table');
    expect(tables).toHaveLength(2);
    expect(tables[0]!.querySelectorAll('tbody tr')).toHaveLength(rows.length);
    expect(tables[1]!.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(tables[1]!.textContent).toContain('Drug supply team');
    expect(tables[1]!.querySelectorAll('thead th')).toHaveLength(units.columns.length + 1);
    await checkAxe(root);
    await page.viewport(1040, 900);
    const path = await page.screenshot({
      element: root,
      path: '../../../test-results/screenshots/recovery-results.png',
    });
    expect(path).toMatch(/recovery-results\.png$/);
  });
});
