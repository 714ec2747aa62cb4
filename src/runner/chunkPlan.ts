import { planChunks } from '../engine/run.ts';
import { expectedMean } from '../scenario/distributionMoments.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunRequest } from './runner.ts';

/** Expected work in a chunk, in suspects and products: about a tenth of a second on one core. */
const ITEMS_PER_CHUNK = 200_000;
/** Largest chunk: keeps progress moving and what a chunk sends back small. */
const MAX_CHUNK = 2_000;
/** Staff flows and bookkeeping per staff group and month, counted as this many items. */
const ITEMS_PER_GROUP_MONTH = 4;

/** Expected suspects and products in one replication, plus the staff flows' share of the work. */
export function expectedWorkPerReplication(scenario: Scenario): number {
  const H = scenario.horizonMonths;
  let items = 0;
  scenario.units.forEach((unit, u) => {
    items += unit.staff.length * H * ITEMS_PER_GROUP_MONTH;
    unit.demand.forEach((s, k) => {
      const work =
        expectedMean(s.casesPerMonth) *
        expectedMean(s.itemsPerCase) *
        H *
        meanGrowth(s.growthPerYear, H);
      // A plan sized from a number that is not finite would have no chunks that add up.
      if (!(work <= Number.MAX_VALUE)) {
        throw new RangeError(
          `units[${u}].demand[${k}].casesPerMonth: the expected demand is not a finite number, so the run cannot be planned.`,
        );
      }
      items += work;
    });
  });
  return Math.max(1, items);
}

/** The average over the horizon of the demand growth factor (1 + g)^(t/12). */
function meanGrowth(growthPerYear: number, horizonMonths: number): number {
  const years = horizonMonths / 12;
  const rate = Math.log(1 + growthPerYear);
  return Math.abs(rate * years) < 1e-9 ? 1 : (Math.exp(rate * years) - 1) / (rate * years);
}

/**
 * The chunks of a run, as [first replication, count]. Sized from the scenario's expected work so
 * a chunk takes about the same time whatever the scenario, starting small so the first results
 * reach the screen at once, and ending small so no worker is left with a long last chunk. The plan depends on the request alone, never on the number
 * of workers; and since results do not depend on chunking at all, this is a matter of speed.
 */
export function chunkPlan(request: RunRequest): [number, number][] {
  const first = request.start ?? 0;
  const shift = ([start, count]: [number, number]): [number, number] => [first + start, count];
  if (request.chunkSize !== undefined)
    return planChunks(request.replications, request.chunkSize).map(shift);
  const size = Math.max(
    1,
    Math.min(MAX_CHUNK, Math.round(ITEMS_PER_CHUNK / expectedWorkPerReplication(request.scenario))),
  );
  const chunks: [number, number][] = [];
  let start = 0;
  // A ramp of 1/8, 1/4 and 1/2 chunks first.
  for (const part of [8, 4, 2]) {
    if (size < part) continue;
    const count = Math.min(Math.floor(size / part), request.replications - start);
    if (count <= 0) break;
    chunks.push([start, count]);
    start += count;
  }
  // Then full chunks, tapering at the end (a quarter of what is left, down to an eighth of a
  // chunk) so the workers finish close together rather than one waiting on another's last chunk.
  const smallest = Math.max(1, Math.floor(size / 8));
  while (start < request.replications) {
    const left = request.replications - start;
    const count = Math.min(left, size, Math.max(smallest, Math.ceil(left / 4)));
    chunks.push([start, count]);
    start += count;
  }
  return chunks.map(shift);
}
