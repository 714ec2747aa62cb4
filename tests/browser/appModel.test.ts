import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftStore, memoryStorage } from '../../src/files/drafts.ts';
import { encodeShareFragment } from '../../src/files/shareLink.ts';
import type { RunAggregate } from '../../src/engine/aggregate/runAggregate.ts';
import { InThreadRunner } from '../../src/runner/inThreadRunner.ts';
import type { RunRequest, Runner } from '../../src/runner/runner.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { AppModel } from '../../src/state/appModel.svelte.ts';
import { LIVE_DEBOUNCE_MS } from '../../src/state/liveRerun.svelte.ts';

const fakeWindow = {
  addEventListener: () => {},
  removeEventListener: () => {},
  history: { replaceState: () => {} } as unknown as History,
  location: { hash: '', pathname: '/', search: '' },
};

describe('AppModel autosave', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps an edit for recovery after the pause, and nothing once the scenario is saved', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const app = new AppModel(() => new InThreadRunner());
    const storage = memoryStorage();
    const disconnect = app.connect(fakeWindow, storage, 20);
    try {
      app.draft.set(['units', 0, 'staff', 0, 'inPost'], 281);
      flushSync();
      vi.advanceTimersByTime(19);
      expect(storage.items.size).toBe(0);
      vi.advanceTimersByTime(1);
      expect([...storage.items.values()].join()).toContain('"inPost":281');

      // Saved to a file while a save to storage is still waiting: nothing is written back.
      app.draft.set(['units', 0, 'staff', 0, 'inPost'], 282);
      flushSync();
      app.markSaved('plan.json');
      flushSync();
      vi.advanceTimersByTime(60);
      expect(storage.items.size).toBe(0);
    } finally {
      disconnect();
    }
  });
});

describe('AppModel unsaved work', () => {
  it('counts a changed seed or replications as unsaved, as the file holds them', () => {
    const app = new AppModel(() => new InThreadRunner());
    expect(app.unsaved).toBe(false);
    app.seed = 'another';
    expect(app.unsaved).toBe(true);
    app.markSaved('plan.json');
    expect(app.unsaved).toBe(false);
    app.replicationsText = '500';
    expect(app.unsaved).toBe(true);
    app.markSaved('plan.json');
    expect(app.unsaved).toBe(false);
  });
});

describe('AppModel runs', () => {
  it('runs results and decision tools on one runner, made when first needed', async () => {
    const made: InThreadRunner[] = [];
    const app = new AppModel(() => {
      made.push(new InThreadRunner());
      return made.at(-1)!;
    });
    expect(made).toHaveLength(0);
    app.replicationsText = '20';
    app.run();
    const aggregate = await app.evaluate(app.draft.scenario!, 'decisions', 10);
    await vi.waitFor(() => expect(app.runs.status).toBe('done'));
    expect(aggregate.replications).toBe(10);
    expect(app.runs.summary?.replications).toBe(20);
    expect(made).toHaveLength(1);
  });
});

describe('AppModel results that follow edits', () => {
  it('reruns after an edit once connected, and not before results are shown', async () => {
    const requests: RunRequest[] = [];
    const inner = new InThreadRunner();
    const app = new AppModel(() => ({
      run: (request, options) => {
        requests.push(request);
        return inner.run(request, options);
      },
      dispose: () => {},
    }));
    const disconnect = app.connect(fakeWindow, memoryStorage(), 20);
    try {
      app.replicationsText = '12';
      flushSync();
      await new Promise((resolve) => setTimeout(resolve, 2 * LIVE_DEBOUNCE_MS));
      expect(requests).toHaveLength(0);
      app.run();
      await vi.waitFor(() => expect(app.runs.status).toBe('done'));
      app.draft.set(['units', 0, 'staff', 0, 'inPost'], 281);
      flushSync();
      expect(app.live.pending).toBe(true);
      await vi.waitFor(() => expect(requests).toHaveLength(2));
      await vi.waitFor(() => expect(app.runs.status).toBe('done'));
      expect(app.runs.shown?.revision).toBe(app.draft.revision);
      expect(app.outOfDate).toBe(false);
      expect(app.runs.message).toBe('Results updated for your edit: 12 replications.');
    } finally {
      disconnect();
    }
  });
});

/**
 * A runner that reports `partial` as soon as a run starts and finishes with `whole` when the test
 * calls `finish`; `signals` holds each run's abort signal, in the order they were asked for.
 */
function steppedRunner(partial: RunAggregate, whole: RunAggregate) {
  let finish!: () => void;
  const state = { signals: [] as (AbortSignal | undefined)[], finish: () => finish() };
  const runner: Runner = {
    run: async (_request, options) => {
      state.signals.push(options?.signal);
      options?.onPartial?.(partial);
      await new Promise<void>((resolve) => (finish = resolve));
      return whole;
    },
    dispose: () => {},
  };
  return { runner, state };
}

/** An app whose runs first show 10 replications of its scenario, then 20 once finished. */
async function steppedApp() {
  const scenario = new AppModel(() => new InThreadRunner()).draft.scenario!;
  const inThread = new InThreadRunner();
  const [partial, whole] = await Promise.all([
    inThread.run({ scenario, seed: 'shortfall', replications: 10 }),
    inThread.run({ scenario, seed: 'shortfall', replications: 20 }),
  ]);
  const { runner, state } = steppedRunner(partial, whole);
  return { app: new AppModel(() => runner), state };
}

describe('AppModel Run', () => {
  it('shows the Results tab, whichever tab Run was pressed on', async () => {
    const { app, state } = await steppedApp();
    app.selectTab('compare');
    app.run();
    expect(app.tab).toBe('results');
    await vi.waitFor(() => expect(app.runs.shown?.done).toBe(10));
    state.finish();
    await vi.waitFor(() => expect(app.runs.status).toBe('done'));
    expect(app.tab).toBe('results');
  });

  it('asks once for the results to take focus, when the first of them are shown', async () => {
    const { app, state } = await steppedApp();
    app.run();
    expect(app.focusResults).toBe(false);
    await vi.waitFor(() => expect(app.focusResults).toBe(true));
    expect(app.runs.shown?.done).toBe(10);
    app.resultsFocused();
    expect(app.focusResults).toBe(false);
    state.finish();
    await vi.waitFor(() => expect(app.runs.shown?.complete).toBe(true));
    expect(app.focusResults).toBe(false);

    // The next run waits for its own results, not those of the last one.
    app.run();
    expect(app.focusResults).toBe(false);
    await vi.waitFor(() => expect(app.focusResults).toBe(true));
    expect(app.runs.shown?.complete).toBe(false);
    state.finish();
  });

  it('leaves focus alone when the planner chooses a tab before the results come', async () => {
    const { app, state } = await steppedApp();
    app.run();
    app.selectTab('demand');
    await vi.waitFor(() => expect(app.runs.shown?.done).toBe(10));
    app.selectTab('results');
    expect(app.focusResults).toBe(false);
    state.finish();
    await vi.waitFor(() => expect(app.runs.status).toBe('done'));
    expect(app.focusResults).toBe(false);
  });

  it('does not start a second run while one goes on', async () => {
    const { app, state } = await steppedApp();
    app.run();
    await vi.waitFor(() => expect(app.runs.shown?.done).toBe(10));
    app.run();
    expect(state.signals).toHaveLength(1);
    expect(state.signals[0]?.aborted).toBe(false);
    state.finish();
    await vi.waitFor(() => expect(app.runs.status).toBe('done'));
    expect(state.signals).toHaveLength(1);
  });
});

describe('AppModel.connect', () => {
  /** A runner that records the name of each scenario it is warmed on. */
  function recordingRunner(warmed: (string | undefined)[]) {
    return class extends InThreadRunner {
      warm(scenario?: Scenario): void {
        warmed.push(scenario?.name);
      }
    };
  }

  it('warms the runner on the scenario a share link opens, once it is open', async () => {
    const warmed: (string | undefined)[] = [];
    const Recording = recordingRunner(warmed);
    const app = new AppModel(() => new Recording());
    const link = await encodeShareFragment({ ...app.draft.input, name: 'Shared plan' });
    if (!link.ok) throw new Error(link.problem.message);
    const disconnect = app.connect(
      { ...fakeWindow, location: { ...fakeWindow.location, hash: link.fragment } },
      memoryStorage(),
      20,
    );
    try {
      expect(warmed).toEqual([]);
      await app.opened;
      expect(app.draft.scenario?.name).toBe('Shared plan');
      expect(warmed).toEqual(['Shared plan']);
    } finally {
      disconnect();
    }
  });

  it('starts no workers for a link still being read when the page goes', async () => {
    const warmed: (string | undefined)[] = [];
    const Recording = recordingRunner(warmed);
    const app = new AppModel(() => new Recording());
    const link = await encodeShareFragment(app.draft.input);
    if (!link.ok) throw new Error(link.problem.message);
    app.connect(
      { ...fakeWindow, location: { ...fakeWindow.location, hash: link.fragment } },
      memoryStorage(),
      20,
    )();
    await app.opened;
    expect(warmed).toEqual([]);
  });

  it('warms the runner on a draft it restores', async () => {
    const warmed: (string | undefined)[] = [];
    const Recording = recordingRunner(warmed);
    const app = new AppModel(() => new Recording());
    const [storage, session] = [memoryStorage(), memoryStorage()];
    new DraftStore(storage, session).save(
      { ...app.draft.input, name: 'Unsaved plan' },
      'plan.json',
    );
    const disconnect = app.connect(fakeWindow, storage, 20, session);
    disconnect();
    await app.opened;
    expect(app.draft.scenario?.name).toBe('Unsaved plan');
    expect(warmed).toEqual(['Unsaved plan']);
  });

  it('brings a draft kept by format version 1 up to version 2, so the editor shows the funnel', async () => {
    const app = new AppModel(() => new (recordingRunner([]))());
    const [storage, session] = [memoryStorage(), memoryStorage()];
    const v1 = {
      ...app.draft.input,
      schemaVersion: 1,
      name: 'Old plan',
      finance: { recoveryRate: 0.3, forceShare: 0.1875 },
    };
    new DraftStore(storage, session).save(v1 as never, 'old.json');
    const disconnect = app.connect(fakeWindow, storage, 20, session);
    disconnect();
    await app.opened;
    expect(app.draft.input.schemaVersion).toBe(2);
    expect(app.draft.get(['finance', 'collection'])).toEqual([{ collected: 0.3 }]);
    expect(app.draft.scenario?.name).toBe('Old plan');
  });
});
