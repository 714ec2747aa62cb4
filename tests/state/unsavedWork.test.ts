import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ASIDE_PREFIX,
  DRAFT_PREFIX,
  DraftStore,
  memoryStorage,
  type StorageLike,
} from '../../src/files/drafts.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import type { RestoredDraft } from '../../src/state/restoredDraft.ts';
import { UnsavedWork, type Editing, type TabChannel } from '../../src/state/unsavedWork.svelte.ts';
import mps from '../../scenarios/mps-financial-investigators.json';
import { fillableStorage } from '../files/fillableStorage.ts';

const scenario = (name: string) => ({ ...structuredClone(mps), name }) as ScenarioInput;
const at = () => new Date('2025-03-01T09:30:00Z');

/** The app's side, as plain fields: what is edited and what it was asked to do. */
function editing(unsaved = false) {
  const calls: string[] = [];
  const restored: RestoredDraft[] = [];
  const fake: Editing & { unsaved: boolean } = {
    unsaved,
    origin: 'plan.json',
    draft: { input: scenario('Being edited') },
    saveFile: () => void calls.push('saveFile'),
    restore: (draft) => void restored.push(draft),
  };
  return { fake, calls, restored };
}

function tab(local: StorageLike, session = memoryStorage(), id = 'here') {
  return new DraftStore(local, session, at, () => id);
}

describe('UnsavedWork: asking before replacing', () => {
  it('lets anything replace the scenario at once when nothing is unsaved', async () => {
    const { fake } = editing(false);
    const work = new UnsavedWork(fake);
    await expect(work.mayReplace('valid.json')).resolves.toBe(true);
    expect(work.question).toBeUndefined();
  });

  it.each([
    ['cancel', false, []],
    ['replace', true, []],
    ['save-first', true, ['saveFile']],
  ] as const)(
    'on %s resolves %s, saving the file first only when asked',
    async (choice, ok, calls) => {
      const { fake, calls: made } = editing(true);
      const work = new UnsavedWork(fake);
      const answer = work.mayReplace('valid.json');
      expect(work.question).toMatchObject({ current: 'Being edited', replacement: 'valid.json' });
      work.question!.answer(choice);
      await expect(answer).resolves.toBe(ok);
      expect(made).toEqual(calls);
      expect(work.question).toBeUndefined();
    },
  );

  it('withdraws a question when another replacement is asked for', async () => {
    const { fake } = editing(true);
    const work = new UnsavedWork(fake);
    const first = work.mayReplace('a.json');
    const second = work.mayReplace('b.json');
    await expect(first).resolves.toBe(false);
    expect(work.question?.replacement).toBe('b.json');
    work.question!.answer('replace');
    await expect(second).resolves.toBe(true);
  });
});

describe('UnsavedWork: restoring and offering drafts', () => {
  it('restores this tab’s own draft and offers nothing else', () => {
    const [local, session] = [memoryStorage(), memoryStorage()];
    tab(local, session).save(scenario('Mine'), 'mine.json');
    tab(local, memoryStorage(), 'other').save(scenario('Theirs'), 'theirs.json');
    const work = new UnsavedWork(editing().fake);
    const restored = work.attach(tab(local, session));
    expect(restored?.scenario.name).toBe('Mine');
    expect(restored?.origin).toBe('mine.json');
    expect(work.others).toEqual([]);
  });

  it('sets a broken own draft aside, keeps its text and offers the other drafts', () => {
    const [local, session] = [memoryStorage(), memoryStorage()];
    tab(local, memoryStorage(), 'other').save(scenario('Theirs'), 'theirs.json');
    const broken = JSON.stringify({ savedAt: at(), origin: 'x', scenario: { name: 'Torn' } });
    local.setItem(`${DRAFT_PREFIX}here`, broken);
    const work = new UnsavedWork(editing().fake);
    expect(work.attach(tab(local, session))).toBeUndefined();
    expect(work.setAside).toMatchObject({ name: 'Torn', text: broken, kept: true });
    expect(work.setAside?.problems[0]).toMatch(/^File format: is missing/);
    const aside = [...local.items].filter(([key]) => key.startsWith(ASIDE_PREFIX));
    expect(aside.map(([, text]) => text)).toEqual([broken]);
    expect(work.others.map((d) => d.name)).toEqual(['Theirs']);
  });

  it('offers other drafts without deleting them, and recovers one on request', async () => {
    const local = memoryStorage();
    tab(local, memoryStorage(), 'other').save(scenario('Theirs'), 'theirs.json');
    const before = new Map(local.items);
    const { fake, restored } = editing(false);
    const work = new UnsavedWork(fake);
    expect(work.attach(tab(local))).toBeUndefined();
    expect(work.others.map((d) => d.name)).toEqual(['Theirs']);
    await expect(work.recover(`${DRAFT_PREFIX}other`)).resolves.toBe(true);
    expect(restored.map((d) => d.scenario.name)).toEqual(['Theirs']);
    expect(work.others).toEqual([]);
    expect(local.items).toEqual(before);
  });

  it('asks before a recovered draft replaces unsaved work, and keeps the work on Cancel', async () => {
    const local = memoryStorage();
    tab(local, memoryStorage(), 'other').save(scenario('Theirs'), 'theirs.json');
    const { fake, restored } = editing(false);
    const work = new UnsavedWork(fake);
    work.attach(tab(local));
    fake.unsaved = true;
    const recovering = work.recover(`${DRAFT_PREFIX}other`);
    expect(work.question?.replacement).toBe('the unsaved “Theirs”');
    work.question!.answer('cancel');
    await expect(recovering).resolves.toBe(false);
    expect(restored).toEqual([]);
    expect(work.others.map((d) => d.name)).toEqual(['Theirs']);
  });

  it('sets aside another tab’s broken draft instead of showing it', async () => {
    const local = memoryStorage();
    local.setItem(`${DRAFT_PREFIX}other`, 'not json');
    const { fake, restored } = editing(false);
    const work = new UnsavedWork(fake);
    work.attach(tab(local));
    await expect(work.recover(`${DRAFT_PREFIX}other`)).resolves.toBe(false);
    expect(restored).toEqual([]);
    expect(work.setAside?.text).toBe('not json');
    expect(local.getItem(`${DRAFT_PREFIX}other`)).toBeNull();
  });

  it('moves its own draft to the others when the tab starts on a share link', () => {
    const [local, session] = [memoryStorage(), memoryStorage()];
    tab(local, session).save(scenario('Mine'), 'mine.json');
    const work = new UnsavedWork(editing().fake);
    const store = new DraftStore(local, session, at, () => 'released');
    expect(work.attach(store, { startsOnLink: true })).toBeUndefined();
    expect(work.others.map((d) => [d.key, d.name])).toEqual([[`${DRAFT_PREFIX}released`, 'Mine']]);
  });

  it('discards another draft only when told to', () => {
    const local = memoryStorage();
    tab(local, memoryStorage(), 'other').save(scenario('Theirs'), 'theirs.json');
    const work = new UnsavedWork(editing().fake);
    work.attach(tab(local));
    work.dismissOthers();
    expect(local.getItem(`${DRAFT_PREFIX}other`)).not.toBeNull();
    work.discard(`${DRAFT_PREFIX}other`);
    expect(local.getItem(`${DRAFT_PREFIX}other`)).toBeNull();
  });
});

describe('UnsavedWork: keeping edits', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('saves an edit once the pause has passed, the last edit only', () => {
    const local = memoryStorage();
    const work = new UnsavedWork(editing(true).fake);
    const store = tab(local);
    work.attach(store);
    work.edited(scenario('One'), 'x.json', true, 300);
    vi.advanceTimersByTime(299);
    work.edited(scenario('Two'), 'x.json', true, 300);
    vi.advanceTimersByTime(299);
    expect(store.own()).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(store.own()?.name).toBe('Two');
  });

  it('writes nothing back once the scenario is saved to a file', () => {
    const local = memoryStorage();
    const work = new UnsavedWork(editing(true).fake);
    const store = tab(local);
    work.attach(store);
    work.edited(scenario('One'), 'x.json', true, 300);
    vi.advanceTimersByTime(300);
    work.edited(scenario('Two'), 'x.json', true, 300);
    work.saved();
    vi.advanceTimersByTime(1000);
    expect(store.own()).toBeUndefined();
  });

  it('says when storage is full, and stops saying so once a save succeeds', () => {
    const { storage, state } = fillableStorage();
    const work = new UnsavedWork(editing(true).fake);
    work.attach(tab(storage));
    state.full = true;
    work.edited(scenario('One'), 'x.json', true, 300);
    vi.advanceTimersByTime(300);
    expect(work.storageFailing).toBe(true);
    state.full = false;
    work.edited(scenario('Two'), 'x.json', true, 300);
    vi.advanceTimersByTime(300);
    expect(work.storageFailing).toBe(false);
  });

  it('forgets a storage failure once the work is saved to a file', () => {
    const { storage, state } = fillableStorage();
    const work = new UnsavedWork(editing(true).fake);
    work.attach(tab(storage));
    state.full = true;
    work.edited(scenario('One'), 'x.json', true, 300);
    vi.advanceTimersByTime(300);
    work.saved();
    expect(work.storageFailing).toBe(false);
  });
});

describe('UnsavedWork: tabs that share an id', () => {
  /** Channels that deliver each message to every other channel of the set, as the browser does. */
  function channels() {
    const all: TabChannel[] = [];
    const make = (): TabChannel => {
      const channel: TabChannel = {
        onmessage: null,
        postMessage: (data) => {
          for (const other of all)
            if (other !== channel) other.onmessage?.(new MessageEvent('message', { data }));
        },
        close: () => void all.splice(all.indexOf(channel), 1),
      };
      all.push(channel);
      return channel;
    };
    return make;
  }

  it('gives a duplicated tab an id of its own, so the two keep separate drafts', () => {
    const local = memoryStorage();
    const session = memoryStorage();
    let n = 0;
    const nextId = () => `tab-${++n}`;
    const channel = channels();
    const original = new UnsavedWork(editing(true).fake);
    original.attach(new DraftStore(local, session, at, nextId));
    original.shareTabs(channel());

    // A duplicate starts with a copy of the original's session storage, so the same id.
    const copy = memoryStorage();
    copy.setItem('shortfall.tab.v1', session.getItem('shortfall.tab.v1')!);
    const duplicate = new UnsavedWork(editing(true).fake);
    const duplicateStore = new DraftStore(local, copy, at, nextId);
    expect(duplicateStore.tabId).toBe('tab-1');
    duplicate.attach(duplicateStore);
    duplicate.shareTabs(channel());
    expect(duplicateStore.tabId).toBe('tab-2');
    expect(copy.getItem('shortfall.tab.v1')).toBe('tab-2');
    expect(session.getItem('shortfall.tab.v1')).toBe('tab-1');
    new DraftStore(local, session, at, nextId).save(scenario('Original'), 'x.json');
    duplicateStore.save(scenario('Duplicate'), 'x.json');
    expect(
      [`${DRAFT_PREFIX}tab-1`, `${DRAFT_PREFIX}tab-2`].map((key) => duplicateStore.read(key)?.name),
    ).toEqual(['Original', 'Duplicate']);
  });

  it('leaves tabs with different ids as they are', () => {
    const local = memoryStorage();
    const channel = channels();
    const stores = ['a', 'b'].map((id) => new DraftStore(local, memoryStorage(), at, () => id));
    for (const store of stores) {
      const work = new UnsavedWork(editing().fake);
      work.attach(store);
      work.shareTabs(channel());
    }
    expect(stores.map((s) => s.tabId)).toEqual(['a', 'b']);
  });
});
