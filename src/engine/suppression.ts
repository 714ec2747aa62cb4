import type { CompiledSuppression } from './model.ts';
import type { Items, WorkQueue } from './workQueue.ts';

/**
 * The share of a stream's cases not referred this month: its `share` while the queue is more
 * than `backlogMonths` months of capacity behind, 0 otherwise. Months behind are the hours the
 * items waiting since last month still need, divided by this month's capacity of the queue, so
 * a queue with work waiting and no capacity is behind whatever the threshold, and an empty one
 * never is.
 */
export function suppressedShare(
  suppression: CompiledSuppression,
  queue: WorkQueue,
  items: Items,
  capacity: number,
): number {
  const behind = queue.waitingHours(items) > suppression.backlogMonths * capacity;
  return behind ? suppression.share : 0;
}
