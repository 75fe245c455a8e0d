// The conversation event log: everything that happens in one reception is one of these, appended in order.
// Live state, reconnect catch-up, restart recovery, `kefu play` and every report are folds over this log.
import { z } from 'zod';
import { AGENT_ACTIONS } from '../scenario/schema.ts';

export const CARD_KINDS = ['payment-reminder', 'order-invite', 'product'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** Longest agent message (characters): the log refuses longer ones and the workbench counts towards it. */
export const MAX_MESSAGE_CHARS = 2000;

/** What the agent (the student) sends. `id` is the client-generated id that makes sending idempotent. */
export const AgentMessageSchema = z
  .object({
    id: z.string().min(1).max(64),
    text: z.string().max(MAX_MESSAGE_CHARS),
    source: z.enum(['typed', 'phrase', 'action']),
    phraseId: z.string().optional(),
    action: z.enum(AGENT_ACTIONS).optional(),
  })
  .strict();
export type AgentMessage = z.infer<typeof AgentMessageSchema>;

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
  | { type: 'buyer-message'; at: number; id: string; text: string; beat: string; line: number }
  | ({ type: 'agent-message'; at: number; card?: CardKind } & AgentMessage)
  | { type: 'order-placed'; at: number; orderId: string; product: string; quantity: number; amount: number }
  | { type: 'order-paid'; at: number; orderId: string }
  /** The buyer went quiet on purpose (a silence beat): the agent should follow up before `until`. */
  | { type: 'buyer-quiet'; at: number; until: number }
  | { type: 'buyer-left'; at: number; reason: 'patience' | 'scripted' | 'quiet' }
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
  // Fields below were added with the word-level judge; logs written before it lack them (read as absent).
  /** Open questions this reply answered wrongly (it contradicted the asked fact): wrong-fact, not evaded. */
  wrong?: string[];
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

export type ConversationEventType = ConversationEvent['type'];
export type EndReason = 'finished' | 'buyer-left' | 'unpaid' | 'stopped' | 'abandoned';

/** What drives the shopper machine. Wake-ups are not logged: they are derived from the machine's own wakeAt. */
export type ShopperInput =
  | { type: 'agent-message'; message: AgentMessage }
  | { type: 'wake' }
  | { type: 'stop'; reason?: 'stopped' | 'abandoned' };
