import { describe, expect, it } from 'vitest';
import london from '../../scenarios/london-sensitive-intelligence-units.json';
import mps from '../../scenarios/mps-financial-investigators.json';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { provenanceOf } from '../../src/state/provenance.ts';
import { publishedBefore, restorePublished, withReason } from '../../src/state/publishedFigure.ts';
import { ScenarioDraft } from '../../src/state/scenarioDraft.svelte.ts';

const PATH = 'units[0].staff[0].inPost';

describe('a published figure that is edited', () => {
  it('becomes an assumption at once, keeping the published value', () => {
    const draft = new ScenarioDraft(structuredClone(mps) as ScenarioInput);
    expect(provenanceOf(draft.input, PATH).kind).toBe('published');
    draft.set(['units', 0, 'staff', 0, 'inPost'], 3);
    draft.set(['units', 0, 'staff', 0, 'inPost'], 329);
    expect(provenanceOf(draft.input, PATH).kind).toBe('assumption');
    expect(publishedBefore(draft.input, PATH)).toMatchObject({ value: 269, why: '' });
    expect(provenanceOf(draft.input, 'units[0].staff[0].establishment').kind).toBe('published');
    expect(validateScenario(draft.input).ok).toBe(true);
  });

  it('keeps the planner’s reason and restores the published figure and its source', () => {
    const draft = new ScenarioDraft(structuredClone(mps) as ScenarioInput);
    draft.set(['units', 0, 'staff', 0, 'inPost'], 300);
    const reasoned = withReason(draft.input, PATH, 'Recruited since the inspection.');
    expect(publishedBefore(reasoned, PATH)?.why).toBe('Recruited since the inspection.');
    const back = restorePublished(reasoned, PATH);
    expect(back.units![0]!.staff[0]!.inPost).toBe(269);
    expect(provenanceOf(back, PATH).kind).toBe('published');
    expect(back.assumptions!.some((a) => a.field === PATH)).toBe(false);
  });

  it('puts a restored figure back in its source where the file has it, not at the end', () => {
    const input = structuredClone(mps) as ScenarioInput;
    const figures = ['units[0].staff[0].establishment', PATH, 'units[0].demand[0].windowMonths'];
    input.sources = [{ ...input.sources![0]!, figures }];
    const draft = new ScenarioDraft(input);
    draft.set(['units', 0, 'staff', 0, 'inPost'], 300);
    expect(draft.input.sources![0]!.figures).toEqual([figures[0], figures[2]]);
    const back = restorePublished(draft.input, PATH);
    expect(back.sources![0]!.figures).toEqual(figures);
    expect(back).toEqual(input);
  });

  it('splits a source that lists a whole group, so its other figures stay published', () => {
    const input = structuredClone(london) as ScenarioInput;
    input.sources![0]!.figures = ['units[2].staff[0]'];
    const draft = new ScenarioDraft(input);
    draft.set(['units', 2, 'staff', 0, 'inPost'], 0);
    expect(provenanceOf(draft.input, 'units[2].staff[0].inPost').kind).toBe('assumption');
    expect(provenanceOf(draft.input, 'units[2].staff[0].establishment').kind).toBe('published');
    expect(provenanceOf(draft.input, 'units[2].staff[0].recruitment.mode').kind).toBe('published');
  });

  it('leaves names alone: renaming a published unit keeps its figures published', () => {
    const draft = new ScenarioDraft(structuredClone(mps) as ScenarioInput);
    draft.set(['units', 0, 'name'], 'MPS');
    expect(provenanceOf(draft.input, PATH).kind).toBe('published');
  });
});
