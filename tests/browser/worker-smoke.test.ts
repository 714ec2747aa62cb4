import * as Comlink from 'comlink';
import seedrandom from 'seedrandom';
import { afterEach, describe, expect, it } from 'vitest';
import type { EchoWorkerApi } from './fixtures/echo.worker.ts';

describe('module worker + comlink + seedrandom in the browser', () => {
  let worker: Worker | undefined;

  afterEach(() => {
    worker?.terminate();
    worker = undefined;
  });

  it('runs seeded RNG in a module worker and matches the main thread', async () => {
    worker = new Worker(new URL('./fixtures/echo.worker.ts', import.meta.url), {
      type: 'module',
    });
    const remote = Comlink.wrap<EchoWorkerApi>(worker);

    expect(await remote.echo('Shortfall')).toBe('Shortfall');

    const fromWorker = await remote.seeded('abc', 5);
    const rng = seedrandom('abc');
    const onMain = Array.from({ length: 5 }, () => rng());

    expect(fromWorker).toHaveLength(5);
    expect(fromWorker).toEqual(onMain);
    expect(fromWorker[0]).toBe(seedrandom('abc')());
  });
});
