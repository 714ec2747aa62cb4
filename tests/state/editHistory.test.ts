import { describe, expect, it } from 'vitest';
import mps from '../../scenarios/mps-financial-investigators.json';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { ScenarioDraft } from '../../src/state/scenarioDraft.svelte.ts';
import { addUnit } from '../../src/state/structure.ts';

describe('undo and redo of scenario edits', () => {
  it('undo restores the exact previous scenario, redo the edit', () => {
    const draft = new ScenarioDraft(structuredClone(mps) as ScenarioInput);
    const before = structuredClone(draft.input);
    draft.edit('add unit', addUnit);
    const added = structuredClone(draft.input);
    expect(draft.history.canUndo).toBe(true);
    expect(draft.history.undoLabel).toBe('add unit');
    draft.undo();
    expect(draft.input).toEqual(before);
    expect(draft.history.canRedo).toBe(true);
    draft.redo();
    expect(draft.input).toEqual(added);
  });

  it('counts typing in one field as one edit, a different field as another', () => {
    const draft = new ScenarioDraft(structuredClone(mps) as ScenarioInput);
    const before = structuredClone(draft.input);
    const inPost = ['units', 0, 'staff', 0, 'inPost'];
    draft.set(inPost, 3);
    draft.set(inPost, 32);
    draft.set(inPost, 329);
    const typed = structuredClone(draft.input);
    draft.set(['units', 0, 'staff', 0, 'establishment'], 400);
    draft.undo();
    expect(draft.input).toEqual(typed);
    draft.undo();
    expect(draft.input).toEqual(before);
    expect(draft.history.canUndo).toBe(false);
  });

  it('a new edit after an undo drops what could be redone; loading clears the history', () => {
    const draft = new ScenarioDraft(structuredClone(mps) as ScenarioInput);
    draft.edit('add unit', addUnit);
    draft.undo();
    draft.set(['name'], 'Other');
    expect(draft.history.canRedo).toBe(false);
    const revision = draft.revision;
    draft.load(structuredClone(mps) as ScenarioInput);
    expect(draft.history.canUndo).toBe(false);
    expect(draft.revision).toBe(revision + 1);
  });
});
