// One conversation as the workbench holds it, and the pure fold that applies the server's events to it.
// Envelopes carry per-conversation seqs: duplicates are dropped, and a gap asks the caller to resync.
import type { ConversationView, EventEnvelope } from '@kefu/shared/protocol';
import { openTurnSince } from '@kefu/shared/scoring/turns';
import { type AgentItem, agentItemFromEvent, type ChatItem, type OrderItem } from './chat-item.ts';

export interface ConversationEntry {
  view: ConversationView;
  items: ChatItem[];
  /** Highest seq applied. */
  lastSeq: number;
  /** Server time of the first buyer message not yet answered (the open turn, as scoring counts it), or null. */
  waitingSince: number | null;
  /** Server time of the last typing signal, cleared when the buyer's message lands. */
  typingAt: number | null;
  unread: number;
  /** Server time of the latest event, to order conversations that are not waiting. */
  lastActivityAt: number;
  preview: string;
  ended: boolean;
  left: boolean;
  /** The buyer has written (a random mix's later buyers are opened before they walk in). */
  arrived: boolean;
  /** Own messages shown before the server's event for them arrived (so history replays skip the search). */
  unconfirmed: number;
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
    arrived: view.status === 'ended',
    unconfirmed: 0,
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
  const { entry: next, results } = applyEnvelopes(entry, [envelope]);
  return { entry: next, result: results[0]! };
}

/**
 * Apply envelopes in order (a resync's catch-up, a replayed log). The items list is copied once, not once
 * per event, so catching up on thousands of events stays linear. Returns the same entry object when
 * nothing changed, and each envelope's result.
 */
export function applyEnvelopes(
  entry: ConversationEntry,
  envelopes: readonly EventEnvelope[],
): { entry: ConversationEntry; results: ApplyResult[] } {
  let draft: ConversationEntry | null = null;
  const results = envelopes.map((envelope): ApplyResult => {
    const current = draft ?? entry;
    if (envelope.seq <= current.lastSeq) return 'duplicate';
    if (envelope.prevSeq > current.lastSeq) return 'gap';
    draft ??= { ...entry, items: entry.items.slice() };
    applyInto(draft, envelope);
    return 'applied';
  });
  return { entry: draft ?? entry, results };
}

/** Apply one in-order envelope to a draft that owns its items array. */
function applyInto(next: ConversationEntry, envelope: EventEnvelope): void {
  const e = envelope.event;
  const items = next.items;
  const previousActivity = next.lastActivityAt;
  next.lastSeq = envelope.seq;
  next.lastActivityAt = e.at;
  switch (e.type) {
    case 'started':
      items.push({ kind: 'notice', key: `s:${envelope.seq}`, at: e.at, notice: 'started' });
      break;
    case 'buyer-typing':
      next.typingAt = e.at;
      next.lastActivityAt = previousActivity;
      break;
    case 'buyer-message':
      items.push({
        kind: 'buyer',
        key: `m:${e.id}`,
        id: e.id,
        at: e.at,
        text: e.text,
        ...(e.image !== undefined && { image: e.image }),
      });
      next.typingAt = null;
      next.waitingSince = openTurnSince(next.waitingSince, e);
      next.preview = e.text;
      next.arrived = true;
      break;
    case 'agent-message': {
      const item = agentItemFromEvent(e);
      const index =
        next.unconfirmed > 0 ? lastIndexWhere(items, (i) => i.kind === 'agent' && i.id === e.id) : -1;
      if (index === -1) {
        items.push(item);
      } else {
        // Our own optimistic copy becomes the server's (same client id) and takes the place the log gives
        // it: after every event stored before it (buyer lines that came while it was on its way, e.g.
        // offline), before own messages still unconfirmed. Usually that is where it already stands.
        items.splice(index, 1);
        let at = index;
        while (at < items.length && !isUnconfirmedOwn(items[at]!)) at++;
        items.splice(at, 0, item);
        next.unconfirmed -= 1;
      }
      next.waitingSince = openTurnSince(next.waitingSince, e);
      next.preview = e.text;
      break;
    }
    case 'order-placed':
      items.push({
        kind: 'order',
        key: `o:${e.orderId}`,
        orderId: e.orderId,
        at: e.at,
        product: e.product,
        quantity: e.quantity,
        amount: e.amount,
        sku: { ...e.sku },
        added: [],
        paidAt: null,
        ...(e.orderNo !== undefined && { orderNo: e.orderNo }),
        ...(e.address !== undefined && { address: e.address }),
      });
      break;
    case 'order-updated':
      changeOrder(items, e.orderId, (order) => ({
        ...order,
        ...(e.sku !== undefined && { sku: { ...e.sku } }),
        ...(e.address !== undefined && { address: e.address }),
        ...(e.note !== undefined && { note: e.note }),
      }));
      break;
    case 'order-repriced':
      changeOrder(items, e.orderId, (order) => ({ ...order, amount: e.amount }));
      break;
    case 'order-item-added':
      changeOrder(items, e.orderId, (order) => ({
        ...order,
        amount: Math.round((order.amount + e.amount) * 100) / 100,
        added: [...order.added, e.product],
      }));
      break;
    case 'order-paid': {
      const index = lastIndexWhere(items, (i) => i.kind === 'order' && i.orderId === e.orderId);
      if (index !== -1) items[index] = paid(items[index], e.at);
      items.push({ kind: 'notice', key: `p:${envelope.seq}`, at: e.at, notice: 'orderPaid' });
      break;
    }
    case 'buyer-left':
      items.push({
        kind: 'notice',
        key: `l:${envelope.seq}`,
        at: e.at,
        // Why, only when the shopper said so: out of patience for a reply, or for an answer or order change
        // that never came (a log written before waitingFor says just that the buyer left).
        notice:
          e.reason !== 'patience' || e.waitingFor === undefined
            ? 'left'
            : e.waitingFor === 'reply'
              ? 'leftPatience'
              : 'leftUnresolved',
      });
      next.left = true;
      next.typingAt = null;
      next.waitingSince = null;
      break;
    case 'ended':
      items.push({ kind: 'notice', key: `e:${envelope.seq}`, at: e.at, notice: 'ended' });
      next.ended = true;
      next.arrived = true;
      next.typingAt = null;
      next.waitingSince = null;
      next.view = { ...next.view, status: 'ended', endedAt: e.at };
      break;
  }
}

function isUnconfirmedOwn(item: ChatItem): boolean {
  return item.kind === 'agent' && item.status !== 'sent';
}

/** Own messages and orders are looked up from the end: the one sought is almost always recent. */
function lastIndexWhere<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}

/** Replaces the order's item with its changed copy (items are immutable: rows re-render by identity). */
function changeOrder(items: ChatItem[], orderId: string, change: (order: OrderItem) => OrderItem): void {
  const index = lastIndexWhere(items, (i) => i.kind === 'order' && i.orderId === orderId);
  if (index !== -1) items[index] = change(items[index] as OrderItem);
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
  const index = lastIndexWhere(entry.items, (i) => i.kind === 'agent' && i.id === item.id);
  if (index === -1) {
    return {
      ...entry,
      items: [...entry.items, item],
      preview: item.text,
      unconfirmed: entry.unconfirmed + 1,
    };
  }
  const current = entry.items[index] as AgentItem;
  // The server's copy already arrived: it wins over a late ack or failure.
  if (current.status === 'sent') return entry;
  return { ...entry, items: replaceAt(entry.items, index, item) };
}
