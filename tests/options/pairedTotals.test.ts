import { describe, expect, it } from 'vitest';
import { TOTAL_METRICS } from '../../src/engine/metrics.ts';
import { BETTER, leadMetric, pairTotal, pairedTotals } from '../../src/options/pairedTotals.ts';
import { loadBuiltIn } from '../../src/files/builtInScenarios.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import { smallWithOptions } from './fixture.ts';

const f = (...values: number[]) => Float64Array.from(values);

describe('pairTotal', () => {
  it('takes differences replication by replication', () => {
    const t = pairTotal(f(10, 20, 30, 40), f(8, 20, 33, 36), 'lower');
    expect(t.difference.mean).toBe((-2 + 0 + 3 - 4) / 4);
    expect(t.difference.min).toBe(-4);
    expect(t.difference.max).toBe(3);
    expect(t.baseline.mean).toBe(25);
    expect(t.option.mean).toBe(24.25);
  });

  it('counts a tie as neither better nor worse', () => {
    const lower = pairTotal(f(10, 20, 30, 40), f(8, 20, 33, 36), 'lower');
    expect(lower.probabilityBetter).toBe(0.5);
    expect(lower.probabilityWorse).toBe(0.25);
    const higher = pairTotal(f(10, 20, 30, 40), f(8, 20, 33, 36), 'higher');
    expect(higher.probabilityBetter).toBe(0.25);
    expect(higher.probabilityWorse).toBe(0.5);
    const neither = pairTotal(f(1, 2), f(2, 3), null);
    expect(neither.probabilityBetter).toBeNull();
  });

  it('refuses runs of different lengths', () => {
    expect(() => pairTotal(f(1, 2), f(1), 'lower')).toThrow(/same number of replications/);
  });
});

describe('pairedTotals', () => {
  it('covers every total and each role’s staff at the end', () => {
    const values = (offset: number) => ({ values: () => f(1 + offset, 2 + offset, 3 + offset) });
    const totals = pairedTotals(values(0), values(1), ['fi']);
    expect(Object.keys(totals)).toEqual([...TOTAL_METRICS, 'inPost.fi', 'inTraining.fi']);
    expect(totals.recovered!.difference.mean).toBe(1);
    expect(totals.recovered!.probabilityBetter).toBe(1);
    expect(totals.unexaminedSuspects!.probabilityWorse).toBe(1);
  });

  it('says which way each total improves', () => {
    expect(BETTER.unexaminedSuspects).toBe('lower');
    expect(BETTER.recovered).toBe('higher');
    expect(BETTER.suspectsArrived).toBeNull();
  });
});

describe('leadMetric', () => {
  it('judges suspect scenarios by suspects and analysts’ scenarios by products', () => {
    expect(leadMetric(smallWithOptions())).toBe('unexaminedSuspects');
    const analysts = validateScenario(loadBuiltIn('mps-analysts'));
    expect(analysts.ok && leadMetric(analysts.value)).toBe('undeliveredProducts');
  });
});
