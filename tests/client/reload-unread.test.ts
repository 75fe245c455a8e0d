// A reload replays every event of every conversation (the resync starts from seq 0): the unread counts must
// come out as they were (1 stays 1, not 3) and the conversation that was open stays open.
import type { EventEnvelope, PublicEvent } from '@kefu/shared/protocol';
import { describe, expect, it } from 'vitest';
import { createConversationsStore } from '../../client/src/stores/conversations.ts';
import { conversationView, T0 } from './harness.tsx';

/** sessionStorage as the browser keeps it across a reload of the tab. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

function log(conversationId: string, buyerLines: number): EventEnvelope[] {
  const events: PublicEvent[] = [{ type: 'started', at: T0 }];
  for (let i = 1; i <= buyerLines; i++) {
    events.push({
      type: 'buyer-message',
      at: T0 + i * 1000,
      id: `${conversationId}-b${i}`,
      text: `第${i}句`,
    });
  }
  return events.map((event, i) => ({ conversationId, seq: i + 1, prevSeq: i, event }));
}

describe('unread counts and the open conversation across a reload', () => {
  it('counts only the lines not seen before the reload, and keeps the open conversation', () => {
    const storage = memoryStorage();
    const store = createConversationsStore(storage);
    const before = store.getState();
    before.upsertView(conversationView('a'));
    before.upsertView(conversationView('b'));
    before.setActive('b');
    const a = log('a', 3);
    const b = log('b', 2);
    // a's first two lines were read while it was open; its third came while b was open.
    before.setActive('a');
    before.receiveMany(a.slice(0, 3));
    before.setActive('b');
    before.receiveMany([...b, a[3]!]);
    expect(store.getState().byId.a?.unread).toBe(1);
    expect(store.getState().byId.b?.unread).toBe(0);

    // The reload: a fresh store from the same sessionStorage, every event replayed by the resync.
    const state = reloaded(storage, a, b);
    expect(state.activeId).toBe('b');
    expect(state.byId.a?.unread).toBe(1);
    expect(state.byId.b?.unread).toBe(0);
  });

  it('counts every line of a buyer never opened, as before', () => {
    const store = createConversationsStore(memoryStorage());
    store.getState().upsertView(conversationView('a'));
    store.getState().upsertView(conversationView('b'));
    store.getState().receiveMany(log('b', 3));
    expect(store.getState().activeId).toBe('a');
    expect(store.getState().byId.b?.unread).toBe(3);
  });
});

/** A store built after the reload, fed as the gateway does (views, then each conversation's full log). */
function reloaded(storage: Storage, a: EventEnvelope[], b: EventEnvelope[]) {
  const store = createConversationsStore(storage);
  store.getState().upsertView(conversationView('a'));
  store.getState().upsertView(conversationView('b'));
  store.getState().receiveMany(a);
  store.getState().receiveMany(b);
  return store.getState();
}
