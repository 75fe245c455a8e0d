// What clients see of a conversation: its summary and its log filtered for students.
import {
  allowedConcession,
  benchmarksOf,
  type ConversationView,
  type EventEnvelope,
  type ShopperContext,
  toPublicEvent,
} from '@kefu/shared';
import type { StoredEvent } from '../db/event-log.ts';
import type { ConversationsTable } from '../db/schema.ts';

export function conversationView(
  row: ConversationsTable,
  ctx: ShopperContext,
  head?: { lastSeq: number; endedAt: number | null },
): ConversationView {
  const { persona } = ctx.scenario;
  const endedAt = head ? head.endedAt : row.ended_at;
  const buyer: ConversationView['buyer'] = {
    name: persona.name,
    returning: persona.returning,
    orders: persona.orders,
  };
  if (persona.avatar !== undefined) buyer.avatar = persona.avatar;
  if (persona.membership !== undefined) buyer.membership = persona.membership;
  return {
    id: row.id,
    studentId: row.student_id,
    scenarioId: row.scenario_id,
    scenarioTitle: ctx.scenario.title,
    drillId: row.drill_id,
    status: endedAt === null ? 'open' : 'ended',
    startedAt: row.started_at,
    endedAt,
    buyer,
    products: ctx.scenario.products,
    maxDiscount: allowedConcession({
      scenario: ctx.scenario,
      thresholds: ctx.thresholds,
      products: ctx.library.products,
    }),
    lastSeq: head ? head.lastSeq : row.last_seq,
    benchmarks: benchmarksOf(ctx.rubric.thresholds),
  };
}

/**
 * The student's envelopes for `stored` (which must be the log from its first event, so `prevSeq` chains),
 * keeping those after `afterSeq`.
 */
export function publicEnvelopes(
  conversationId: string,
  stored: readonly StoredEvent[],
  afterSeq = 0,
): EventEnvelope[] {
  const out: EventEnvelope[] = [];
  let prevSeq = 0;
  for (const { seq, event } of stored) {
    const view = toPublicEvent(event);
    if (view === null) continue;
    if (seq > afterSeq) out.push({ conversationId, seq, prevSeq, event: view });
    prevSeq = seq;
  }
  return out;
}

/** Envelopes for freshly committed events, continuing the chain from `prevPublicSeq`. */
export function envelopesFrom(
  conversationId: string,
  stored: readonly StoredEvent[],
  prevPublicSeq: number,
): EventEnvelope[] {
  const out: EventEnvelope[] = [];
  let prevSeq = prevPublicSeq;
  for (const { seq, event } of stored) {
    const view = toPublicEvent(event);
    if (view === null) continue;
    out.push({ conversationId, seq, prevSeq, event: view });
    prevSeq = seq;
  }
  return out;
}
