import { describe, expect, it } from 'vitest';
import { tableText } from '../../src/decision/tableText.ts';

describe('tableText', () => {
  it.each([
    ['a line break', 'Financial\ninvestigator', 'Financial\\ninvestigator'],
    ['an escape sequence', 'FI\u001b[2J', 'FI\\u001B[2J'],
    ['a right-to-left override', 'FI\u202eIF', 'FI\\u202EIF'],
    ['a carriage return', 'FI\rX', 'FI\\rX'],
  ])('shows %s in a text cell as an escape, keeping the row on one line', (_, raw, shown) => {
    const text = tableText(['Input', 'Swing'], [[raw, 12]]);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(`${shown.padEnd(5)}  ${'12'.padStart(5)}`);
  });

  it('right-aligns numbers and pads text as before', () => {
    expect(
      tableText(
        ['Name', 'Value'],
        [
          ['a', 1500],
          ['bb', 2],
        ],
      ),
    ).toBe('Name  Value\na     1,500\nbb        2\n');
  });
});
