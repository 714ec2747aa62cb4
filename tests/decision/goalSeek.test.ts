import { describe, expect, it } from 'vitest';
import { inThreadEvaluate } from '../../src/decision/evaluate.ts';
import { goalSeek } from '../../src/decision/goalSeek.ts';
import { applyLever, parseLever } from '../../src/decision/levers.ts';
import { runScenario } from '../../src/engine/run.ts';
import { findBottleneck } from '../../src/results/bottleneck.ts';
import { tinyScenario } from './tinyScenario.ts';

describe('goal seek', () => {
  it('finds the staff needed when capacity is fixed and demand deterministic', async () => {
    // 10 suspects a month of 25 hours need 250 hours: 3 investigators of 100 hours a month.
    const s = tinyScenario();
    const result = await goalSeek(
      s,
      {
        lever: parseLever('inPost:u:fi', s),
        metric: 'unexaminedSuspects',
        below: 1,
        confidence: 0.9,
        seed: 'g',
        replications: 200,
        min: 0,
        max: 10,
      },
      inThreadEvaluate(),
    );
    expect(result.answer).toBe(3);
    expect(result.direction).toBe(1);
    const at = (v: number) => result.curve.find((p) => p.value === v);
    // A share of 0 in 50 is clear of 0.9 at once; a share of 1 needs 100 replications before
    // its interval's lower end clears 0.9 (at 50 it reaches only about 0.87).
    expect(at(2)).toMatchObject({ value: 2, probability: 0, verdict: 'fails', replications: 50 });
    expect(at(3)).toMatchObject({ value: 3, probability: 1, verdict: 'meets', replications: 100 });
    expect(result.answerRange).toEqual([3, 3]);
    expect(result.uncertainValues).toEqual([]);
    expect(result.curve.map((p) => p.value)).toEqual(
      [...result.curve.map((p) => p.value)].sort((a, b) => a - b),
    );
  });

  it('answers with the low end when it already meets the target, and null when nothing in range does', async () => {
    const s = tinyScenario();
    const lever = parseLever('inPost:u:fi', s);
    const base = {
      lever,
      metric: 'unexaminedSuspects' as const,
      confidence: 0.9,
      seed: 'g',
      replications: 3,
    };
    expect(
      (await goalSeek(s, { ...base, below: 1, min: 4, max: 6 }, inThreadEvaluate())).answer,
    ).toBe(4);
    const none = await goalSeek(s, { ...base, below: 1, min: 0, max: 2 }, inThreadEvaluate());
    expect(none.answer).toBeNull();
    expect(none.meaning).toBeNull();
    // Nothing in range helps: the answer says why, naming what limits capacity at the best value.
    const best = applyLever(s, lever, 2);
    expect(none.why).toBe(
      findBottleneck(best, runScenario(best, { seed: 'g', replications: 3 }).summary()).sentence,
    );
  });

  it('reports the standard error of each probability and flags values the test could not settle', async () => {
    // Poisson(10) suspects a month against 3 investigators: some months overflow.
    const s = tinyScenario({ casesPerMonth: { dist: 'poisson', mean: 10 } });
    const result = await goalSeek(
      s,
      {
        lever: parseLever('inPost:u:fi', s),
        metric: 'unexaminedSuspects',
        below: 1,
        confidence: 0.5,
        seed: 'g',
        replications: 100,
        min: 3,
        max: 6,
        curvePoints: 3,
      },
      inThreadEvaluate(),
    );
    for (const p of result.curve) {
      const n = p.replications;
      expect(p.se).toBeCloseTo(Math.sqrt((p.probability * (1 - p.probability)) / n), 12);
      // Settled values have an interval clear of the confidence; unsettled ones straddle it.
      const [low, high] = p.interval;
      expect(p.verdict).toBe(low >= 0.5 ? 'meets' : high < 0.5 ? 'fails' : 'close');
    }
    expect(result.uncertainValues).toEqual(
      result.curve.filter((p) => p.verdict === 'close').map((p) => p.value),
    );
    expect(result.answer).not.toBeNull();
  });
});
