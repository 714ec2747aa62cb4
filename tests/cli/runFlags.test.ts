import { describe, expect, it } from 'vitest';
import { maxWorkers, WORKERS_PER_CORE, workersFlag } from '../../src/cli/runFlags.ts';

describe('workersFlag', () => {
  it.each([
    [undefined, 2, 2],
    ['1', 2, 1],
    [String(WORKERS_PER_CORE * 2), 2, WORKERS_PER_CORE * 2],
    [undefined, 16, 16],
  ])('takes --workers %s on %i cores as %i', (value, cores, workers) => {
    expect(workersFlag(value, cores)).toBe(workers);
  });

  it.each([
    [String(WORKERS_PER_CORE * 2 + 1), 2],
    ['256', 2],
    ['256', 16],
    ['0', 2],
  ])('refuses --workers %s on %i cores naming the flag and the cap', (value, cores) => {
    expect(() => workersFlag(value, cores)).toThrow(
      `--workers must be a whole number from 1 to ${maxWorkers(cores)}, not "${value}".`,
    );
  });
});
