import { describe, expect, it } from 'vitest';
import { inThreadEvaluate } from '../../src/decision/evaluate.ts';
import { goalSeek } from '../../src/decision/goalSeek.ts';
import { parseLever } from '../../src/decision/levers.ts';
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
        replications: 5,
        min: 0,
        max: 10,
      },
      inThreadEvaluate(),
    );
    expect(result.answer).toBe(3);
    expect(result.direction).toBe(1);
    const at = (v: number) => result.curve.find((p) => p.value === v);
    expect(at(2)).toEqual({ value: 2, probability: 0, se: 0 });
    expect(at(3)).toEqual({ value: 3, probability: 1, se: 0 });
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
    expect(
      (await goalSeek(s, { ...base, below: 1, min: 0, max: 2 }, inThreadEvaluate())).answer,
    ).toBeNull();
  });

  it('reports the standard error of each probability and flags values whose interval straddles the confidence', async () => {
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
      expect(p.se).toBeCloseTo(Math.sqrt((p.probability * (1 - p.probability)) / 100), 12);
    }
    for (const v of result.uncertainValues) {
      const p = result.curve.find((c) => c.value === v)!;
      expect(Math.abs(p.probability - 0.5)).toBeLessThanOrEqual(1.96 * p.se);
    }
    expect(result.answer).not.toBeNull();
  });
});
