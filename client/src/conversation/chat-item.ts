// What the chat pane shows: the student's view of the event log turned into rows (messages, cards,
// notices), plus the student's own messages that are still on their way to the server.
import type { CardKind } from '@kefu/shared/conversation/events';
import type { PublicEvent } from '@kefu/shared/protocol';

export type DeliveryStatus = 'pending' | 'sent' | 'failed';
export type AgentSource = 'typed' | 'phrase' | 'action';
export type AgentActionName = 'remindPayment' | 'inviteOrder' | 'sendProductCard' | 'discount' | 'recommend';

export interface BuyerItem {
  kind: 'buyer';
  key: string;
  id: string;
  at: number;
  text: string;
  /** A photo the buyer sent (a picture of the scenario library, e.g. images/bad-oranges.png). */
  image?: string;
}

export interface AgentItem {
  kind: 'agent';
  key: string;
  id: string;
  at: number;
  text: string;
  source: AgentSource;
  phraseId?: string;
  action?: AgentActionName;
  /** A discount card's amount (yuan), a recommendation's product: sent with the card. */
  amount?: number;
  product?: string;
  /** A picture of the library sent with the text (an image phrase's size chart). */
  image?: string;
  card?: CardKind;
  status: DeliveryStatus;
  /** The server's message when it refused the message; absent for network failures. */
  error?: string;
}

export interface OrderItem {
  kind: 'order';
  key: string;
  orderId: string;
  /** The order number shown to people (logs before orders had it lack it). */
  orderNo?: string;
  at: number;
  product: string;
  quantity: number;
  /** What the buyer pays now: after 改价, coupons and recommended items added. */
  amount: number;
  /** The variant (SKU): fact key → option value. */
  sku: Record<string, string>;
  address?: string;
  /** The seller note (备注). */
  note?: string;
  /** Recommended products the buyer added to this order (关联推荐). */
  added: string[];
  paidAt: number | null;
}

export type NoticeKind = 'started' | 'left' | 'leftPatience' | 'leftUnresolved' | 'ended' | 'orderPaid';

export interface NoticeItem {
  kind: 'notice';
  key: string;
  at: number;
  notice: NoticeKind;
}

export type ChatItem = BuyerItem | AgentItem | OrderItem | NoticeItem;

/** The card an action message shows as. */
export function cardOfAction(action: AgentActionName | undefined): CardKind | undefined {
  if (action === 'remindPayment') return 'payment-reminder';
  if (action === 'inviteOrder') return 'order-invite';
  if (action === 'sendProductCard') return 'product';
  if (action === 'discount') return 'discount';
  if (action === 'recommend') return 'recommend';
  return undefined;
}

export function agentItemFromEvent(e: Extract<PublicEvent, { type: 'agent-message' }>): AgentItem {
  const item: AgentItem = {
    kind: 'agent',
    key: `m:${e.id}`,
    id: e.id,
    at: e.at,
    text: e.text,
    source: e.source,
    status: 'sent',
  };
  if (e.phraseId !== undefined) item.phraseId = e.phraseId;
  if (e.action !== undefined) item.action = e.action;
  if (e.amount !== undefined) item.amount = e.amount;
  if (e.product !== undefined) item.product = e.product;
  if (e.image !== undefined) item.image = e.image;
  const card = e.card ?? cardOfAction(e.action);
  if (card !== undefined) item.card = card;
  return item;
}
