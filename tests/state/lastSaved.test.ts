import { describe, expect, it } from 'vitest';
import mps from '../../scenarios/mps-financial-investigators.json';
import { memoryStorage } from '../../src/files/drafts.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { LAST_SAVED_KEY, LastSaved } from '../../src/state/lastSaved.ts';

describe('the scenario last saved in a tab', () => {
  it('is kept and read back, checked as a file is', () => {
    const storage = memoryStorage();
    const kept = new LastSaved();
    kept.attach(storage);
    kept.keep({ ...(structuredClone(mps) as ScenarioInput), seed: 'kept' }, 'kept.json');
    const again = new LastSaved();
    again.attach(storage);
    expect(again.read()).toMatchObject({ origin: 'kept.json', scenario: { seed: 'kept' } });
  });

  it('is not shown when it fails its checks or was forgotten', () => {
    const storage = memoryStorage();
    const kept = new LastSaved();
    kept.attach(storage);
    storage.setItem(LAST_SAVED_KEY, JSON.stringify({ origin: 'x', scenario: { name: 'broken' } }));
    expect(kept.read()).toBeUndefined();
    kept.keep(structuredClone(mps) as ScenarioInput, 'a.json');
    kept.forget();
    expect(kept.read()).toBeUndefined();
  });

  it('forgets rather than keeps a stale copy when storage refuses', () => {
    const storage = memoryStorage();
    const kept = new LastSaved();
    kept.attach(storage);
    kept.keep(structuredClone(mps) as ScenarioInput, 'a.json');
    const full = {
      ...storage,
      length: 0,
      key: () => null,
      getItem: (k: string) => storage.getItem(k),
      setItem: () => {
        throw new Error('full');
      },
      removeItem: (k: string) => storage.removeItem(k),
    };
    kept.attach(full);
    kept.keep(structuredClone(mps) as ScenarioInput, 'b.json');
    expect(kept.read()).toBeUndefined();
  });
});
