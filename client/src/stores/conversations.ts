// The conversations slice: every conversation of this practice and which one is open. Components read
// one conversation (or one field of it) through selectors, so a new message re-renders only its readers.
// Which conversation is open and how far each was read survive a reload (sessionStorage in the app): the
// resync after a reload replays every event, and only buyer lines past the read mark count as unread.
import type { ConversationView, EventEnvelope } from '@kefu/shared/protocol';
import { createStore } from 'zustand/vanilla';
import type { AgentItem } from '../conversation/chat-item.ts';
import {
  type ApplyResult,
  applyEnvelopes,
  type ConversationEntry,
  createEntry,
  upsertOwnMessage,
} from '../conversation/entry.ts';

export interface ConversationsState {
  ids: string[];
  byId: Record<string, ConversationEntry>;
  activeId: string | null;
  /** Per conversation, the seq up to which the student has seen it (it was open). */
  readUpTo: Record<string, number>;
  /** serverTime − Date.now(), so waiting timers count on the server's clock. */
  clockOffset: number;
  upsertView(view: ConversationView): void;
  receive(envelope: EventEnvelope): ApplyResult | 'unknown';
  /** Several envelopes at once (a resync's catch-up): one state change, linear in the history. Returns
   * each envelope's result. */
  receiveMany(envelopes: readonly EventEnvelope[]): (ApplyResult | 'unknown')[];
  addOwn(conversationId: string, item: AgentItem): void;
  setActive(id: string | null): void;
  setServerTime(serverTime: number, localNow?: number): void;
  reset(): void;
}

const STORAGE_KEY = 'kefu.workbench';
/** More than a drill's buyers; older marks are dropped. */
const MAX_MARKS = 100;

function load(storage: Storage | undefined): Pick<ConversationsState, 'activeId' | 'readUpTo'> {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    const parsed = (raw ? JSON.parse(raw) : {}) as { activeId?: unknown; readUpTo?: unknown };
    const marks: Record<string, number> = {};
    if (parsed.readUpTo && typeof parsed.readUpTo === 'object') {
      for (const [id, seq] of Object.entries(parsed.readUpTo)) if (typeof seq === 'number') marks[id] = seq;
    }
    return { activeId: typeof parsed.activeId === 'string' ? parsed.activeId : null, readUpTo: marks };
  } catch {
    return { activeId: null, readUpTo: {} };
  }
}

/** The marks with `id` read up to `seq` (never backwards), bounded. */
function marked(marks: Record<string, number>, id: string, seq: number): Record<string, number> {
  if ((marks[id] ?? 0) >= seq) return marks;
  const { [id]: _old, ...rest } = marks;
  const kept = Object.entries(rest).slice(-(MAX_MARKS - 1));
  return { ...Object.fromEntries(kept), [id]: seq };
}

export function createConversationsStore(storage?: Storage) {
  const store = createStore<ConversationsState>()((set, get) => ({
    ids: [],
    byId: {},
    ...load(storage),
    clockOffset: 0,
    upsertView(view) {
      const { byId, ids, activeId } = get();
      const current = byId[view.id];
      if (current) {
        const ended = current.ended || view.status === 'ended';
        set({ byId: { ...byId, [view.id]: { ...current, view, ended } } });
        return;
      }
      set({
        ids: [...ids, view.id],
        byId: { ...byId, [view.id]: createEntry(view) },
        activeId: activeId ?? view.id,
      });
    },
    receive(envelope) {
      return get().receiveMany([envelope])[0]!;
    },
    receiveMany(envelopes) {
      const { byId, activeId } = get();
      let readUpTo = get().readUpTo;
      const results: (ApplyResult | 'unknown')[] = new Array(envelopes.length);
      const groups = new Map<string, number[]>();
      envelopes.forEach((envelope, index) => {
        const list = groups.get(envelope.conversationId);
        if (list) list.push(index);
        else groups.set(envelope.conversationId, [index]);
      });
      let changed: Record<string, ConversationEntry> | null = null;
      for (const [conversationId, indexes] of groups) {
        const entry = byId[conversationId];
        if (!entry) {
          for (const index of indexes) results[index] = 'unknown';
          continue;
        }
        const batch = indexes.map((index) => envelopes[index]!);
        const { entry: next, results: applied } = applyEnvelopes(entry, batch);
        applied.forEach((result, i) => {
          results[indexes[i]!] = result;
        });
        if (next === entry) continue;
        if (activeId !== conversationId) {
          // Lines already seen before a reload are replayed by the resync: they are not unread again.
          const seen = readUpTo[conversationId] ?? 0;
          const newBuyerLines = batch.filter(
            (e, i) => applied[i] === 'applied' && e.event.type === 'buyer-message' && e.seq > seen,
          );
          next.unread = entry.unread + newBuyerLines.length;
        } else {
          readUpTo = marked(readUpTo, conversationId, next.lastSeq);
        }
        changed ??= {};
        changed[conversationId] = next;
      }
      if (changed) set({ byId: { ...byId, ...changed }, readUpTo });
      return results;
    },
    addOwn(conversationId, item) {
      const { byId } = get();
      const entry = byId[conversationId];
      if (!entry) return;
      let next = upsertOwnMessage(entry, item);
      // The ack carries the server's time of the reply: the turn is over.
      if (item.status === 'sent' && next !== entry) next = { ...next, waitingSince: null };
      if (next !== entry) set({ byId: { ...byId, [conversationId]: next } });
    },
    setActive(id) {
      const { byId, readUpTo } = get();
      const entry = id ? byId[id] : undefined;
      if (!id || !entry) {
        set({ activeId: id });
        return;
      }
      set({
        activeId: id,
        readUpTo: marked(readUpTo, id, entry.lastSeq),
        ...(entry.unread > 0 && { byId: { ...byId, [id]: { ...entry, unread: 0 } } }),
      });
    },
    setServerTime(serverTime, localNow = Date.now()) {
      set({ clockOffset: serverTime - localNow });
    },
    reset() {
      set({ ids: [], byId: {}, activeId: null });
    },
  }));
  if (storage) {
    store.subscribe((state, previous) => {
      if (state.activeId === previous.activeId && state.readUpTo === previous.readUpTo) return;
      try {
        storage.setItem(STORAGE_KEY, JSON.stringify({ activeId: state.activeId, readUpTo: state.readUpTo }));
      } catch {
        // quota or private mode: remembered for this page only
      }
    });
  }
  return store;
}

export type ConversationsStore = ReturnType<typeof createConversationsStore>;
