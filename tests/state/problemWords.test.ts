import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAFT_PREFIX } from '../../src/files/drafts.ts';
import { parseScenarioBytes, validateScenario } from '../../src/scenario/parse.ts';
import { MAX_PROBLEMS } from '../../src/scenario/problem.ts';
import { problemInWords, problemsInWords } from '../../src/state/problemWords.ts';
import { checkDraft } from '../../src/state/restoredDraft.ts';
import { REFUSED } from '../fixtures/fileExpectations.ts';
import { baseFile, HOSTILE } from '../fixtures/hostileFiles.ts';

const DIR = join(import.meta.dirname, '../fixtures/files');
const open = (name: string) => parseScenarioBytes(new Uint8Array(readFileSync(join(DIR, name))));

/** A field path as a file or the schema writes it: `units[0]`, `staff.inPost`, `finance.x`. */
const RAW_PATH =
  /\w\[\d+\]|\b(?:units|roles|staff|demand|finance|policy|assumptions|sources|options)[.[]/;

const firstLine = (name: string) => {
  const result = open(name);
  if (result.ok) throw new Error(`${name} was opened`);
  return problemsInWords(result.problems, result.file)[0];
};

describe('problems in the planner’s words', () => {
  it.each(REFUSED)('names no field by its path when %s is refused', (file) => {
    const result = open(file);
    if (result.ok) throw new Error(`${file} was opened`);
    for (const line of problemsInWords(result.problems, result.file))
      expect(line).not.toMatch(RAW_PATH);
  });

  it.each(HOSTILE.filter((c) => c.refusedAt !== undefined).map((c) => [c.name, c] as const))(
    'names no field by its path: %s',
    (_name, { spoil }) => {
      const file = baseFile();
      spoil(file);
      const result = validateScenario(file);
      if (result.ok) throw new Error('the file was opened');
      for (const line of problemsInWords(result.problems, result.file))
        expect(line).not.toMatch(RAW_PATH);
    },
  );

  it('names a unit, a role and a field as the editor does', () => {
    expect(firstLine('number-as-string.json')).toBe(
      'Small force · Financial investigator · In post: must be a number, not the text "8": remove the quotes.',
    );
    expect(firstLine('unknown-role.json')).toMatch(
      /^Small force · Drug supply arrests · Worked by: refers to a role "analyst"/,
    );
    expect(firstLine('probability-percent.json')).toMatch(
      /^Small force · Financial investigator · Leavers: is a share between 0 and 1/,
    );
    expect(firstLine('empty-staff.json')).toBe('Small force · Staff: needs at least one entry.');
  });

  it('names the file’s own fields, and the file or scenario as a whole', () => {
    expect(firstLine('format-wrong.json')).toMatch(/^File format: is "guesstimate"/);
    expect(firstLine('version-newer.json')).toMatch(/^Format version: is 3: this file was saved/);
    expect(firstLine('top-level-array.json')).toBe(
      'The scenario must be an object { … } holding a scenario, not a list. Is this a Shortfall scenario file?',
    );
    expect(firstLine('empty.json')).toBe(
      'The file is empty. Choose a scenario file saved by Shortfall.',
    );
    // A file that is not JSON has no names to give: the line and column say where.
    expect(firstLine('trailing-comma.json')).toMatch(/^Not valid JSON at line 13, column 5: /);
  });

  it('names a unit by its number where the file has none there', () => {
    const file = baseFile() as Record<string, unknown> & ReturnType<typeof baseFile>;
    const unit = { ...file.units[0]!, id: 'second', name: 7 as unknown as string };
    file.units.push(unit);
    const result = validateScenario(file);
    if (result.ok) throw new Error('the file was opened');
    expect(problemsInWords(result.problems, result.file)).toContain(
      'Unit 2 · Name: must be text in double quotes, not 7.',
    );
  });

  it('names a note by the field it is on, and a path inside a message too', () => {
    const file = baseFile();
    file.assumptions.push({ field: 'units[0].staff[0].inPost', note: 'Counted in March.' });
    file.assumptions.push({ field: 'units[0].staff[0].inPost', note: 'Counted again.' });
    const result = validateScenario(file);
    if (result.ok) throw new Error('the file was opened');
    expect(problemsInWords(result.problems, result.file)).toEqual([
      'Note 2 in the assumptions register, on Small force · Financial investigator · In post: ' +
        'its field already has a note, in “Note 1 in the assumptions register, on Small force · ' +
        'Financial investigator · In post”; merge the two notes.',
    ]);
  });

  it('names an option and the field it changes', () => {
    const file = {
      ...baseFile(),
      options: [
        { name: 'Recruit', changes: [{ field: 'units[0].staff[0].establishment', value: -3 }] },
      ],
    };
    const result = validateScenario(file);
    if (result.ok) throw new Error('the file was opened');
    expect(problemsInWords(result.problems, result.file)).toEqual([
      'Option “Recruit”: “Small force · Financial investigator · Posts”: cannot be negative (it is -3).',
    ]);
    const gone = validateScenario({
      ...baseFile(),
      options: [{ name: 'Recruit', changes: [{ field: 'units[3].staff[0].inPost', value: 3 }] }],
    });
    if (gone.ok) throw new Error('the file was opened');
    expect(problemsInWords(gone.problems, gone.file)[0]).toMatch(
      /^Option “Recruit” · change 1: there is no field “Unit 4 · Staff group 1 · In post” in this scenario/,
    );
  });

  it('caps the lines with a count of the rest', () => {
    const result = open('missing-fields.json');
    if (result.ok) throw new Error('the file was opened');
    const lines = problemsInWords(result.problems, result.file);
    expect(lines).toHaveLength(MAX_PROBLEMS + 1);
    expect(lines[0]).toBe('Scenario name: is required but missing.');
    expect(lines.at(-1)).toBe(`… and ${result.problems.length - MAX_PROBLEMS} more problems`);
  });

  it('says what is wrong with a draft, and escapes what would hide in a line', () => {
    const checked = checkDraft({
      key: `${DRAFT_PREFIX}tab`,
      text: JSON.stringify({ savedAt: 'never', origin: 'x', scenario: {} }),
      name: 'x',
      savedAt: undefined,
      origin: '',
    });
    if (checked.ok) throw new Error('the draft was restored');
    expect(problemsInWords(checked.problems, checked.file)).toEqual([
      'The draft does not say when or from what it was saved.',
    ]);
    expect(problemInWords({ path: 'name', message: 'is wrong\u202e.' }, {})).toBe(
      'Scenario name: is wrong\\u202E.',
    );
  });
});
