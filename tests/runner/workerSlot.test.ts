import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PoolWorker } from '../../src/runner/pool.ts';
import { WorkerSlot } from '../../src/runner/workerSlot.ts';

/** A worker whose death the test decides; it is never asked anything. */
function mortalWorker() {
  let kill!: (error: Error) => void;
  const died = new Promise<never>((_, reject) => (kill = reject));
  died.catch(() => {});
  const worker = {
    api: {} as PoolWorker['api'],
    died,
    terminate: vi.fn(),
  };
  return { worker, kill };
}

const never = new Promise<number>(() => {});
const HANG_MS = 1000;

describe('WorkerSlot', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes on an answer', async () => {
    const slot = new WorkerSlot(mortalWorker().worker);
    await expect(
      slot.guard(Promise.resolve(7), HANG_MS, new AbortController().signal),
    ).resolves.toBe(7);
  });

  it('rejects when the worker dies first, and at once once it is dead', async () => {
    const { worker, kill } = mortalWorker();
    const slot = new WorkerSlot(worker);
    const waiting = slot.guard(never, HANG_MS, new AbortController().signal);
    kill(new Error('crashed'));
    await expect(waiting).rejects.toThrow('crashed');
    expect(slot.alive).toBe(false);
    await expect(
      slot.guard(Promise.resolve(1), HANG_MS, new AbortController().signal),
    ).rejects.toThrow('crashed');
  });

  it('rejects when the worker does not answer within the time given', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const slot = new WorkerSlot(mortalWorker().worker);
    const waiting = slot.guard(never, HANG_MS, new AbortController().signal);
    vi.advanceTimersByTime(HANG_MS - 1);
    let settled = false;
    waiting.catch(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(waiting).rejects.toThrow(`did not answer within ${HANG_MS} ms`);
  });

  it('rejects with the reason when its signal aborts, leaving no timer behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const slot = new WorkerSlot(mortalWorker().worker);
    const stop = new AbortController();
    const waiting = slot.guard(never, HANG_MS, stop.signal);
    stop.abort(new Error('halted'));
    await expect(waiting).rejects.toThrow('halted');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears its timer once the answer is in', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const slot = new WorkerSlot(mortalWorker().worker);
    await slot.guard(Promise.resolve(1), HANG_MS, new AbortController().signal);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends its worker once, however often asked', () => {
    const { worker } = mortalWorker();
    const slot = new WorkerSlot(worker);
    slot.terminate();
    slot.terminate();
    expect(worker.terminate).toHaveBeenCalledTimes(1);
    expect(slot.alive).toBe(false);
  });
});
