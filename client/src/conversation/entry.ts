// One conversation as the workbench holds it, and the pure fold that applies the server's events to it.
// Envelopes carry per-conversation seqs: duplicates are dropped, and a gap asks the caller to resync.
import type { ConversationView, EventEnvelope } from '@kefu/shared/protocol';
import { type AgentItem, agentItemFromEvent, type ChatItem, type OrderItem } from './chat-item.ts';

export interface ConversationEntry {
  view: ConversationView;
  items: ChatItem[];
  /** Highest seq applied. */
  lastSeq: number;
  /** Server time of the first buyer message not yet answered (the open turn), or null. */
  waitingSince: number | null;
  /** Server time of the last typing signal, cleared when the buyer's message lands. */
  typingAt: number | null;
  unread: number;
  /** Server time of the latest event, to order conversations that are not waiting. */
  lastActivityAt: number;
  preview: string;
  ended: boolean;
  left: boolean;
}

export type ApplyResult = 'applied' | 'duplicate' | 'gap';

export function createEntry(view: ConversationView): ConversationEntry {
  return {
    view,
    items: [],
    lastSeq: 0,
    waitingSince: null,
    typingAt: null,
    unread: 0,
    lastActivityAt: view.startedAt,
    preview: '',
    ended: view.status === 'ended',
    left: false,
  };
}

export function orderItems(items: readonly ChatItem[]): OrderItem[] {
  return items.filter((item): item is OrderItem => item.kind === 'order');
}

/** Apply one envelope. Returns the same entry object when nothing changed. */
export function applyEnvelope(
  entry: ConversationEntry,
  envelope: EventEnvelope,
): { entry: ConversationEntry; result: ApplyResult } {
  if (envelope.seq <= entry.lastSeq) return { entry, result: 'duplicate' };
  if (envelope.prevSeq > entry.lastSeq) return { entry, result: 'gap' };
  const e = envelope.event;
  const next: ConversationEntry = { ...entry, lastSeq: envelope.seq, lastActivityAt: e.at };
  switch (e.type) {
    case 'started':
      next.items = [
        ...entry.items,
        { kind: 'notice', key: `s:${envelope.seq}`, at: e.at, notice: 'started' },
      ];
      break;
    case 'buyer-typing':
      next.typingAt = e.at;
      next.lastActivityAt = entry.lastActivityAt;
      break;
    case 'buyer-message':
      next.items = [...entry.items, { kind: 'buyer', key: `m:${e.id}`, id: e.id, at: e.at, text: e.text }];
      next.typingAt = null;
      next.waitingSince = entry.waitingSince ?? e.at;
      next.preview = e.text;
      break;
    case 'agent-message': {
      const item = agentItemFromEvent(e);
      const index = entry.items.findIndex((i) => i.kind === 'agent' && i.id === e.id);
      // Our own optimistic copy becomes the server's (same client id), keeping its place in the list.
      next.items = index === -1 ? [...entry.items, item] : replaceAt(entry.items, index, item);
      next.waitingSince = null;
      next.preview = e.text;
      break;
    }
    case 'order-placed':
      next.items = [
        ...entry.items,
        {
          kind: 'order',
          key: `o:${e.orderId}`,
          orderId: e.orderId,
          at: e.at,
          product: e.product,
          quantity: e.quantity,
          amount: e.amount,
          paidAt: null,
        },
      ];
      break;
    case 'order-paid': {
      const index = entry.items.findIndex((i) => i.kind === 'order' && i.orderId === e.orderId);
      const items =
        index === -1 ? entry.items : replaceAt(entry.items, index, paid(entry.items[index], e.at));
      next.items = [...items, { kind: 'notice', key: `p:${envelope.seq}`, at: e.at, notice: 'orderPaid' }];
      break;
    }
    case 'buyer-left':
      next.items = [
        ...entry.items,
        {
          kind: 'notice',
          key: `l:${envelope.seq}`,
          at: e.at,
          notice: e.reason === 'patience' ? 'leftPatience' : 'left',
        },
      ];
      next.left = true;
      next.typingAt = null;
      next.waitingSince = null;
      break;
    case 'ended':
      next.items = [...entry.items, { kind: 'notice', key: `e:${envelope.seq}`, at: e.at, notice: 'ended' }];
      next.ended = true;
      next.typingAt = null;
      next.waitingSince = null;
      next.view = { ...entry.view, status: 'ended', endedAt: e.at };
      break;
  }
  return { entry: next, result: 'applied' };
}

function paid(item: ChatItem | undefined, at: number): ChatItem {
  return item?.kind === 'order' ? { ...item, paidAt: at } : (item as ChatItem);
}

function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  const copy = list.slice();
  copy[index] = value;
  return copy;
}

/** Add the student's message before the server has it (optimistic), or update its delivery state. */
export function upsertOwnMessage(entry: ConversationEntry, item: AgentItem): ConversationEntry {
  const index = entry.items.findIndex((i) => i.kind === 'agent' && i.id === item.id);
  if (index === -1) return { ...entry, items: [...entry.items, item], preview: item.text };
  const current = entry.items[index] as AgentItem;
  // The server's copy already arrived: it wins over a late ack or failure.
  if (current.status === 'sent') return entry;
  return { ...entry, items: replaceAt(entry.items, index, item) };
}
