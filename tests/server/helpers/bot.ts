// A student bot that plays an agent script over the real socket, on the manual clock, following the same
// timing rules as the virtual-clock simulation: an entry fires `after` seconds past the buyer
// message it waits for (or the previous entry / the latest order), and a shopper wake-up due no later than
// the next entry happens first.
import {
  type AgentScript,
  type EventEnvelope,
  type ResyncAck,
  type SendAck,
  type ShopperContext,
  scriptFireTime,
} from '@kefu/shared';
import type { ManualClock } from './manual-clock.ts';
import { scriptRequest } from './script-request.ts';
import { type LiveClient, request } from './server.ts';

export interface BotRun {
  /** Every envelope, in seq order, as the student holds them (live events, gaps filled by resync). */
  envelopes: EventEnvelope[];
  acks: SendAck[];
}

/** Brings the client up to date: asks for everything after its last seq (the ack follows the live events). */
export async function catchUp(client: LiveClient, conversationId: string, held: Map<number, EventEnvelope>) {
  const last = Math.max(0, ...held.keys());
  const ack = await request<ResyncAck>(client.socket, 'conversation:resync', {
    conversationId,
    afterSeq: last,
  });
  if (!ack.ok) throw new Error(`resync failed: ${ack.error.message}`);
  for (const e of client.events) if (e.conversationId === conversationId) held.set(e.seq, e);
  for (const e of ack.events) held.set(e.seq, e);
  return ack;
}

export async function playOverSocket(
  client: LiveClient,
  clock: ManualClock,
  ctx: ShopperContext,
  conversationId: string,
  startedAt: number,
  script: AgentScript,
): Promise<BotRun> {
  const held = new Map<number, EventEnvelope>();
  const acks: SendAck[] = [];
  let next = 0;
  let previousAt = startedAt;
  for (let guard = 0; guard < 1000; guard++) {
    const ack = await catchUp(client, conversationId, held);
    if (ack.ok && ack.conversation.status === 'ended') break;
    const events = [...held.values()].sort((a, b) => a.seq - b.seq).map((e) => e.event);
    const step = script[next];
    const fire = step === undefined ? null : scriptFireTime(step, events, previousAt, next === 0);
    const wake = clock.nextDue();
    if (wake !== null && (fire === null || wake <= fire)) {
      await clock.advanceTo(wake);
    } else if (step !== undefined && fire !== null) {
      await clock.advanceTo(fire);
      const { event, payload } = scriptRequest(ctx, conversationId, step, `a${next + 1}`, events);
      acks.push(await request<SendAck>(client.socket, event, payload));
      previousAt = fire;
      next++;
    } else break;
  }
  return { envelopes: [...held.values()].sort((a, b) => a.seq - b.seq), acks };
}
