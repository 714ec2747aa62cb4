import { describe, expect, it } from 'vitest';
import { Autosave, RECOVERY_NOTE, type StorageLike } from '../../src/files/autosave.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const draft = {
  format: 'shortfall-scenario',
  schemaVersion: 1,
  name: 'Half done',
} as ScenarioInput;
const at = new Date('2025-03-01T09:30:00Z');

describe('Autosave', () => {
  it('restores the last draft saved, with when and where it came from', () => {
    const autosave = new Autosave(new MemoryStorage(), () => at);
    autosave.save({ ...draft, name: 'First' }, 'built-in');
    autosave.save(draft, 'force-plan.json');
    expect(autosave.restore()).toEqual({ scenario: draft, savedAt: at, origin: 'force-plan.json' });
  });

  it('has nothing to restore at first, and nothing once the file is saved', () => {
    const autosave = new Autosave(new MemoryStorage(), () => at);
    expect(autosave.restore()).toBeNull();
    autosave.save(draft, 'x.json');
    autosave.clear();
    expect(autosave.restore()).toBeNull();
  });

  it('keeps working when storage is full or refused', () => {
    const full: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const autosave = new Autosave(full);
    expect(autosave.save(draft, 'x.json')).toBe(false);
    expect(autosave.restore()).toBeNull();
    expect(() => autosave.clear()).not.toThrow();
  });

  it.each(['not json', '[]', '{"savedAt":"yesterday","origin":"x","scenario":{}}', 'null'])(
    'ignores a damaged stored draft %j',
    (stored) => {
      const storage = new MemoryStorage();
      storage.setItem('shortfall.draft.v1', stored);
      expect(new Autosave(storage).restore()).toBeNull();
    },
  );

  it('says that the file, not the browser, is the master copy', () => {
    expect(RECOVERY_NOTE).toContain('recovery only');
    expect(RECOVERY_NOTE).toContain('the file is the master copy');
  });
});
