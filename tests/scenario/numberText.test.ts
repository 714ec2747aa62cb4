import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { parseStrictJson } from '../../src/scenario/strictJson.ts';

const small = readFileSync(
  new URL('../runner/fixtures/small-scenario.json', import.meta.url),
  'utf8',
);

function problemsOf(text: string): string[] {
  const result = parseScenarioText(text);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('numbers quoted in messages', () => {
  it('keeps the text of each number that does not print back as written, by path', () => {
    const json = parseStrictJson('{"a": [1, 1e-400, 9007199254740993, 1.50, -0], "b": 2.5}');
    expect(json.ok && [...json.numberText]).toEqual([
      ['a[1]', '1e-400'],
      ['a[2]', '9007199254740993'],
      ['a[3]', '1.50'],
      ['a[4]', '-0'],
    ]);
  });

  it.each([
    [
      '"inPost": 4',
      '"inPost": 9007199254740993',
      'units[0].staff[0].inPost',
      'not 9007199254740993:',
    ],
    ['"median": 20,', '"median": 1e-400,', 'units[0].demand[0].hoursPerItem.median', 'not 1e-400.'],
    ['"trainingMonths": 6', '"trainingMonths": 6.50', 'roles[0].trainingMonths', 'not 6.50.'],
    [
      '"attritionPerYear": 0.15',
      '"attritionPerYear": 15.0',
      'units[0].staff[0].attritionPerYear',
      'not 15.0: did you mean 0.15 (15.0%)?',
    ],
    ['"name": "Financial investigator"', '"name": 1E-400', 'roles[0].name', 'not 1E-400.'],
  ])('quotes %s → %s as written', (from, to, path, quote) => {
    const [line] = problemsOf(small.replace(from, to));
    expect(line).toMatch(new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}: `));
    expect(line).toContain(quote);
  });

  it('quotes the numbers of a check across fields as written, too', () => {
    const [line] = problemsOf(
      small
        .replace('"establishment": 6', '"establishment": 6.0')
        .replace('"inPost": 4', '"inPost": 7E0'),
    );
    expect(line).toBe(
      'units[0].staff[0].inPost: 7E0 in post and 0 in training is more than the 6.0 posts; raise the posts or lower the people.',
    );
  });

  it('quotes the value itself when the text does not read as it', () => {
    // A value given in memory (from the editor) has no file text: the number is printed.
    const [line] = problemsOf(small.replace('"inPost": 4', '"inPost": 25000'));
    expect(line).toContain('not 25000:');
  });
});
