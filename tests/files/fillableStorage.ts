import { memoryStorage, type StorageLike } from '../../src/files/drafts.ts';

/** Storage that holds what it is given until `state.full` is set, then refuses every write. */
export function fillableStorage() {
  const inner = memoryStorage();
  const state = { full: false };
  const storage: StorageLike = {
    get length() {
      return inner.length;
    },
    key: (i) => inner.key(i),
    getItem: (key) => inner.getItem(key),
    setItem: (key, value) => {
      if (state.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      inner.setItem(key, value);
    },
    removeItem: (key) => inner.removeItem(key),
  };
  return { storage, inner, state };
}
