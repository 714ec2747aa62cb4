import { flushSync, mount, unmount, tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import axeSource from 'axe-core/axe.min.js?raw';
import '../../../../src/app/app.css';
import mps from '../../../../scenarios/mps-financial-investigators.json';
import { elicit, elicitationNote } from '../../../../src/fit/elicit.ts';
import { roundedElicited } from '../../../../src/fit/elicitPicture.ts';
import type { ScenarioInput } from '../../../../src/scenario/schema.ts';
import type { FieldPath } from '../../../../src/state/path.ts';
import { ScenarioDraft } from '../../../../src/state/scenarioDraft.svelte.ts';
import EvidenceHarness from './EvidenceHarness.svelte';

let mounted: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (mounted) void unmount(mounted);
  mounted = undefined;
  document.body.innerHTML = '';
});

const ATTRITION: FieldPath = ['units', 0, 'staff', 0, 'attritionPerYear'];
const CASES: FieldPath = ['units', 0, 'demand', 0, 'casesPerMonth'];
const ATTRITION_TEXT = 'units[0].staff[0].attritionPerYear';

/** The built-in scenario without its own note on attrition, so the dialog writes the first. */
function scenario(): ScenarioInput {
  const s = structuredClone(mps) as ScenarioInput;
  s.assumptions = (s.assumptions ?? []).filter((a) => a.field !== ATTRITION_TEXT);
  return s;
}

function show(draft: ScenarioDraft, numbers: FieldPath[], distributions: FieldPath[] = []) {
  const target = document.createElement('main');
  target.style.width = '1100px';
  document.body.append(target);
  const fitted: FieldPath[] = [];
  mounted = mount(EvidenceHarness, {
    target,
    props: { draft, numbers, distributions, fitted: (p: FieldPath) => fitted.push(p) },
  });
  flushSync();
  return { target, fitted };
}

function type(input: Element | null, text: string) {
  if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement))
    throw new Error('not a text field');
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}
const labelled = (root: ParentNode, name: string) => root.querySelector(`[aria-label="${name}"]`);
const button = (root: ParentNode, text: RegExp) =>
  [...root.querySelectorAll('button')].find((b) => text.test(b.textContent ?? ''))!;

async function axeOn(root: Element) {
  if (!('axe' in window)) new Function(axeSource)();
  const { axe } = window as unknown as { axe: typeof import('axe-core') };
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  return result.violations.map((v) => `${v.id}: ${v.help}`);
}

const TWO = [
  { name: 'Head of HR', weight: undefined, low: 0.05, likely: 0.09, high: 0.16 },
  { name: 'ECU lead', weight: 3, low: 0.08, likely: 0.12, high: 0.2 },
];

describe('asking experts about a figure', () => {
  it('opens from the field, pools two experts, writes the range and its note as one edit', async () => {
    const draft = new ScenarioDraft(scenario());
    const { target } = show(draft, [ATTRITION]);
    const ask = target.querySelector<HTMLButtonElement>('button[data-ask-experts]')!;
    expect(ask.getAttribute('aria-label')).toBe('Ask experts about Leavers');
    ask.focus();
    ask.click();
    flushSync();
    await tick();
    const dialog = document.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe(
      'Ask experts: Metropolitan Police Service · Financial investigator · Leavers',
    );
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Name, expert 1');
    expect(dialog.textContent).toContain('The field takes values from 0 to 1.');

    button(dialog, /^Add an expert$/).click();
    flushSync();
    TWO.forEach((e, i) => {
      type(labelled(dialog, `Name, expert ${i + 1}`), e.name);
      if (e.weight) type(labelled(dialog, `Weight, expert ${i + 1}`), String(e.weight));
      type(labelled(dialog, `Lowest, expert ${i + 1}`), `${e.low * 100}%`);
      type(labelled(dialog, `Most likely, expert ${i + 1}`), String(e.likely));
      type(labelled(dialog, `Highest, expert ${i + 1}`), String(e.high));
    });
    const pert = dialog.querySelector<HTMLInputElement>('input[value="pert"]')!;
    pert.click();
    flushSync();
    type(dialog.querySelector('textarea'), 'Asked apart, March workshop.');
    const date = dialog.querySelector<HTMLInputElement>('input[type="date"]')!;
    date.value = '2026-03-02';
    date.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();

    const experts = TWO.map((e) => ({
      name: e.name,
      ...(e.weight ? { weight: e.weight } : {}),
      judgement: { kind: 'range' as const, low: e.low, likely: e.likely, high: e.high },
    }));
    const expected = elicit(experts, 'pert');
    expect(dialog.textContent).toMatch(/Range to use: PERT, from [\d.]+ to [\d.]+, most likely/);
    expect(dialog.querySelector('figure svg')).not.toBeNull();
    // Two experts, the pool and the range written: four curves.
    expect(dialog.querySelectorAll('figure svg path[fill="none"]')).toHaveLength(4);
    expect(await axeOn(dialog)).toEqual([]);
    await page.viewport(1280, 900);
    await page.screenshot({
      element: dialog,
      path: '../../../../test-results/screenshots/evidence-experts-dialog.png',
    });

    button(dialog, /^Use this range$/).click();
    flushSync();
    await tick();
    await tick();
    expect(dialog.open).toBe(false);
    expect(draft.get(ATTRITION)).toEqual({ uncertain: roundedElicited(expected.dist as never) });
    const note = draft.input.assumptions!.find((a) => a.field === ATTRITION_TEXT)?.note;
    expect(note).toBe(
      elicitationNote(experts, '2026-03-02', 'Asked apart, March workshop.', expected),
    );
    expect(document.activeElement).toBe(
      target.querySelector('button[data-ask-experts="units[0].staff[0].attritionPerYear"]'),
    );
    expect(target.textContent).toContain('Uncertain:');
    // One step back undoes the range and the note together.
    draft.undo();
    expect(draft.get(ATTRITION)).toBe(0.1);
    expect(draft.input.assumptions!.some((a) => a.field === ATTRITION_TEXT)).toBe(false);
  });

  it('closes on Escape without writing, and says what is wrong in a judgement', async () => {
    const draft = new ScenarioDraft(scenario());
    const { target } = show(draft, [ATTRITION]);
    target.querySelector<HTMLButtonElement>('button[data-ask-experts]')!.click();
    flushSync();
    await tick();
    const dialog = document.querySelector('dialog')!;
    type(labelled(dialog, 'Name, expert 1'), 'Sam');
    type(labelled(dialog, 'Lowest, expert 1'), '0.3');
    type(labelled(dialog, 'Most likely, expert 1'), '0.2');
    expect(dialog.textContent).toContain(
      'Sam: give all three values (lowest, most likely, highest).',
    );
    type(labelled(dialog, 'Highest, expert 1'), 'lots');
    expect(dialog.textContent).toContain('Sam: “lots” is not a number.');
    type(labelled(dialog, 'Highest, expert 1'), '0.5');
    expect(dialog.textContent).toContain(
      'Sam: the low must be at most the most likely, and that at most the high.',
    );
    expect(button(dialog, /^Use this range$/).disabled).toBe(true);
    // A range reaching past 1 is drawn at 1 there: the dialog says how much.
    type(labelled(dialog, 'Lowest, expert 1'), '0.6');
    type(labelled(dialog, 'Most likely, expert 1'), '0.9');
    type(labelled(dialog, 'Highest, expert 1'), '1');
    dialog.querySelector<HTMLInputElement>('input[value="quantiles"]')!.click();
    flushSync();
    expect(dialog.textContent).toMatch(
      /About \d+% of this range lies outside what the field allows/,
    );
    await userEvent.keyboard('{Escape}');
    await tick();
    await tick();
    expect(dialog.open).toBe(false);
    expect(draft.get(ATTRITION)).toBe(0.1);
    expect(document.activeElement).toBe(target.querySelector('button[data-ask-experts]'));
  });

  it('is offered wherever a number can hold a range, and a history where one describes it', () => {
    const draft = new ScenarioDraft(scenario());
    const { target, fitted } = show(draft, [['horizonMonths'], ATTRITION], [CASES]);
    const asks = [...target.querySelectorAll('button[data-ask-experts]')].map((b) =>
      b.getAttribute('data-ask-experts'),
    );
    expect(asks).not.toContain('horizonMonths');
    expect(asks).toContain('units[0].staff[0].attritionPerYear');
    // A negative binomial: its average and its spread.
    expect(asks).toContain('units[0].demand[0].casesPerMonth.mean');
    expect(asks).toContain('units[0].demand[0].casesPerMonth.dispersion');
    button(target, /^Fit from history$/).click();
    expect(fitted).toEqual([CASES]);
  });

  it('tells apart two experts of the same name, in the key and in the numbers', async () => {
    const draft = new ScenarioDraft(scenario());
    const { target } = show(draft, [ATTRITION]);
    target.querySelector<HTMLButtonElement>('button[data-ask-experts]')!.click();
    flushSync();
    await tick();
    const dialog = document.querySelector('dialog')!;
    button(dialog, /^Add an expert$/).click();
    flushSync();
    for (const i of [1, 2]) {
      type(labelled(dialog, `Name, expert ${i}`), 'Sam');
      type(labelled(dialog, `Lowest, expert ${i}`), String(0.04 * i));
      type(labelled(dialog, `Most likely, expert ${i}`), String(0.08 * i));
      type(labelled(dialog, `Highest, expert ${i}`), String(0.12 * i));
    }
    const key = dialog.querySelector('figure .key')?.textContent?.replace(/\s+/g, ' ');
    expect(key).toContain('Sam Sam (expert 2) pool of the experts');
    button(dialog, /^Cancel$/).click();
    flushSync();
    expect(dialog.open).toBe(false);
  });
});
