import { describe, expect, it } from 'vitest';
import { DRAFT_PREFIX, type StoredDraft } from '../../src/files/drafts.ts';
import { checkDraft } from '../../src/state/restoredDraft.ts';
import { setAt, type FieldPath } from '../../src/state/path.ts';
import mps from '../../scenarios/mps-financial-investigators.json';

const savedAt = '2025-03-01T09:30:00.000Z';
const stored = (text: string): StoredDraft => ({
  key: `${DRAFT_PREFIX}tab`,
  text,
  name: 'x',
  savedAt: undefined,
  origin: '',
});
const record = (scenario: unknown, extra: Record<string, unknown> = {}) =>
  stored(JSON.stringify({ savedAt, origin: 'plan.json', scenario, ...extra }));
const edited = (path: FieldPath, value: unknown) => setAt(structuredClone(mps), path, value);

describe('checkDraft', () => {
  it('restores a valid draft whole, with when and where it began', () => {
    const checked = checkDraft(record(edited(['units', 0, 'staff', 0, 'inPost'], 281)));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.draft.savedAt).toEqual(new Date(savedAt));
    expect(checked.draft.origin).toBe('plan.json');
    expect(checked.draft.scenario.units?.[0]?.staff?.[0]?.inPost).toBe(281);
  });

  it.each([
    ['a number half typed', ['units', 0, 'staff', 0, 'inPost'], '28x'],
    ['a box left empty', ['units', 0, 'staff', 0, 'inPost'], undefined],
    [
      'a distribution parameter half typed',
      ['units', 0, 'demand', 0, 'casesPerMonth', 'mean'],
      '9.',
    ],
  ] as const)('restores a draft with %s, as it was typed', (_, path, value) => {
    const checked = checkDraft(record(edited(path, value)));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.draft.scenario).toEqual(edited(path, value));
  });

  it.each([
    ['text that is not JSON', stored('{"savedAt": "2025-03-01T09:30:00.000Z", "scen')],
    ['a list', stored('[]')],
    ['no time saved', stored(JSON.stringify({ origin: 'x', scenario: mps }))],
    [
      'a duplicated key',
      stored(`{"savedAt":"${savedAt}","origin":"a","origin":"b","scenario":{}}`),
    ],
    ['no scenario', record(undefined)],
    ['another format', record({ ...mps, format: 'something-else' })],
    ['a newer version', record({ ...mps, schemaVersion: 99 })],
    ['its units missing', record({ ...mps, units: undefined })],
    ['a unit that is not an object', record({ ...mps, units: [7] })],
    ['a staff list that is a number', record(edited(['units', 0, 'staff'], 3))],
  ])('sets aside a draft with %s', (_, draft) => {
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.length).toBeGreaterThan(0);
  });

  it('refuses a draft larger than any scenario file before parsing it', () => {
    const checked = checkDraft(stored(`"${'x'.repeat(6 * 1024 * 1024)}"`));
    expect(checked).toEqual({
      ok: false,
      problems: [{ path: '(draft)', message: 'is larger than any scenario file.' }],
    });
  });
});
