// Conversations as clients see them: the student's view of the event log (derived from the log's own event
// types), envelopes with their seq chain, conversation summaries, and starting solo practice.
import { z } from 'zod';
import {
  AgentMessageSchema,
  type ConversationEvent,
  type ConversationEventType,
  MAX_MESSAGE_CHARS,
  OrderUpdateSchema,
} from '../conversation/events.ts';
import type { Persona } from '../scenario/schema.ts';
import { entityId, scenarioId } from './fields.ts';

type EventOf<T extends ConversationEventType> = Extract<ConversationEvent, { type: T }>;

/**
 * The fields of each logged event a student may see; null: the whole event is internal (judgements, the
 * scripted silence). A list of what is shown, not of what is hidden, so a new field stays private until
 * someone decides otherwise — and a new event type does not compile until it is listed here.
 */
const VISIBLE = {
  started: ['type', 'at'],
  'buyer-typing': ['type', 'at'],
  'buyer-message': ['type', 'at', 'id', 'text', 'image'],
  'agent-message': [
    'type',
    'at',
    'id',
    'text',
    'source',
    'phraseId',
    'action',
    'card',
    'image',
    'amount',
    'product',
  ],
  'order-placed': [
    'type',
    'at',
    'orderId',
    'product',
    'quantity',
    'amount',
    'orderNo',
    'sku',
    'address',
    'discount',
    'recommendedBy',
  ],
  'order-paid': ['type', 'at', 'orderId'],
  'order-updated': ['type', 'at', 'id', 'orderId', 'address', 'option', 'note', 'sku'],
  'order-repriced': ['type', 'at', 'orderId', 'amount', 'discount', 'messageId'],
  'order-item-added': ['type', 'at', 'orderId', 'product', 'amount', 'messageId'],
  'buyer-left': ['type', 'at', 'reason', 'waitingFor'],
  ended: ['type', 'at', 'reason'],
  'buyer-quiet': null,
  'reply-judged': null,
} as const satisfies { [T in ConversationEventType]: readonly (keyof EventOf<T>)[] | null };

type PublicEventType = {
  [T in ConversationEventType]: (typeof VISIBLE)[T] extends null ? never : T;
}[ConversationEventType];
type VisibleKeys<T extends PublicEventType> = (typeof VISIBLE)[T] extends readonly (infer K)[] ? K : never;
/** What a student may see of one logged event. */
export type PublicEvent = {
  [T in PublicEventType]: Pick<EventOf<T>, VisibleKeys<T> & keyof EventOf<T>>;
}[PublicEventType];

/** The student's view of one logged event, or null when students must not see it. */
export function toPublicEvent(e: ConversationEvent): PublicEvent | null {
  const fields: readonly string[] | null = VISIBLE[e.type];
  if (fields === null) return null;
  const source = e as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of fields) if (source[key] !== undefined) out[key] = source[key];
  // Built from VISIBLE[e.type], which the PublicEvent type is derived from.
  return out as PublicEvent;
}

/**
 * One event of one conversation as delivered. `seq` is its position in the log (1-based); hidden events
 * leave gaps, so `prevSeq` names the previous event this viewer could see (0 for the first): when it is not
 * the last seq you hold, you missed something and resync.
 */
export const EventEnvelopeSchema = z.object({
  conversationId: z.string(),
  seq: z.number(),
  prevSeq: z.number(),
  event: z.custom<PublicEvent>(),
});
export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;

export const CONVERSATION_STATUSES = ['open', 'ended'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** The buyer as the workbench's sidebar shows them (from the scenario's persona). */
export type BuyerProfile = Pick<Persona, 'name' | 'avatar' | 'returning' | 'membership' | 'orders'>;

/** The response benchmarks of the rubric in force (seconds): the workbench's and the monitor's wait colours. */
export const BenchmarksSchema = z.object({ firstResponseSeconds: z.number(), responseSeconds: z.number() });

export const ConversationViewSchema = z.object({
  id: z.string(),
  studentId: z.string(),
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  /** The drill it belongs to; null for solo practice. */
  drillId: z.string().nullable(),
  status: z.enum(CONVERSATION_STATUSES),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  buyer: z.custom<BuyerProfile>(),
  /** Product ids the buyer asks about (look them up in the catalogue). */
  products: z.array(z.string()),
  /** The most 改价 and coupons may give away in this conversation (yuan), as the shop authorises it. */
  maxDiscount: z.number(),
  /** Seq of the last event in the log (hidden ones included): compare with the last seq you hold. */
  lastSeq: z.number(),
  /** The benchmarks its rubric sets (the class's rubric for a drill). */
  benchmarks: BenchmarksSchema,
});
export type ConversationView = z.infer<typeof ConversationViewSchema>;

export const StartPracticeBodySchema = z
  .union([
    z.object({ scenarioId }).strict(),
    z.object({ mix: z.number().int().min(1, '至少 1 位买家').max(5, '单人练习最多同时 5 位买家') }).strict(),
  ])
  .describe('{ scenarioId } 或 { mix: 买家人数 }');
export type StartPracticeBody = z.infer<typeof StartPracticeBodySchema>;
export const PracticeResponseSchema = z.object({ conversations: z.array(ConversationViewSchema) });
export type PracticeResponse = z.infer<typeof PracticeResponseSchema>;

export const ConversationsQuerySchema = z.object({
  status: z.enum(CONVERSATION_STATUSES, 'status 只能是 open 或 ended').optional(),
});
export const ConversationsResponseSchema = z.object({
  conversations: z.array(ConversationViewSchema),
  serverTime: z.number(),
});
export type ConversationsResponse = z.infer<typeof ConversationsResponseSchema>;
export const ConversationDetailResponseSchema = z.object({
  conversation: ConversationViewSchema,
  events: z.array(EventEnvelopeSchema),
  serverTime: z.number(),
});
export type ConversationDetailResponse = z.infer<typeof ConversationDetailResponseSchema>;

// ── Live: the socket's conversation events ──

/**
 * The agent's message as sent: the log's own schema, with the length limit reported as `too-long` (a
 * person's mistake to fix by splitting the message, not a malformed request). `safeExtend` keeps the log
 * schema's card checks (a discount names its amount, a recommendation its product).
 */
const SentMessageSchema = AgentMessageSchema.safeExtend({
  text: z.string().refine((text) => text.length <= MAX_MESSAGE_CHARS, {
    params: { code: 'too-long', max: MAX_MESSAGE_CHARS },
  }),
});
export const SendPayloadSchema = z.object({ conversationId: entityId, message: SentMessageSchema }).strict();
export type SendPayload = z.infer<typeof SendPayloadSchema>;
/**
 * `duplicate`: this message id was already stored; nothing changed. `events`: the student-visible events of
 * the step that stored it, in seq order — the sending socket gets them here instead of as `conversation:event`
 * (one frame instead of two); the student's other sockets get them as events. Empty for a duplicate.
 */
export const SendAckSchema = z.object({
  seq: z.number(),
  at: z.number(),
  duplicate: z.boolean(),
  events: z.array(EventEnvelopeSchema),
});
export type SendAckBody = z.infer<typeof SendAckSchema>;

/** The seller changes an order (address, variant, note); idempotent by the update's id, acked like a send. */
export const OrderPayloadSchema = z.object({ conversationId: entityId, update: OrderUpdateSchema }).strict();
export type OrderPayload = z.infer<typeof OrderPayloadSchema>;

export const ResyncPayloadSchema = z
  .object({ conversationId: entityId, afterSeq: z.number().int().nonnegative() })
  .strict();
export type ResyncPayload = z.infer<typeof ResyncPayloadSchema>;
export const ResyncAckSchema = z.object({
  conversation: ConversationViewSchema,
  events: z.array(EventEnvelopeSchema),
  serverTime: z.number(),
});
