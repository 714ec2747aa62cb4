import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run.ts';
import { findBottleneck } from '../../src/results/bottleneck.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { tinyScenario } from '../decision/tinyScenario.ts';

/** The tiny unit (10 suspects a month of 25 hours, 100 hours a month each) with its pipeline set. */
function withPipeline(
  staff: Partial<Scenario['units'][number]['staff'][number]>,
  role: Partial<Scenario['roles'][number]> = {},
  horizonMonths = 36,
): Scenario {
  const base = tinyScenario({ horizonMonths });
  const input = structuredClone(base) as Scenario;
  Object.assign(input.units[0]!.staff[0]!, staff);
  Object.assign(input.roles[0]!, role);
  const checked = validateScenario(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.value;
}

const bottleneckOf = (scenario: Scenario) =>
  findBottleneck(scenario, runScenario(scenario, { seed: 'b', replications: 20 }).summary());

const hiring = (maxHiresPerMonth: number, monthsToHire = 1) => ({
  recruitment: { mode: 'fill-vacancies' as const, monthsToHire, maxHiresPerMonth },
});

describe('findBottleneck', () => {
  it('names nothing when every suspect is examined', () => {
    const b = bottleneckOf(withPipeline({ establishment: 5, inPost: 5 }));
    expect(b.kind).toBe('none');
    expect(b.sentence).toMatch(/^Nothing limits capacity/);
  });

  it('names posts when every post is filled and suspects still go unexamined', () => {
    const b = bottleneckOf(withPipeline({ establishment: 2, inPost: 2 }));
    expect(b.kind).toBe('posts');
    expect(b.sentence).toMatch(/^Posts are the limit: about 2 of 2 .* more posts would help\.$/);
  });

  it('names abstraction when the hours it takes would examine what is left', () => {
    // Three people at half their hours: 150 of the 250 hours a month; whole, they would have 300.
    const b = bottleneckOf(withPipeline({ establishment: 3, inPost: 3, abstraction: 0.5 }));
    expect(b.kind).toBe('abstraction');
    expect(b.sentence).toMatch(/^Abstraction is the limit: 50% of/);
  });

  it('names recruitment when no one is recruited for empty posts', () => {
    const b = bottleneckOf(withPipeline({ establishment: 4, inPost: 1 }));
    expect(b.kind).toBe('noRecruitment');
    expect(b.sentence).toMatch(/no one is recruited, so about 3 .* posts stay empty/);
  });

  it('names the hires a month when posts are left with no recruitment started', () => {
    // 40 posts, one hire a month, seats without limit and a month of training: posts wait for hiring.
    const b = bottleneckOf(
      withPipeline({ establishment: 40, inPost: 1, ...hiring(1) }, { trainingMonths: 1 }),
    );
    expect(b.kind).toBe('recruitmentRate');
    expect(b.sentence).toMatch(/^Recruitment is the limit: at most 1 hire a month leaves about/);
  });

  it('names training seats when every seat is taken and recruits wait for one', () => {
    const b = bottleneckOf(
      withPipeline(
        { establishment: 40, inPost: 1, ...hiring(5) },
        { trainingMonths: 1, trainingSeatsPerYear: 6 },
      ),
    );
    expect(b.kind).toBe('trainingSeats');
    expect(b.sentence).toMatch(
      /^Training seats are the limit: all 6 a year are used and about \d+ recruits wait for a seat; more posts change nothing until seats rise\.$/,
    );
  });

  it('names the hires a month, not seats, when hiring lets fewer through a year than the seats', () => {
    // 1 hire a month (12 a year) against 20 seats a year: hiring lets fewer through, so it binds.
    const seats = { trainingMonths: 1, trainingSeatsPerYear: 20 };
    expect(
      bottleneckOf(withPipeline({ establishment: 60, inPost: 1, ...hiring(1) }, seats)).kind,
    ).toBe('recruitmentRate');
  });

  it('names training seats for the MPS scenario with 60 more posts', { timeout: 180_000 }, () => {
    const file = JSON.parse(
      readFileSync(
        new URL('../../scenarios/mps-financial-investigators.json', import.meta.url),
        'utf8',
      ),
    );
    file.units[0].staff[0].establishment += 60;
    const checked = validateScenario(file);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const scenario = checked.value;
    const b = findBottleneck(scenario, runScenario(scenario, { replications: 100 }).summary());
    expect(b.kind).toBe('trainingSeats');
    const seats = file.roles[0].trainingSeatsPerYear;
    expect(b.sentence).toMatch(
      new RegExp(
        `^Training seats are the limit: all ${seats} a year are used and about \\d+ recruits wait for a seat; more posts change nothing until seats rise\\.$`,
      ),
    );
  });
});
