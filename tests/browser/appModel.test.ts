import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { StorageLike } from '../../src/files/autosave.ts';
import { InThreadRunner } from '../../src/runner/inThreadRunner.ts';
import { AppModel } from '../../src/state/appModel.svelte.ts';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const fakeWindow = {
  addEventListener: () => {},
  removeEventListener: () => {},
  history: { replaceState: () => {} } as unknown as History,
  location: { hash: '', pathname: '/', search: '' },
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('AppModel autosave', () => {
  it('keeps an edit for recovery after the pause, and nothing once the scenario is saved', async () => {
    const app = new AppModel(() => new InThreadRunner());
    const storage = new MemoryStorage();
    const disconnect = app.connect(fakeWindow, storage, 20);
    try {
      app.draft.set(['units', 0, 'staff', 0, 'inPost'], 281);
      flushSync();
      await wait(60);
      expect([...storage.items.values()].join()).toContain('"inPost":281');

      // Saved to a file while a save to storage is still waiting: nothing is written back.
      app.draft.set(['units', 0, 'staff', 0, 'inPost'], 282);
      flushSync();
      app.markSaved('plan.json');
      flushSync();
      await wait(60);
      expect(storage.items.size).toBe(0);
    } finally {
      disconnect();
    }
  });
});
