import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioBytes, parseScenarioText } from '../../src/scenario/parse.ts';
import { describeProblems, MAX_PROBLEMS } from '../../src/scenario/problem.ts';
import { FIXTURES } from '../fixtures/files/make-fixtures.ts';

const DIR = join(import.meta.dirname, '../fixtures/files');
const read = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

/** Files that open, and the name they show. */
const ACCEPTED: [file: string, name: string][] = [
  ['valid.json', 'Small force: financial investigators'],
  ['utf8-bom.json', 'Small force: financial investigators'],
  ['utf16le-bom.json', 'Small force: financial investigators'],
  ['utf16be-bom.json', 'Small force: financial investigators'],
  // Markup in a name is text; the app never renders it as HTML.
  ['html-name.json', '<img src=x onerror=alert(1)><script>alert(2)</script>'],
  // Formula-like names are text; the CSV export escapes them (see csvCell).
  ['formula-name.json', 'Small force: financial investigators'],
];

/** Files that are refused: the first problem's path and a key part of its message. */
const REFUSED: [file: string, path: string, message: string][] = [
  ['empty.json', '(file)', 'The file is empty'],
  ['workbook.xlsx', '(file)', 'Excel workbook'],
  ['document.pdf', '(file)', 'a PDF document'],
  ['image.png', '(file)', 'a PNG image'],
  ['random.bin', '(file)', 'not valid UTF-8'],
  ['invalid-utf8.json', '(file)', 'not valid UTF-8'],
  ['utf16le-no-bom.json', '(file)', 'binary data'],
  ['truncated.json', 'units[0].demand', 'cut off'],
  ['comments.json', '(top level)', 'comments are not allowed'],
  ['block-comment.json', '(top level)', 'comments are not allowed'],
  ['trailing-comma.json', 'roles[0]', 'trailing commas are not allowed'],
  ['nan.json', 'replications', 'NaN and Infinity are not numbers'],
  ['infinity.json', 'horizonMonths', 'NaN and Infinity are not numbers'],
  ['single-quotes.json', 'seed', 'double quotes'],
  ['top-level-array.json', '(top level)', 'not a list'],
  ['top-level-string.json', '(top level)', 'not a text value'],
  ['top-level-null.json', '(top level)', 'not null'],
  ['format-wrong.json', 'format', 'not a Shortfall scenario file'],
  ['format-missing.json', 'format', 'is missing'],
  ['version-newer.json', 'schemaVersion', 'newer version of Shortfall'],
  ['version-malformed.json', 'schemaVersion', 'must be 1, not 1.5'],
  ['version-string.json', 'schemaVersion', 'remove the quotes'],
  ['version-missing.json', 'schemaVersion', 'is missing'],
  ['number-as-string.json', 'units[0].staff[0].inPost', 'not the text "8": remove the quotes'],
  ['null-count.json', 'units[0].staff[0].inPost', 'must be a number, not null'],
  ['object-for-array.json', 'roles', 'must be a list in [ ], not an object'],
  ['negative-count.json', 'units[0].staff[0].inPost', 'cannot be negative'],
  ['non-integer-count.json', 'units[0].staff[0].establishment', 'whole number, not 10.5'],
  ['probability-percent.json', 'units[0].staff[0].attritionPerYear', 'did you mean 0.12'],
  ['million-fis.json', 'units[0].staff[0].establishment', 'at most 20,000'],
  ['horizon-10000.json', 'horizonMonths', 'at most 240'],
  ['billion-replications.json', 'replications', 'at most 1,000,000'],
  ['huge-number.json', 'replications', '1e400 is too large'],
  ['missing-fields.json', 'name', 'is required but missing'],
  ['unknown-field.json', 'colour', 'is not a field of a scenario'],
  ['unknown-nested-field.json', 'units[0].staff[0].vacancies', 'is not a field'],
  ['duplicate-ids.json', 'units[1].id', 'is used by another unit'],
  ['unknown-role.json', 'units[0].demand[0].role', 'refers to a role "analyst"'],
  ['empty-staff.json', 'units[0].staff', 'needs at least one entry'],
  ['proto-key.json', '__proto__', '"__proto__" is not allowed'],
  ['constructor-key.json', 'units[0].staff[0].constructor', '"constructor" is not allowed'],
  ['prototype-key.json', 'roles[0].prototype', '"prototype" is not allowed'],
  ['duplicate-key.json', 'name', 'appears twice'],
  ['deep-nesting.json', '(top level)', 'nested more than 32 levels'],
  ['bidi-name.json', 'units[0].name', 'U+202E'],
  ['control-char.json', 'name', 'U+0007'],
  ['zero-width-isolate.json', 'roles[0].name', 'U+2066'],
];

describe('opening scenario files', () => {
  it('has an expectation for every fixture file, and a file for every fixture', () => {
    const listed = [...ACCEPTED.map(([f]) => f), ...REFUSED.map(([f]) => f)].sort();
    const onDisk = readdirSync(DIR)
      .filter((f) => f !== 'make-fixtures.ts')
      .sort();
    expect(listed).toEqual(onDisk);
    expect(Object.keys(FIXTURES).sort()).toEqual(onDisk);
  });

  it.each(ACCEPTED)('opens %s', (file, name) => {
    const result = parseScenarioBytes(read(file));
    if (!result.ok) throw new Error(describeProblems(result.problems).join('\n'));
    expect(result.value.name).toBe(name);
  });

  it.each(REFUSED)('refuses %s at %s with a message that says why', (file, path, message) => {
    const result = parseScenarioBytes(read(file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.path).toBe(path);
    expect(result.problems[0]!.message).toContain(message);
  });

  it('never lets a key in a file reach Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const file of ['proto-key.json', 'constructor-key.json', 'prototype-key.json']) {
      parseScenarioBytes(read(file));
      // The same text through the forgiving parser the app never uses for files.
      parseScenarioText(readFileSync(join(DIR, file), 'utf8'));
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lists every missing field, and the summary stops at the cap with a count of the rest', () => {
    const result = parseScenarioBytes(read('missing-fields.json'));
    if (result.ok) throw new Error('expected refusal');
    const paths = result.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['name', 'roles', 'units[0].id', 'units[11].staff[0].inPost']),
    );
    expect(result.problems.length).toBeGreaterThan(MAX_PROBLEMS);
    const lines = describeProblems(result.problems);
    expect(lines).toHaveLength(MAX_PROBLEMS + 1);
    expect(lines[0]).toBe('name: is required but missing.');
    expect(lines.at(-1)).toBe(`… and ${result.problems.length - MAX_PROBLEMS} more problems`);
  });

  it('does not coerce a count written as text into a number', () => {
    const result = parseScenarioBytes(read('number-as-string.json'));
    expect(result.ok).toBe(false);
  });

  it('refuses a 5 MB name without echoing it back', () => {
    const valid = JSON.parse(readFileSync(join(DIR, 'valid.json'), 'utf8')) as object;
    const text = JSON.stringify({ ...valid, name: 'x'.repeat(5 * 1024 * 1024) });
    const result = parseScenarioText(text);
    if (result.ok) throw new Error('expected refusal');
    expect(result.problems[0]!.path).toBe('(file)');
    expect(result.problems[0]!.message).toContain('at most 5.0 MB');

    const smaller = parseScenarioText(JSON.stringify({ ...valid, name: 'x'.repeat(100_000) }));
    if (smaller.ok) throw new Error('expected refusal');
    expect(smaller.problems[0]).toMatchObject({ path: 'name' });
    expect(smaller.problems[0]!.message).toContain('at most 200 characters');
    expect(smaller.problems[0]!.message.length).toBeLessThan(200);
  });
});
