import { describe, expect, it } from 'vitest';
import { provenanceOf } from '../../src/state/provenance.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import mps from '../../scenarios/mps-financial-investigators.json';

const scenario = mps as ScenarioInput;

describe('provenanceOf', () => {
  it('names the source of a published figure', () => {
    const p = provenanceOf(scenario, 'units[0].staff[0].inPost');
    expect(p.kind).toBe('published');
    expect(p.kind === 'published' && p.source).toMatch(/^HMICFRS/);
  });

  it('marks other figures as assumptions, with the register’s note when there is one', () => {
    const p = provenanceOf(scenario, 'units[0].staff[0].attritionPerYear');
    expect(p).toMatchObject({ kind: 'assumption' });
    expect(p.kind === 'assumption' && p.note).toMatch(/No published figure/);
    expect(provenanceOf(scenario, 'roles[0].annualCost')).toEqual({ kind: 'assumption' });
  });

  it('covers fields inside a listed parent path', () => {
    const p = provenanceOf(scenario, 'units[0].demand[1].hoursPerItem');
    expect(p.kind === 'assumption' && p.note).toMatch(/not published/);
    expect(provenanceOf(scenario, 'units[0].staff[0].inPostX').kind).toBe('assumption');
  });
});
