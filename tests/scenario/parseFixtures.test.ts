import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioBytes, parseScenarioText } from '../../src/scenario/parse.ts';
import { describeProblems, MAX_PROBLEMS } from '../../src/scenario/problem.ts';
import { ACCEPTED, REFUSED } from '../fixtures/fileExpectations.ts';
import { FIXTURES } from '../fixtures/files/make-fixtures.ts';

const DIR = join(import.meta.dirname, '../fixtures/files');
const read = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

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
