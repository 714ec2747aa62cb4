import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftStore, memoryStorage } from '../../src/files/drafts.ts';
import { encodeShareFragment } from '../../src/files/shareLink.ts';
import { InThreadRunner } from '../../src/runner/inThreadRunner.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { AppModel } from '../../src/state/appModel.svelte.ts';

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
});
