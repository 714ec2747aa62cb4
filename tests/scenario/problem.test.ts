import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { describeProblems } from '../../src/scenario/problem.ts';

describe('describeProblems', () => {
  it('keeps a problem quoting a hostile key to one line with nothing raw for a terminal', () => {
    const result = parseScenarioText(
      JSON.stringify({ format: 'shortfall-scenario', schemaVersion: 1, 'x\r\u009b2J\u202e': 1 }),
    );
    if (result.ok) throw new Error('a file with an unknown key was accepted');
    const lines = describeProblems(result.problems);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
    expect(lines.join('\n')).toContain('\\u009B2J');
  });
});
