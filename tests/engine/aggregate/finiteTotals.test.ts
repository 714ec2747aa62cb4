import { describe, expect, it } from 'vitest';
import { fieldsFeeding, nonFiniteTotal } from '../../../src/engine/aggregate/finiteTotals.ts';
import { RunAggregate } from '../../../src/engine/aggregate/runAggregate.ts';
import { runChunk } from '../../../src/engine/chunk.ts';
import { compileModel } from '../../../src/engine/model.ts';
import { buildScenario, GOLDEN_SCENARIO } from '../fixtures.ts';

const model = compileModel(buildScenario({ ...GOLDEN_SCENARIO, horizonMonths: 12 }));
const width = model.layout.totalNames.length;

describe('finite totals', () => {
  it('finds nothing wrong with a chunk the engine ran', () => {
    expect(nonFiniteTotal(model.layout, runChunk(model, 'finite', 0, 5))).toBeUndefined();
  });

  it.each([NaN, Infinity, -Infinity])(
    'names the total and replication of a %d, and the aggregate refuses the chunk',
    (bad) => {
      const chunk = runChunk(model, 'finite', 40, 5);
      const column = model.layout.totalNames.indexOf('missedRecovery');
      chunk.totals[2 * width + column] = bad;
      expect(nonFiniteTotal(model.layout, chunk)).toEqual({
        total: 'missedRecovery',
        replication: 42,
        value: bad,
      });
      const aggregate = new RunAggregate(model.layout, 100);
      expect(() => aggregate.add(chunk)).toThrow(
        /^the total "missedRecovery" of replication 42 came out as (NaN|-?Infinity), not a finite number/,
      );
      expect(() => aggregate.add(chunk)).toThrow('check units[].demand[].assetValue');
      expect(aggregate.replications).toBe(0);
    },
  );

  it.each([
    ['missedForceIncome', 'units[].demand[].assetValue'],
    ['demandHours', 'units[].demand[].hoursPerItem'],
    ['hoursWorked', 'units[].demand[].hoursPerItem'],
    ['suspectsArrived', 'units[].demand[].casesPerMonth and itemsPerCase'],
    ['inPost.fi', 'units[].staff[]'],
  ])('points from the total %s to the fields that feed it, %s', (total, fields) => {
    expect(fieldsFeeding(total)).toBe(fields);
  });
});
