import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunAggregate } from '../../src/engine/aggregate/runAggregate.ts';
import type { Evaluate } from '../../src/decision/evaluate.ts';
import { aboutDuration, answerMeaning } from '../../src/decision/goalAnswer.ts';
import { goalSeek } from '../../src/decision/goalSeek.ts';
import {
  applyLever,
  leverBounds,
  leverValue,
  LEVER_FIELDS,
  parseLever,
} from '../../src/decision/levers.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import { runScenario } from '../../src/engine/run.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

function mps(): Scenario {
  const checked = validateScenario(
    JSON.parse(
      readFileSync(
        new URL('../../scenarios/mps-financial-investigators.json', import.meta.url),
        'utf8',
      ),
    ),
  );
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.value;
}

/**
 * Stands in for the engine: each replication's result falls as the lever's value rises (or
 * rises, for leavers), with a spread drawn from the replication's index, so a goal seek over
 * any lever has a real answer somewhere, found in milliseconds.
 */
function fakeEvaluate(lever: { field: string; unit: string; role: string }): Evaluate {
  // A real run's summary, for what the goal seek says when no value helps.
  const real = runScenario(mps(), { replications: 2 }).summary();
  return (scenario, _seed, replications, _signal, start = 0) => {
    const value = leverValue(scenario, lever as never);
    const values = new Float64Array(replications);
    for (let i = 0; i < replications; i++) {
      const noise = (((start + i) * 2654435761) % 1000) / 1000;
      values[i] =
        lever.field === 'attritionPerYear' ? value * 100 + noise : 1000 - value + noise * 10;
    }
    return Promise.resolve({
      values: () => values,
      summary: () => real,
    } as unknown as RunAggregate);
  };
}

describe('goal seek never recommends what the editor refuses', () => {
  it(
    'over every lever and many targets, the answer applied passes every check of a file',
    { timeout: 60_000 },
    async () => {
      const scenario = mps();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...LEVER_FIELDS),
          fc.double({ min: -50, max: 1200, noNaN: true }),
          fc.double({ min: 0.05, max: 0.95, noNaN: true }),
          async (field, below, confidence) => {
            const lever = parseLever(`${field}:mps:fi`, scenario);
            const result = await goalSeek(
              scenario,
              {
                lever,
                metric: 'unexaminedSuspects',
                below,
                confidence,
                seed: 'p',
                replications: 100,
              },
              fakeEvaluate(lever),
            );
            for (const point of result.curve) {
              const [least, most] = leverBounds(scenario, lever);
              expect(point.value).toBeGreaterThanOrEqual(least);
              expect(point.value).toBeLessThanOrEqual(most);
            }
            if (result.answer === null) return;
            const changed = applyLever(scenario, lever, result.answer);
            const checked = validateScenario(structuredClone(changed));
            expect(checked.ok ? [] : checked.problems).toEqual([]);
            // A whole sentence a planner can read: capitalised, ending in a full stop.
            expect(result.meaning?.sentence).toMatch(/^[A-Z0-9][^\n]*\.$/);
          },
        ),
        { interruptAfterTimeLimit: 8000, numRuns: 200 },
      );
    },
  );

  it('keeps posts above everyone in post and in training when in post rises', () => {
    const scenario = mps();
    scenario.units[0]!.staff[0]!.inTraining = 10;
    const lever = parseLever('inPost:mps:fi', scenario);
    const changed = applyLever(scenario, lever, 400);
    expect(changed.units[0]!.staff[0]!.establishment).toBe(410);
    expect(validateScenario(changed).ok).toBe(true);
  });

  it('refuses a range below the people who hold the posts, saying why', async () => {
    const scenario = mps();
    const lever = parseLever('establishment:mps:fi', scenario);
    await expect(
      goalSeek(
        scenario,
        {
          lever,
          metric: 'unexaminedSuspects',
          below: 1,
          confidence: 0.9,
          seed: 's',
          replications: 50,
          min: 100,
          max: 400,
        },
        fakeEvaluate(lever),
      ),
    ).rejects.toThrow(/from 269 to \d+ in this scenario \(posts hold everyone/);
  });
});

describe('answerMeaning', () => {
  it('says how many more posts and trained people, and how long the seats take to bring them', () => {
    // 329 posts, 269 in post, 30 seats a year against 3 hires a month (36 a year): seats bind.
    const meaning = answerMeaning(mps(), parseLever('inPost:mps:fi', mps()), 415);
    expect(meaning.sentence).toBe(
      '86 more posts and 146 more trained financial investigators; at 30 training seats a year that takes about six years, leavers aside.',
    );
    expect(meaning.changes).toEqual([
      { path: 'units[0].staff[0].establishment', from: 329, to: 415 },
      { path: 'units[0].staff[0].inPost', from: 269, to: 415 },
    ]);
  });

  it('describes seats and hires as more a year or a month, with the new total', () => {
    const s = mps();
    expect(answerMeaning(s, parseLever('trainingSeatsPerYear:mps:fi', s), 40).sentence).toBe(
      '10 more training seats a year (40 in all).',
    );
    expect(answerMeaning(s, parseLever('maxHiresPerMonth:mps:fi', s), 5).sentence).toBe(
      '2 more recruitments started a month (5 in all).',
    );
  });

  it('reads durations aloud', () => {
    expect(aboutDuration(4.6)).toBe('about five years');
    expect(aboutDuration(0.5)).toBe('about 6 months');
    expect(aboutDuration(14)).toBe('about 14 years');
  });
});
