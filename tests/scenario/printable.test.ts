import { describe, expect, it } from 'vitest';
import { printable, printableJson, printableLines } from '../../src/scenario/printable.ts';

describe('printable', () => {
  it('escapes carriage returns, escape sequences and bidi marks rather than print them', () => {
    expect(printable('a\rb\nc\td')).toBe('a\\rb\\nc\\td');
    expect(printable('\u001b[2J')).toBe('\\u001B[2J');
    expect(printable('x\u202ey\u200bz\u061c\u009b')).toBe('x\\u202Ey\\u200Bz\\u061C\\u009B');
  });

  it.each([
    ['\u00ad', '\\u00AD'],
    ['\u034f', '\\u034F'],
    ['\u115f', '\\u115F'],
    ['\u1160', '\\u1160'],
    ['\u180e', '\\u180E'],
    ['\u2028', '\\u2028'],
    ['\u2029', '\\u2029'],
    ['\u3164', '\\u3164'],
    ['\ufff9', '\\uFFF9'],
    ['\ufffb', '\\uFFFB'],
    ['\uffa0', '\\uFFA0'],
    ['\u{e0001}', '\\u{E0001}'],
    ['\u{e007f}', '\\u{E007F}'],
  ])('escapes the invisible %j as %s', (c, escaped) => {
    expect(printable(`a${c}b`)).toBe(`a${escaped}b`);
  });

  it('escapes each line of a message but keeps its line breaks', () => {
    expect(printableLines('one\u001b[2J\ntwo\r')).toBe('one\\u001B[2J\ntwo\\r');
  });

  it('escapes JSON text so it reads back as the same value', () => {
    const value = { seed: 'a\u{e0001}b\u2028c\u009bd\u001b', n: [1, 2] };
    const json = printableJson(JSON.stringify(value, null, 2));
    expect(json).toContain('"a\\uDB40\\uDC01b\\u2028c\\u009Bd\\u001b"');
    expect(json.split('\n').length).toBeGreaterThan(1);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('leaves ordinary text, accents and symbols alone', () => {
    expect(printable('Financial investigator £ “quoted” – Zoë')).toBe(
      'Financial investigator £ “quoted” – Zoë',
    );
    // Joiners inside scripts and emoji presentation selectors are visible text, not spoofing.
    expect(printable('한국 café ✔️ ψ')).toBe('한국 café ✔️ ψ');
  });
});
