/**
 * A scheduler (of frames, idle periods, …) whose callbacks run only when the test says: `next()`
 * runs the oldest waiting one and says whether there was one.
 */
export function byHand() {
  const waiting = new Set<() => void>();
  const schedule = (f: () => void): (() => void) => {
    waiting.add(f);
    return () => waiting.delete(f);
  };
  const next = (): boolean => {
    const [f] = waiting;
    if (!f) return false;
    waiting.delete(f);
    f();
    return true;
  };
  return { schedule, next, waiting };
}
