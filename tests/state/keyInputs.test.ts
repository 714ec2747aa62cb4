import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { keyInputs } from '../../src/state/keyInputs.ts';

const mps = JSON.parse(
  readFileSync(
    new URL('../../scenarios/mps-financial-investigators.json', import.meta.url),
    'utf8',
  ),
) as ScenarioInput;

describe('keyInputs', () => {
  it('states posts, people, vacancies and the pipeline for each staff group', () => {
    const lines = keyInputs(mps);
    expect(lines[0]).toBe('Horizon: 48 months.');
    expect(lines[1]).toBe(
      'Financial investigator, Metropolitan Police Service: 329 posts, 269 in post, 0 in training (60 vacant); 10% leave a year; 15% of hours abstracted; recruiting up to 3 a month, 6 months to hire.',
    );
  });

  it('states each demand stream’s monthly volume and mean hours', () => {
    const drug = keyInputs(mps).find((l) => l.startsWith('Drug supply arrests'));
    // 90 cases a month × (1 + 4) suspects; lognormal median 30, p90 100 has mean ≈ 46 hours.
    expect(drug).toMatch(/about 450 suspects a month, 4\d hours each on average/);
  });
});
