import { describe, expect, it } from 'vitest';
import { inSlices, untilAborted } from '../../src/state/inSlices.ts';

describe('inSlices', () => {
  /** `steps` steps, each taking 1 ms on a fake clock, then a return value. */
  function* work(steps: number, clock: { now: number; done: number }) {
    for (let i = 0; i < steps; i++) {
      clock.now += 1;
      clock.done++;
      yield;
    }
    return 'finished';
  }

  it('runs a slice at once, gives the page its turn, then runs the rest and resolves to the return value', async () => {
    const clock = { now: 0, done: 0 };
    const running = inSlices(work(10, clock), () => clock.now, 4);
    // The first slice ran in this task: four steps of 1 ms fill a slice of 4 ms.
    expect(clock.done).toBe(4);
    await Promise.resolve();
    expect(clock.done).toBe(4);
    await expect(running).resolves.toBe('finished');
    expect(clock.done).toBe(10);
  });

  it('stops steps with the error given at the first step after the signal is aborted', async () => {
    const clock = { now: 0, done: 0 };
    const controller = new AbortController();
    const running = inSlices(
      untilAborted(work(10, clock), controller.signal, () => new Error('stopped')),
      () => clock.now,
      4,
    );
    controller.abort();
    await expect(running).rejects.toThrow('stopped');
    expect(clock.done).toBe(4);
    const finished = inSlices(untilAborted(work(3, clock), new AbortController().signal, Error));
    await expect(finished).resolves.toBe('finished');
  });
});
