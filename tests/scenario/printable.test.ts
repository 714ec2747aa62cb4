import { describe, expect, it } from 'vitest';
import { printable } from '../../src/scenario/printable.ts';

describe('printable', () => {
  it('escapes carriage returns, escape sequences and bidi marks rather than print them', () => {
    expect(printable('a\rb\nc\td')).toBe('a\\rb\\nc\\td');
    expect(printable('\u001b[2J')).toBe('\\u001B[2J');
    expect(printable('x\u202ey\u200bz\u061c\u009b')).toBe('x\\u202Ey\\u200Bz\\u061C\\u009B');
  });

  it('leaves ordinary text, accents and symbols alone', () => {
    expect(printable('Financial investigator £ “quoted” – Zoë')).toBe(
      'Financial investigator £ “quoted” – Zoë',
    );
  });
});
