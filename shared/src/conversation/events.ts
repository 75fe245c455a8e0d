// The conversation event log: everything that happens in one reception is one of these, appended in order.
// Live state, reconnect catch-up, restart recovery, `kefu play` and every report are folds over this log.
import { z } from 'zod';
import { AGENT_ACTIONS, IMAGE_PATH, MAX_ORDER_TEXT, yuan } from '../scenario/schema.ts';

export const CARD_KINDS = ['payment-reminder', 'order-invite', 'product', 'discount', 'recommend'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

import { MAX_MESSAGE_CHARS } from '../api/limits.ts';

export { MAX_MESSAGE_CHARS };

/** Actions that send a message (a card in the chat). `updateOrder` changes the order instead: see OrderUpdate. */
export const MESSAGE_ACTIONS = AGENT_ACTIONS.filter(
  (a): a is Exclude<(typeof AGENT_ACTIONS)[number], 'updateOrder'> => a !== 'updateOrder',
);

const clientId = z.string().min(1).max(64);
const assetName = z.string().regex(IMAGE_PATH, '图片只能是场景库 images/ 文件夹里的图片');
/** The most a single 改价 or coupon may give (yuan): a guard against typos, not the shop's concession. */
export const MAX_DISCOUNT_YUAN = 100_000;

/**
 * What the agent (the student) sends. `id` is the client-generated id that makes sending idempotent.
 * A `discount` card carries its `amount` (yuan), a `recommend` card the catalogue `product` it recommends;
 * an image quick phrase carries its `image`.
 */
export const AgentMessageSchema = z
  .object({
    id: clientId,
    text: z.string().max(MAX_MESSAGE_CHARS),
    source: z.enum(['typed', 'phrase', 'action']),
    phraseId: z.string().optional(),
    action: z.enum(MESSAGE_ACTIONS).optional(),
    image: assetName.optional(),
    amount: yuan.max(MAX_DISCOUNT_YUAN, `一次最多让利 ${MAX_DISCOUNT_YUAN} 元`).optional(),
    product: z.string().min(1).max(64).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if ((m.action === 'discount') !== (m.amount !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: '优惠（discount）要写且只有它能写金额 amount',
      });
    }
    if ((m.action === 'recommend') !== (m.product !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['product'],
        message: '关联推荐（recommend）要写且只有它能写商品 product',
      });
    }
  });
export type AgentMessage = z.infer<typeof AgentMessageSchema>;

/**
 * The seller changes an order (修改地址 / 修改款式 / 备注). Not a chat message: the buyer sees it on their order.
 * `id` makes it idempotent like a message id; without `orderId` it changes the buyer's latest order.
 */
export const OrderUpdateSchema = z
  .object({
    id: clientId,
    orderId: z.string().min(1).max(64).optional(),
    address: z.string().trim().min(1, '地址不能为空').max(MAX_ORDER_TEXT).optional(),
    option: z.string().trim().min(1, '款式不能为空').max(64).optional(),
    note: z.string().trim().max(MAX_ORDER_TEXT).optional(),
  })
  .strict()
  .refine((u) => u.address !== undefined || u.option !== undefined || u.note !== undefined, {
    message: '要改地址、款式或备注中的至少一项',
  });
export type OrderUpdate = z.infer<typeof OrderUpdateSchema>;

/** The variant an order is for: fact key → option value, e.g. { colour: 黑色, size: M码 } (SKU). */
export type Sku = Record<string, string>;

export type ConversationEvent =
  /** `arrivesAt`: the buyer's first message comes then, not at once (the buyers of a random mix arrive one by one). */
  | {
      type: 'started';
      at: number;
      scenarioId: string;
      scenarioVersion: string;
      seed: number;
      arrivesAt?: number;
    }
  | { type: 'buyer-typing'; at: number }
  | {
      type: 'buyer-message';
      at: number;
      id: string;
      text: string;
      beat: string;
      line: number;
      /** A photo the buyer sent with the line (an image of the library). */
      image?: string;
    }
  | ({ type: 'agent-message'; at: number; card?: CardKind } & AgentMessage)
  | {
      type: 'order-placed';
      at: number;
      orderId: string;
      product: string;
      quantity: number;
      /** What the buyer pays: price × quantity less `discount`. */
      amount: number;
      /** The order number shown to people (logs before orders had it lack it). */
      orderNo?: string;
      sku?: Sku;
      address?: string;
      /** A coupon the agent sent earlier, taken off this order (yuan). */
      discount?: number;
      /** Placed for a recommended product (关联推荐) after the first order was paid: the card's message id. */
      recommendedBy?: string;
    }
  | { type: 'order-paid'; at: number; orderId: string }
  /** The seller changed an order: the fields given are its new values (`sku` is the whole variant after it). */
  | ({ type: 'order-updated'; at: number; orderId: string; sku?: Sku } & Omit<OrderUpdate, 'orderId'>)
  /** A discount card on an unpaid order changed its price (改价): `amount` is the new total. */
  | {
      type: 'order-repriced';
      at: number;
      orderId: string;
      amount: number;
      discount: number;
      messageId: string;
    }
  /** The buyer took a recommended product (关联推荐) into an order: its total grew by `amount`. */
  | {
      type: 'order-item-added';
      at: number;
      orderId: string;
      product: string;
      amount: number;
      messageId: string;
    }
  /** The buyer went quiet on purpose (a silence beat): the agent should follow up before `until`. */
  | { type: 'buyer-quiet'; at: number; until: number }
  /**
   * The buyer left: `scripted` (a `leave` beat), `quiet` (an invite or follow-up window closed), or `patience`
   * (a reply/answers/change await ran out). With `patience`, `waitingFor` says what the buyer was still
   * waiting for (docs/shopper-semantics.md); logs written before it lack it and scoring reads it off the log.
   */
  | {
      type: 'buyer-left';
      at: number;
      reason: 'patience' | 'scripted' | 'quiet';
      waitingFor?: WaitingFor;
      /** With `answers`: the buyer messages (asks, objections) the buyer gave up on, oldest first. */
      open?: string[];
      /** With `change`: the fields of the requested change the order still did not show. */
      fields?: ('address' | 'option' | 'note')[];
    }
  /** `stopped`: a drill ended; `abandoned`: the student ended a solo practice (结束练习), which is not graded. */
  | { type: 'ended'; at: number; reason: EndReason }
  /** The shopper's reading of one agent message, logged so scoring folds the same judgement the buyer reacted to. */
  | ({ type: 'reply-judged'; at: number; messageId: string } & ReplyJudgement);

/**
 * How the shopper read one agent message. Buyer lines are named by their buyer-message id.
 * Internal: never shown to the student while practising (instructors' monitor and reports use it).
 */
export interface ReplyJudgement {
  /** Buyer messages that were waiting for a reply when this message arrived (the turn it ends). */
  openMessages: string[];
  /** Questions (buyer-message ids with an `ask`) open before this reply. */
  openAsks: string[];
  /** Open questions whose fact this reply stated correctly. */
  stated: string[];
  /** Open questions this reply dodged: it said something of substance but stated none of the open facts. */
  evaded: string[];
  /** Catalogue fact refs (product.key[.option]) this reply contradicts. */
  contradicted: string[];
  /** Open objections (buyer-message ids) this reply addressed. */
  addressed: string[];
  /** Open objections this reply left unaddressed (it was substantive but did not speak to the concern). */
  ignoredObjections: string[];
  /** The reply only fits another topic than every open question (答非所问). */
  irrelevant: boolean;
  topics: string[];
  invites: boolean;
  reminds: boolean;
  acknowledges: boolean;
  holds: boolean;
  /** Greeting/hold/thanks only: no substance to judge. */
  courtesyOnly: boolean;
  /** The reply says an order change is done (改好了, 已备注…); logs judged before orders lack it. */
  confirmsChange?: boolean;
  // Fields below were added with the word-level judge; logs written before it lack them (read as absent).
  /** Open questions this reply answered wrongly (it contradicted the asked fact): wrong-fact, not evaded. */
  wrong?: string[];
  /**
   * Open questions a reply answering another one passed over (A类的亲 to 是A类吗？开档吗？): trainers call
   * them dodged, but the buyer waits for the next message, and question-evaded charges them only if they
   * are never answered.
   */
  passedOver?: string[];
  /** A real follow-up of a quiet buyer (reaches out, asks, offers help); a bare 好的 / 嗯嗯 / goodbye is not. */
  followsUp?: boolean;
  /** Leads the buyer off the platform: WeChat/QQ/phone numbers, private transfer (引导站外交易). */
  offPlatform?: boolean;
  /** An advertising-law absolute claim (最好/第一/顶级/100%不…/国家级/万能…). */
  bannedClaim?: boolean;
  /** Impolite or insulting wording (不文明用语). */
  rude?: boolean;
  /** The words that raised each compliance flag, as written in the reply, for explanations. */
  flagged?: { offPlatform?: string; bannedClaim?: string; rude?: string };
}

/**
 * What a buyer who ran out of patience was still waiting for: `reply` — their latest message had no reply;
 * `answers` — every message had one, but a question or concern was never answered; `change` — the order change
 * they asked for was never made.
 */
export type WaitingFor = 'reply' | 'answers' | 'change';

export type ConversationEventType = ConversationEvent['type'];
export type EndReason = 'finished' | 'buyer-left' | 'unpaid' | 'stopped' | 'abandoned';

/** What drives the shopper machine. Wake-ups are not logged: they are derived from the machine's own wakeAt. */
export type ShopperInput =
  | { type: 'agent-message'; message: AgentMessage }
  | { type: 'order-update'; update: OrderUpdate }
  | { type: 'wake' }
  | { type: 'stop'; reason?: 'stopped' | 'abandoned' };
