import { describe, expect, it } from 'vitest';
import mps from '../../scenarios/mps-financial-investigators.json';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { describeInput, registerLines } from '../../src/state/register.ts';

describe('the register’s value of a figure with a range', () => {
  it('shows the range as the file holds it, not the central value', () => {
    const input = structuredClone(mps) as ScenarioInput;
    const stream = input.units![0]!.demand![0]! as Record<string, unknown>;
    stream.casesPerMonth = {
      dist: 'poisson',
      mean: { uncertain: { dist: 'normal', mean: 92.28, sd: 1.6 } },
    };
    input.units![0]!.staff[0]!.attritionPerYear = {
      uncertain: { dist: 'pert', min: 0.05, mode: 0.1, max: 0.2 },
    } as never;
    input.assumptions = [
      ...(input.assumptions ?? []),
      { field: 'units[0].demand[0].casesPerMonth', note: 'Fitted from a log, 36 months.' },
    ];
    const read = validateScenario(input);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const lines = registerLines(input, read.value);
    const value = (field: string) => lines.find((l) => l.field === field)?.value;
    expect(value('units[0].demand[0].casesPerMonth')).toBe(
      'poisson mean (range: normal mean 92.28, sd 1.6)',
    );
    expect(value('units[0].staff[0].attritionPerYear')).toBe(
      'range: pert min 0.05, mode 0.1, max 0.2',
    );
    // A figure without a range keeps the register's own words.
    expect(value('units[0].staff[0].abstraction')).toBe('0.15');
  });

  it('describes plain values as the register does', () => {
    expect(describeInput(3)).toBe('3');
    expect(describeInput({ dist: 'lognormal', median: 30, p90: 100 })).toBe(
      'lognormal median 30, p90 100',
    );
  });
});
