import { statOf, type Stat } from '../engine/aggregate/statistic.ts';

/**
 * Replication-by-replication differences `changed − base`, divided by `per`. Both runs used the
 * same seed, so replication i of each saw the same arrivals: the spread of these differences is
 * the spread of the change's effect, much narrower than the spread of either run.
 */
export function pairedDifference(changed: Float64Array, base: Float64Array, per = 1): Stat {
  if (changed.length !== base.length) {
    throw new Error('Paired runs must have the same number of replications.');
  }
  const diff = new Float64Array(base.length);
  for (let i = 0; i < base.length; i++) diff[i] = (changed[i]! - base[i]!) / per;
  return statOf(diff);
}
