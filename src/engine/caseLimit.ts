import type { MonthDemand } from './demand.ts';
import type { CompiledStream, Model } from './model.ts';
import type { StreamState } from './streamState.ts';
import { Items, rankOf, WorkQueue } from './workQueue.ts';

/**
 * Puts a month's items [first, items.count) of a stream with a case limit k in `queue`: of each
 * case, the k items first in triage order (the rank the queue itself would give them, so under
 * `fifo` the first k drawn) join the queue, in the order they were drawn; the others are
 * unexamined at once, counted in `out` for the month they arrive and marked lost in month `t`
 * (so the recovery funnel counts what they would have paid as missed). A case of k items or
 * fewer joins whole.
 */
export function queueWithCaseLimit(
  model: Model,
  stream: CompiledStream,
  state: StreamState,
  queue: WorkQueue,
  items: Items,
  first: number,
  out: MonthDemand,
  t: number,
): void {
  const k = stream.maxPerCase;
  const { value } = items;
  let start = first;
  for (let c = 0; c < state.caseCount; c++) {
    const end = state.caseEnds[c]!;
    const n = end - start;
    if (n <= k) {
      for (let seq = start; seq < end; seq++) queue.arrive(itemRank(model, items, seq));
    } else {
      state.ranksFor(n);
      const { caseRanks, sortedRanks } = state;
      for (let i = 0; i < n; i++) caseRanks[i] = itemRank(model, items, start + i);
      sortedRanks.set(caseRanks.subarray(0, n));
      sortedRanks.subarray(0, n).sort();
      // Ranks are unique (each carries its item's number), so exactly k lie at or below this.
      const last = sortedRanks[k - 1]!;
      for (let i = 0; i < n; i++) {
        const rank = caseRanks[i]!;
        if (rank <= last) {
          queue.arrive(rank);
        } else {
          out.unexaminedAtArrival++;
          out.assetsUnexaminedAtArrival += value[start + i]!;
          items.finished[start + i] = -(t + 1);
        }
      }
    }
    start = end;
  }
}

/** An item's rank in its queue, as demand.ts's queueItems computes it. */
function itemRank(model: Model, items: Items, seq: number): number {
  if (!model.triageByValue) return rankOf(0, 0) + seq;
  const v = items.value[seq]!;
  const logValue = v === 0 ? 0 : Math.log10(1 + v);
  return rankOf(
    model.valueWeight * logValue + model.valueShift + model.noiseWeight * items.noise[seq]!,
    seq,
  );
}
