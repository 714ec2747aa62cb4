import { describe, expect, it } from 'vitest';
import { getAt, parsePath, pathText, setAt } from '../../src/state/path.ts';

describe('paths', () => {
  it('round-trips between text and keys', () => {
    const keys = parsePath('units[0].staff[12].recruitment.mode');
    expect(keys).toEqual(['units', 0, 'staff', 12, 'recruitment', 'mode']);
    expect(pathText(keys)).toBe('units[0].staff[12].recruitment.mode');
  });

  it('sets a value in a copy, sharing untouched branches', () => {
    const root = { a: [{ b: 1 }, { b: 2 }], c: { d: 3 } };
    const next = setAt(root, ['a', 1, 'b'], 5);
    expect(getAt(next, ['a', 1, 'b'])).toBe(5);
    expect(root.a[1]!.b).toBe(2);
    expect(next.c).toBe(root.c);
    expect(next.a[0]).toBe(root.a[0]);
  });

  it('creates missing objects and removes a key set to undefined', () => {
    const next = setAt({ x: {} as Record<string, unknown> }, ['x', 'recruitment', 'mode'], 'none');
    expect(next).toEqual({ x: { recruitment: { mode: 'none' } } });
    expect(setAt({ a: 1, b: 2 }, ['b'], undefined)).toEqual({ a: 1 });
  });
});
