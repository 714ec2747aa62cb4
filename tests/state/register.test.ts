import { describe, expect, it } from 'vitest';
import mps from '../../scenarios/mps-financial-investigators.json';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.ts';
import { describeInput, registerLines, withNote } from '../../src/state/register.ts';
import { BUILT_IN_SCENARIOS, loadBuiltIn } from '../../src/files/builtInScenarios.ts';
import { pathText } from '../../src/state/path.ts';
import { afterFigureEdit } from '../../src/state/publishedFigure.ts';
import { TEMPLATES } from '../../src/state/templates.ts';

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

/** Parts of a file that are not figures of the force: its words, sources and run settings. */
const NOT_FIGURES = new Set([
  'format',
  'schemaVersion',
  'name',
  'description',
  'sources',
  'assumptions',
  'seed',
  'replications',
  'options',
  'startMonth',
]);

/**
 * Every figure a scenario holds, found by walking it: each number, and each distribution as a
 * whole. Ids, names and choices are text, not figures.
 */
function figures(value: unknown, path: (string | number)[] = []): string[] {
  if (typeof value === 'number') return [pathText(path)];
  if (Array.isArray(value)) return value.flatMap((v, i) => figures(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  if ('dist' in value) return [pathText(path)];
  return Object.entries(value).flatMap(([key, v]) =>
    path.length === 0 && NOT_FIGURES.has(key) ? [] : figures(v, [...path, key]),
  );
}

const covers = (cover: string, path: string) =>
  path === cover || path.startsWith(`${cover}.`) || path.startsWith(`${cover}[`);

function checked(input: ScenarioInput): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const SCENARIOS: [string, () => ScenarioInput][] = [
  ...BUILT_IN_SCENARIOS.map((s): [string, () => ScenarioInput] => [
    s.title,
    () => loadBuiltIn(s.id),
  ]),
  ...TEMPLATES.map((t): [string, () => ScenarioInput] => [t.title, t.make]),
];

describe('the assumptions register', () => {
  it.each(SCENARIOS)('lists every figure of “%s” that no source gives', (_title, make) => {
    const input = make();
    const scenario = checked(input);
    const lines = registerLines(input, scenario);
    const cited = scenario.sources.flatMap((s) => s.figures ?? []);
    const all = figures(scenario);
    expect(all.length).toBeGreaterThan(0);
    const missing = all.filter(
      (p) => !cited.some((c) => covers(c, p)) && !lines.some((l) => covers(l.field, p)),
    );
    expect(missing).toEqual([]);
    // Each line names its field in words, never by its path.
    for (const line of lines) expect(line.label).not.toMatch(/\[\d+\]|^\w+\.\w/);
    expect(new Set(lines.map((l) => l.field)).size).toBe(lines.length);
  });

  it('gains a line, keeping the published value, when a published figure is edited', () => {
    const input = loadBuiltIn(BUILT_IN_SCENARIOS[0]!.id) as ScenarioInput;
    const scenario = checked(input);
    const field = scenario.sources.flatMap((s) => s.figures ?? []).find((f) => /inPost$/.test(f));
    if (!field) throw new Error('the first built-in scenario cites no in-post figure');
    expect(registerLines(input, scenario).some((l) => l.field === field)).toBe(false);
    const path = field.split(/[.[\]]+/).filter(Boolean);
    const keys = path.map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const unit = scenario.units[keys[1] as number]!;
    const before = unit.staff[keys[3] as number]!.inPost;
    let edited: ScenarioInput = structuredClone(input);
    edited.units![keys[1] as number]!.staff[keys[3] as number]!.inPost = before + 5;
    edited = afterFigureEdit(edited, field, before);
    const line = registerLines(edited, checked(edited)).find((l) => l.field === field);
    expect(line).toMatchObject({
      label: expect.stringMatching(/ · In post$/),
      value: String(before + 5),
      published: { value: String(before) },
    });
    // The planner's reason is kept with what was published.
    const why = withNote(edited, field, 'Recruited since the inspection.');
    expect(registerLines(why, checked(why)).find((l) => l.field === field)).toMatchObject({
      note: 'Recruited since the inspection.',
      published: { value: String(before) },
    });
  });
});
