// A send that the server takes only after the buyer's wait ran out (the machine was too busy to fire the
// buyer's leave on time, as under heavy load): the step runs the overdue leave first, so the conversation
// ends and the message is not stored. The ack says so with its stable code, never `internal`.
import type { Ack, ConversationEvent, PracticeResponse, SendAck } from '@kefu/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from './helpers/manual-clock.ts';
import { api, connect, request, seedUser, startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;

beforeAll(async () => {
  clock = new ManualClock(Date.UTC(2026, 10, 30, 2, 0, 0));
  server = await startServer({ clock, seedSource: () => 7 });
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

const log = async (id: string): Promise<ConversationEvent[]> =>
  (await server.app.eventLog.read(id)).map((s) => s.event);

it('acks conversation-ended, stores the leave and not the message, when the buyer left before it was taken', async () => {
  const as = await seedUser(server.app, 'student');
  const student = await connect(server, as);
  try {
    const res = await api<PracticeResponse>(server, 'POST', '/api/practice', {
      as,
      body: { scenarioId: 'pre-shoes-size-by-foot' },
    });
    const id = res.body.conversations[0]!.id;
    for (let i = 0; i < 60 && !(await log(id)).some((e) => e.type === 'buyer-message'); i++) {
      await clock.advanceBy(1_000);
    }
    expect((await log(id)).some((e) => e.type === 'buyer-message')).toBe(true);
    // An hour passes with every timer overdue: the buyer's patience ran out long before the send is taken.
    clock.jumpBy(60 * 60 * 1000);
    const ack = await request<Ack<SendAck>>(student.socket, 'conversation:send', {
      conversationId: id,
      message: { id: 'late-1', text: '亲，在的，您平时穿多大码呢？', source: 'typed' },
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'conversation-ended' } });
    const events = await log(id);
    expect(events.some((e) => e.type === 'ended')).toBe(true);
    expect(events.some((e) => e.type === 'agent-message')).toBe(false);
    // The same id again is refused the same way (nothing was stored under it).
    expect(
      await request<Ack<SendAck>>(student.socket, 'conversation:send', {
        conversationId: id,
        message: { id: 'late-1', text: '亲，在的', source: 'typed' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'conversation-ended' } });
  } finally {
    student.close();
  }
});
