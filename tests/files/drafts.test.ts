import { describe, expect, it } from 'vitest';
import {
  ASIDE_PREFIX,
  browserStorage,
  DRAFT_PREFIX,
  DraftStore,
  LEGACY_KEY,
  memoryStorage,
  RECOVERY_NOTE,
  TAB_KEY,
} from '../../src/files/drafts.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { fillableStorage } from './fillableStorage.ts';

const draft = {
  format: 'shortfall-scenario',
  schemaVersion: 2,
  name: 'Half done',
} as ScenarioInput;

/** A clock that moves on a minute each time it is read. */
function clock(start = '2025-03-01T09:30:00Z') {
  let at = new Date(start).getTime();
  return () => {
    const now = new Date(at);
    at += 60_000;
    return now;
  };
}

/** Ids tab-1, tab-2, … in order. */
function ids() {
  let n = 0;
  return () => `tab-${++n}`;
}

describe('DraftStore', () => {
  it('restores the last draft this tab saved, with when and where it came from', () => {
    const local = memoryStorage();
    const store = new DraftStore(local, memoryStorage(), clock(), ids());
    store.save({ ...draft, name: 'First' }, 'built-in');
    store.save(draft, 'force-plan.json');
    const own = store.own();
    expect(own?.key).toBe(`${DRAFT_PREFIX}tab-1`);
    expect(own?.name).toBe('Half done');
    expect(own?.origin).toBe('force-plan.json');
    expect(own?.savedAt).toEqual(new Date('2025-03-01T09:31:00Z'));
    expect(JSON.parse(own!.text).scenario).toEqual(draft);
  });

  it('keeps the tab id in session storage, so a reload of the tab finds its own draft', () => {
    const [local, session] = [memoryStorage(), memoryStorage()];
    new DraftStore(local, session, clock(), ids()).save(draft, 'x.json');
    expect(session.getItem(TAB_KEY)).toBe('tab-1');
    const reloaded = new DraftStore(local, session, clock(), () => 'never-used');
    expect(reloaded.tabId).toBe('tab-1');
    expect(reloaded.own()?.name).toBe('Half done');
  });

  it('keeps one draft per tab: two tabs never overwrite or delete each other’s', () => {
    const local = memoryStorage();
    const next = ids();
    const a = new DraftStore(local, memoryStorage(), clock(), next);
    const b = new DraftStore(local, memoryStorage(), clock('2025-03-01T10:00:00Z'), next);
    a.save({ ...draft, name: 'Plan A' }, 'a.json');
    b.save({ ...draft, name: 'Plan B' }, 'b.json');
    expect(a.own()?.name).toBe('Plan A');
    expect(b.own()?.name).toBe('Plan B');
    expect(a.others().map((d) => d.name)).toEqual(['Plan B']);

    b.clear(); // tab B saved its file: only its draft goes
    expect(a.own()?.name).toBe('Plan A');
    expect(b.own()).toBeUndefined();
    expect(b.others().map((d) => d.name)).toEqual(['Plan A']);
  });

  it('lists other drafts newest first, with the draft kept before tabs had their own', () => {
    const local = memoryStorage();
    const next = ids();
    new DraftStore(local, memoryStorage(), clock('2025-03-01T08:00:00Z'), next).save(
      { ...draft, name: 'Older' },
      'o.json',
    );
    new DraftStore(local, memoryStorage(), clock('2025-03-02T08:00:00Z'), next).save(
      { ...draft, name: 'Newer' },
      'n.json',
    );
    local.setItem(
      LEGACY_KEY,
      JSON.stringify({ savedAt: '2025-02-01T08:00:00Z', origin: 'old', scenario: draft }),
    );
    local.setItem('unrelated', 'x');
    const here = new DraftStore(local, memoryStorage(), clock(), next);
    expect(here.others().map((d) => d.name)).toEqual(['Newer', 'Older', 'Half done']);
    expect(here.own()).toBeUndefined();
  });

  it('offers an unreadable draft under a placeholder name rather than hiding it', () => {
    const local = memoryStorage();
    local.setItem(`${DRAFT_PREFIX}gone`, '{"scenario": tru');
    const store = new DraftStore(local, memoryStorage(), clock(), ids());
    expect(store.others()).toEqual([
      {
        key: `${DRAFT_PREFIX}gone`,
        text: '{"scenario": tru',
        name: 'Untitled scenario',
        savedAt: undefined,
        origin: '',
      },
    ]);
  });

  it('sets a draft aside with its text intact, under a key of its own', () => {
    const local = memoryStorage();
    const store = new DraftStore(local, memoryStorage(), clock(), ids());
    local.setItem(`${DRAFT_PREFIX}tab-1`, 'damaged');
    expect(store.setAside(`${DRAFT_PREFIX}tab-1`)).toBe(true);
    expect(store.own()).toBeUndefined();
    const aside = [...local.items].filter(([key]) => key.startsWith(ASIDE_PREFIX));
    expect(aside.map(([, text]) => text)).toEqual(['damaged']);
    // Set-aside drafts are not offered again.
    expect(store.others()).toEqual([]);
  });

  it('hands its own draft to the others when the tab opens something else', () => {
    const local = memoryStorage();
    const session = memoryStorage();
    const next = ids();
    new DraftStore(local, session, clock(), next).save(draft, 'x.json');
    const again = new DraftStore(local, session, clock(), next);
    again.release();
    expect(again.own()).toBeUndefined();
    expect(again.others().map((d) => [d.key, d.name])).toEqual([
      [`${DRAFT_PREFIX}tab-2`, 'Half done'],
    ]);
  });

  it('discards another draft only when asked, and never a set-aside one', () => {
    const local = memoryStorage();
    local.setItem(`${DRAFT_PREFIX}other`, '{}');
    local.setItem(`${ASIDE_PREFIX}kept`, 'x');
    const store = new DraftStore(local, memoryStorage(), clock(), ids());
    store.discard(`${ASIDE_PREFIX}kept`);
    store.discard(`${DRAFT_PREFIX}other`);
    expect([...local.items.keys()]).toEqual([`${ASIDE_PREFIX}kept`]);
  });

  it('says when storage is full (QuotaExceededError), and saves again once there is room', () => {
    const { storage, state } = fillableStorage();
    const store = new DraftStore(storage, memoryStorage(), clock(), ids());
    expect(store.save(draft, 'x.json')).toBe(true);
    state.full = true;
    expect(store.save({ ...draft, name: 'Edited' }, 'x.json')).toBe(false);
    // The last draft kept is still there, not half-written.
    expect(store.own()?.name).toBe('Half done');
    state.full = false;
    expect(store.save({ ...draft, name: 'Edited' }, 'x.json')).toBe(true);
    expect(store.own()?.name).toBe('Edited');
  });

  it('keeps a draft where it is when storage is too full to set it aside', () => {
    const { storage, state, inner } = fillableStorage();
    const store = new DraftStore(storage, memoryStorage(), clock(), ids());
    store.save(draft, 'x.json');
    state.full = true;
    expect(store.setAside(`${DRAFT_PREFIX}tab-1`)).toBe(false);
    expect(inner.getItem(`${DRAFT_PREFIX}tab-1`)).not.toBeNull();
  });

  it('keeps working when storage is refused altogether', () => {
    const refused = browserStorage(() => {
      throw new DOMException('Access is denied', 'SecurityError');
    });
    const store = new DraftStore(refused, refused, clock(), ids());
    expect(store.tabId).toBe('tab-1');
    expect(store.save(draft, 'x.json')).toBe(false);
    expect(store.own()).toBeUndefined();
    expect(store.others()).toEqual([]);
    expect(() => store.clear()).not.toThrow();
  });

  it('says that the file, not the browser, is the master copy', () => {
    expect(RECOVERY_NOTE).toContain('recovery only');
    expect(RECOVERY_NOTE).toContain('the file is the master copy');
  });
});
