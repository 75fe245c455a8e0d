// Delivery guarantees: a reconnecting client gets exactly what it missed, in order, from the database;
// a repeated client message id is a no-op that acks the stored seq again.
import {
  type ConversationDetailResponse,
  type EventEnvelope,
  type PracticeResponse,
  type ResyncAck,
  type SendAck,
  SIMULATION_EPOCH,
} from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
  connect,
  request,
  seedUser,
  startServer,
  type TestServer,
  type TestUser,
} from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;
let student: TestUser;

beforeAll(async () => {
  clock = new ManualClock(SIMULATION_EPOCH);
  server = await startServer({ clock, seedSource: () => 7 });
  student = await seedUser(server.app, 'student');
});
afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

const byConversation = (events: EventEnvelope[], id: string) => events.filter((e) => e.conversationId === id);

async function startPractice(scenarioId: string): Promise<string> {
  const res = await api<PracticeResponse>(server, 'POST', '/api/practice', {
    as: student,
    body: { scenarioId },
  });
  expect(res.status).toBe(200);
  return res.body.conversations[0]!.id;
}

async function storedLog(id: string): Promise<EventEnvelope[]> {
  const res = await api<ConversationDetailResponse>(server, 'GET', `/api/conversations/${id}`, {
    as: student,
  });
  expect(res.status).toBe(200);
  return res.body.events;
}

describe('reconnect mid-conversation', () => {
  it('delivers every missed event exactly once, in order, with an unbroken prevSeq chain', async () => {
    const first = await connect(server, student);
    const id = await startPractice('burst-questions');
    const hello = await request<SendAck>(first.socket, 'conversation:send', {
      conversationId: id,
      message: { id: 'hello-1', text: '亲，在的，请问有什么可以帮您？', source: 'typed' },
    });
    expect(hello.ok).toBe(true);
    // The buyer's arrival and our greeting reached the live socket.
    const seenLive = byConversation(first.events, id);
    expect(seenLive.map((e) => e.event.type)).toEqual(['started', 'buyer-message', 'agent-message']);
    first.close();

    // While the student is away the buyer keeps typing and sending.
    await clock.advanceBy(20_000);
    const log = await storedLog(id);
    const lastHeld = seenLive[seenLive.length - 1]!.seq;
    // Four questions were typed and sent while away.
    expect(log.slice(seenLive.length).filter((e) => e.event.type === 'buyer-message')).toHaveLength(4);

    const second = await connect(server, student);
    const ack = await request<ResyncAck>(second.socket, 'conversation:resync', {
      conversationId: id,
      afterSeq: lastHeld,
    });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    // Nothing live arrived on the new socket meanwhile (the clock stood still), so the resync is all there is.
    expect(byConversation(second.events, id)).toEqual([]);
    const merged = [...seenLive, ...ack.events];
    expect(merged).toEqual(log);
    expect(new Set(merged.map((e) => e.seq)).size).toBe(merged.length);
    for (let i = 1; i < merged.length; i++) expect(merged[i]!.prevSeq).toBe(merged[i - 1]!.seq);
    expect(ack.conversation.lastSeq).toBeGreaterThanOrEqual(merged[merged.length - 1]!.seq);

    // Resync from 0 returns the whole visible log; from the last seq, nothing.
    const all = await request<ResyncAck>(second.socket, 'conversation:resync', {
      conversationId: id,
      afterSeq: 0,
    });
    expect(all.ok && all.events).toEqual(log);
    const none = await request<ResyncAck>(second.socket, 'conversation:resync', {
      conversationId: id,
      afterSeq: log[log.length - 1]!.seq,
    });
    expect(none.ok && none.events).toEqual([]);
    second.close();
  });

  it('live events after a reconnect continue the chain from what the resync returned', async () => {
    const client = await connect(server, student);
    const id = await startPractice('jacket-colour-size');
    await clock.advanceBy(3_000);
    client.close();
    await clock.advanceBy(10_000);
    const back = await connect(server, student);
    const held = byConversation(client.events, id);
    const ack = await request<ResyncAck>(back.socket, 'conversation:resync', {
      conversationId: id,
      afterSeq: held[held.length - 1]!.seq,
    });
    if (!ack.ok) throw new Error(ack.error.message);
    const reply = await request<SendAck>(back.socket, 'conversation:send', {
      conversationId: id,
      message: { id: 'm-after-reconnect', text: '您好，在的，有什么可以帮您？', source: 'typed' },
    });
    expect(reply.ok).toBe(true);
    const all = [...held, ...ack.events, ...byConversation(back.events, id)];
    const log = await storedLog(id);
    expect(all).toEqual(log);
    back.close();
  });
});

describe('one frame per send', () => {
  it('the sending socket gets its step’s events in the ack, not as events; the student’s other tab as events, in order', async () => {
    const sender = await connect(server, student);
    const otherTab = await connect(server, student);
    // What came to the sender as `conversation:event` (LiveClient.events also holds what its acks carried).
    const broadcastToSender: EventEnvelope[] = [];
    sender.socket.on('conversation:event', (e) => broadcastToSender.push(e));
    const id = await startPractice('price-objection');
    await clock.advanceBy(3_000);
    const ack = await request<SendAck>(sender.socket, 'conversation:send', {
      conversationId: id,
      message: { id: 'one-frame-1', text: '您好，在的，有什么可以帮您？', source: 'typed' },
    });
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.duplicate).toBe(false);
    const own = ack.events.find((e) => e.event.type === 'agent-message' && e.event.id === 'one-frame-1');
    expect(own?.seq).toBe(ack.seq);
    expect(own?.event.at).toBe(ack.at);
    // The other tab gets the same envelopes as events; the sender none of them.
    await vi.waitFor(() => expect(byConversation(otherTab.events, id).at(-1)).toEqual(ack.events.at(-1)));
    const ackSeqs = new Set(ack.events.map((e) => e.seq));
    expect(broadcastToSender.filter((e) => ackSeqs.has(e.seq))).toEqual([]);
    expect(byConversation(otherTab.events, id).filter((e) => ackSeqs.has(e.seq))).toEqual(ack.events);

    // Later events follow on both sockets; each holds the whole log once, in seq order, the chain unbroken.
    await clock.advanceBy(20_000);
    const log = await storedLog(id);
    await vi.waitFor(() => expect(byConversation(otherTab.events, id)).toEqual(log));
    expect(byConversation(sender.events, id)).toEqual(log);
    for (let i = 1; i < log.length; i++) expect(log[i]!.prevSeq).toBe(log[i - 1]!.seq);
    sender.close();
    otherTab.close();
  });
});

describe('idempotent send', () => {
  it('a repeated message id acks the same seq again and stores nothing new', async () => {
    const client = await connect(server, student);
    const id = await startPractice('price-objection');
    const message = {
      id: 'client-msg-1',
      text: '您好，这款现在有优惠券，领券后更划算哦',
      source: 'typed' as const,
    };
    const firstAck = await request<SendAck>(client.socket, 'conversation:send', {
      conversationId: id,
      message,
    });
    expect(firstAck).toMatchObject({ ok: true, duplicate: false });
    const before = await storedLog(id);

    await clock.advanceBy(500);
    const again = await request<SendAck>(client.socket, 'conversation:send', { conversationId: id, message });
    // A repeat stores nothing, so its ack carries no events.
    expect(again).toEqual(firstAck.ok ? { ...firstAck, duplicate: true, events: [] } : null);

    // Even with different text, the id decides: the stored message stands.
    const changed = await request<SendAck>(client.socket, 'conversation:send', {
      conversationId: id,
      message: { ...message, text: '别的内容' },
    });
    expect(changed).toEqual(again);

    // After a reconnect too.
    client.close();
    const back = await connect(server, student);
    const third = await request<SendAck>(back.socket, 'conversation:send', { conversationId: id, message });
    expect(third).toEqual(again);

    const after = await storedLog(id);
    const mine = after.filter((e) => e.event.type === 'agent-message' && e.event.id === message.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.seq).toBe(firstAck.ok ? firstAck.seq : -1);
    // Nothing else was appended by the repeats (the clock moved 500 ms: compare up to what existed).
    expect(after.slice(0, before.length)).toEqual(before);
    back.close();
  });
});
