import { flushSync, mount, unmount } from 'svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import axeSource from 'axe-core/axe.min.js?raw';
import '../../../src/app/app.css';
import DemandUnit from '../../../src/app/DemandUnit.svelte';
import EstablishmentTable from '../../../src/app/EstablishmentTable.svelte';
import RoleSettings from '../../../src/app/RoleSettings.svelte';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';
import { ScenarioDraft } from '../../../src/state/scenarioDraft.svelte.ts';

const input: ScenarioInput = {
  format: 'shortfall-scenario',
  schemaVersion: 2,
  name: 'Editor fields',
  roles: [{ id: 'fi', name: 'Financial investigator', accreditationRate: 0.9 }],
  units: [
    {
      id: 'mps',
      name: 'Metropolitan Police',
      staff: [{ role: 'fi', establishment: 20, inPost: 12, inRecruitment: 3 }],
      demand: [
        {
          id: 'drugs',
          name: 'Drug supply arrests',
          kind: 'suspects',
          role: 'fi',
          casesPerMonth: 10,
          itemsPerCase: 30,
          hoursPerItem: 20,
          maxExaminedPerCase: 4,
          suppression: { backlogMonths: 2, share: 0.5 },
          hoursValueCorrelation: 0.3,
        },
        {
          id: 'profiles',
          name: 'Network profiles',
          kind: 'products',
          role: 'fi',
          casesPerMonth: 2,
          hoursPerItem: 30,
        },
      ],
    },
  ],
};

/** The optional fields of format v2 in the role, establishment and demand editors. */
describe('the editors with the optional demand and pipeline fields', () => {
  const draft = new ScenarioDraft(structuredClone(input));
  const target = document.createElement('main');
  const mounted: ReturnType<typeof mount>[] = [];

  beforeAll(async () => {
    await page.viewport(1280, 1800);
    document.body.append(target);
    mounted.push(mount(RoleSettings, { target, props: { draft } }));
    mounted.push(mount(EstablishmentTable, { target, props: { draft } }));
    mounted.push(
      mount(DemandUnit, {
        target,
        props: {
          draft,
          unit: draft.input.units![0]!,
          unitIndex: 0,
          roleOptions: [{ value: 'fi', label: 'Financial investigator' }],
          startOpen: true,
          drawWhenSeen: false,
        },
      }),
    );
    flushSync();
  });
  afterAll(() => {
    for (const m of mounted) void unmount(m);
    target.remove();
  });

  it('show each field with the schema’s words and the file’s value', async () => {
    await expect.element(page.getByLabelText(/^Accreditation rate/)).toHaveValue('0.9');
    await expect
      .element(page.getByLabelText('In recruitment, Financial investigator, Metropolitan Police'))
      .toHaveValue('3');
    // The case limit and the correlation are for suspects: shown once, for the suspects stream.
    await expect.element(page.getByLabelText(/^Most examined per case/)).toHaveValue('4');
    await expect.element(page.getByLabelText(/^Hours and value correlation/)).toHaveValue('0.3');
    expect(page.getByLabelText(/^Cases not referred/).elements()).toHaveLength(2);
    // A products stream holds no assets: its asset fields are not shown.
    expect(page.getByLabelText(/^Share holding assets/).elements()).toHaveLength(1);
    expect(page.getByRole('group', { name: /^Asset value/ }).elements()).toHaveLength(1);
    await expect.element(page.getByLabelText(/^Cases not referred/).first()).toHaveValue('0.5');
    await expect.element(page.getByLabelText(/^Suppressed above/).first()).toHaveValue('2');
  });

  it('write what the planner types into the scenario, and name a bad value', async () => {
    await userEvent.fill(page.getByLabelText(/^Most examined per case/), '6');
    expect(draft.input.units![0]!.demand![0]!.maxExaminedPerCase).toBe(6);
    await userEvent.fill(page.getByLabelText(/^Cases not referred/).nth(1), '0.2');
    expect(draft.input.units![0]!.demand![1]!.suppression).toEqual({ share: 0.2 });
    await userEvent.fill(page.getByLabelText(/^Hours and value correlation/), '2');
    flushSync();
    await expect
      .element(page.getByLabelText(/^Hours and value correlation/))
      .toHaveAttribute('aria-invalid', 'true');
    await userEvent.fill(page.getByLabelText(/^Hours and value correlation/), '0.3');
  });

  it('meet WCAG 2.2 AA, contrast included', async () => {
    if (!('axe' in window)) new Function(axeSource)();
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const result = await axe.run(target, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('look right: a picture to read by eye', async () => {
    await page.viewport(1280, 3200);
    window.scrollTo(0, 0);
    await new Promise(requestAnimationFrame);
    const path = await page.screenshot({
      element: target,
      path: '../../../test-results/screenshots/v2-fields-editors.png',
    });
    expect(path).toMatch(/v2-fields-editors\.png$/);
    // Each editor on its own, at a size the eye can read.
    const parts = {
      role: target.querySelector('fieldset.role'),
      establishment: target.querySelector('[role="region"]'),
      stream: target.querySelector('fieldset.stream'),
    };
    for (const [name, element] of Object.entries(parts)) {
      expect(element, name).not.toBeNull();
      await page.screenshot({
        element: element!,
        path: `../../../test-results/screenshots/v2-fields-${name}.png`,
      });
    }
  });
});
