// The conversations slice: every conversation of this practice and which one is open. Components read
// one conversation (or one field of it) through selectors, so a new message re-renders only its readers.
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

export function createConversationsStore() {
  return createStore<ConversationsState>()((set, get) => ({
    ids: [],
    byId: {},
    activeId: null,
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
          const newBuyerLines = batch.filter(
            (e, i) => applied[i] === 'applied' && e.event.type === 'buyer-message',
          );
          next.unread = entry.unread + newBuyerLines.length;
        }
        changed ??= {};
        changed[conversationId] = next;
      }
      if (changed) set({ byId: { ...byId, ...changed } });
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
      const { byId } = get();
      const entry = id ? byId[id] : undefined;
      if (id && entry && entry.unread > 0) {
        set({ activeId: id, byId: { ...byId, [id]: { ...entry, unread: 0 } } });
      } else {
        set({ activeId: id });
      }
    },
    setServerTime(serverTime, localNow = Date.now()) {
      set({ clockOffset: serverTime - localNow });
    },
    reset() {
      set({ ids: [], byId: {}, activeId: null });
    },
  }));
}

export type ConversationsStore = ReturnType<typeof createConversationsStore>;
