// Restart: every open conversation is rebuilt from the event log and its timer re-armed. A buyer whose
// patience ran out while the server was down leaves at the moment it ran out, not when the server came back.
import {
  type AgentMessage,
  type ConversationDetailResponse,
  createShopperContext,
  type EventEnvelope,
  loadLibrary,
  type MonitorWatchAck,
  type PracticeResponse,
  type SendAck,
  SIMULATION_EPOCH,
  startShopper,
  stepShopper,
  toPublicEvent,
} from '@kefu/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
  connect,
  request,
  SCENARIOS_DIR,
  seedUser,
  startServer,
  type TestServer,
  tempDataDir,
} from './helpers/server.ts';

const SEED = 99;
const { library } = loadLibrary(readLibrary(SCENARIOS_DIR, '/'));
const ctx = createShopperContext(library, 'jacket-colour-size', library.rubrics.get('default')!);

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    await s.close();
    s.cleanup();
  }
});

async function log(server: TestServer, as: { cookie: string }, id: string): Promise<EventEnvelope[]> {
  const res = await api<ConversationDetailResponse>(server, 'GET', `/api/conversations/${id}`, {
    cookie: as.cookie,
  });
  expect(res.status).toBe(200);
  return res.body.events;
}

describe('restart from the event log', () => {
  it('a buyer whose patience ran out while the server was down leaves with the right timestamp', async () => {
    const clock = new ManualClock(SIMULATION_EPOCH);
    const dataDir = tempDataDir();
    const first = await startServer({ clock, dataDir, seedSource: () => SEED });
    servers.push(first);
    const student = await seedUser(first.app, 'student');
    const t0 = clock.now();
    const started = await api<PracticeResponse>(first, 'POST', '/api/practice', {
      as: student,
      body: { scenarioId: 'jacket-colour-size' },
    });
    const id = started.body.conversations[0]!.id;
    await clock.advanceBy(2_000);
    const reply: AgentMessage = {
      id: 'r1',
      text: '亲，酒红色缺货了哦，黑色、米白色和雾霾蓝都有现货，您看看喜欢哪个~',
      source: 'typed',
    };
    const socket = await connect(first, student);
    const ack = await request<SendAck>(socket.socket, 'conversation:send', {
      conversationId: id,
      message: reply,
    });
    expect(ack.ok).toBe(true);
    const t1 = clock.now();
    socket.close();
    // Shut down while the buyer is thinking about the next question.
    await first.close();

    // Ten minutes pass with the server down (patience is 90 s).
    await clock.advanceBy(10 * 60_000);
    const back = await startServer({ clock, dataDir, seedSource: () => SEED });
    servers.push(back);
    await clock.advanceBy(0);

    // The reference: the pure machine with the same inputs at the same times, woken long after.
    let step = startShopper(ctx, SEED, t0);
    const expected = [...step.outputs];
    step = stepShopper(ctx, step.state, { type: 'agent-message', message: reply }, t1);
    expected.push(...step.outputs);
    step = stepShopper(ctx, step.state, { type: 'wake' }, clock.now());
    expected.push(...step.outputs);
    const left = expected.find((e) => e.type === 'buyer-left');
    expect(left).toBeDefined();
    expect(left!.at).toBeLessThan(clock.now() - 5 * 60_000);

    const events = await log(back, student, id);
    expect(events.map((e) => e.event)).toEqual(expected.map(toPublicEvent).filter((e) => e !== null));
    const conversation = await api<ConversationDetailResponse>(back, 'GET', `/api/conversations/${id}`, {
      as: student,
    });
    expect(conversation.body.conversation.status).toBe('ended');
    expect(conversation.body.conversation.endedAt).toBe(left!.at);
  });

  it('re-arms the timer of a conversation that is still within its time, and it keeps going', async () => {
    const clock = new ManualClock(SIMULATION_EPOCH);
    const dataDir = tempDataDir();
    const first = await startServer({ clock, dataDir, seedSource: () => SEED });
    servers.push(first);
    const student = await seedUser(first.app, 'student');
    const started = await api<PracticeResponse>(first, 'POST', '/api/practice', {
      as: student,
      body: { scenarioId: 'jacket-colour-size' },
    });
    const id = started.body.conversations[0]!.id;
    const socket = await connect(first, student);
    const ack = await request<SendAck>(socket.socket, 'conversation:send', {
      conversationId: id,
      message: { id: 'r1', text: '亲，酒红色缺货了哦，黑色、米白色和雾霾蓝都有现货', source: 'typed' },
    });
    expect(ack.ok).toBe(true);
    socket.close();
    const before = await log(first, student, id);
    await first.close();

    const back = await startServer({ clock, dataDir, seedSource: () => SEED });
    servers.push(back);
    expect(clock.nextDue()).not.toBeNull();
    const client = await connect(back, student);
    // The next question arrives on the restarted server's socket, continuing the seq chain.
    await clock.advanceBy(15_000);
    const live = client.events.filter((e) => e.conversationId === id);
    expect(live.some((e) => e.event.type === 'buyer-message')).toBe(true);
    expect(live[0]!.prevSeq).toBe(before[before.length - 1]!.seq);
    expect(await log(back, student, id)).toEqual([...before, ...live]);
    client.close();
  });

  it('resumes a running drill: open buyers rebuilt, a missed arrival opens at once, the schedule goes on', async () => {
    const clock = new ManualClock(SIMULATION_EPOCH);
    const dataDir = tempDataDir();
    const first = await startServer({ clock, dataDir });
    servers.push(first);
    const instructor = await seedUser(first.app, 'instructor');
    const student = await seedUser(first.app, 'student');
    const cls = await first.app.classes.create('演练班', instructor.user.id, 'default', clock.now());
    await first.app.classes.addMember(cls.id, student.user.id, 'student', clock.now());
    const drill = await api(first, 'POST', `/api/classes/${cls.id}/drills`, {
      as: instructor,
      body: {
        title: '重启演练',
        settings: {
          scenarioIds: ['jacket-colour-size'],
          shoppersPerStudent: 3,
          arrivalIntervalSeconds: 30,
          concurrency: 3,
          durationMinutes: 10,
        },
      },
    });
    const drillId: string = drill.body.drill.id;
    expect((await api(first, 'POST', `/api/drills/${drillId}/join`, { as: student })).status).toBe(200);
    const t0 = clock.now();
    expect((await api(first, 'POST', `/api/drills/${drillId}/start`, { as: instructor })).status).toBe(200);
    await clock.advanceBy(10_000);
    expect(await first.app.conversations.listForDrill(drillId)).toHaveLength(1);
    await first.close();

    // Down over the second arrival (due at 30 s).
    await clock.advanceTo(t0 + 35_000);
    const back = await startServer({ clock, dataDir });
    servers.push(back);
    await clock.advanceBy(0);
    const rows = await back.app.conversations.listForDrill(drillId);
    expect(rows.map((r) => [r.slot, r.status, r.started_at])).toEqual([
      [0, 'open', t0],
      [1, 'open', t0 + 35_000],
    ]);

    const monitor = await connect(back, instructor);
    const watch = await request<MonitorWatchAck>(monitor.socket, 'monitor:watch', { drillId });
    if (!watch.ok) throw new Error(watch.error.message);
    expect(watch.students).toHaveLength(1);
    expect(watch.students[0]!.open.map((c) => c.conversationId).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(watch.students[0]!.longestWaitSince).toBe(t0);

    await clock.advanceTo(t0 + 60_000);
    expect(await back.app.conversations.listForDrill(drillId)).toHaveLength(3);
    monitor.close();
  });

  it('a drill that ended while the server was down stops its buyers at the drill end, not at restart', async () => {
    const clock = new ManualClock(SIMULATION_EPOCH);
    const dataDir = tempDataDir();
    const first = await startServer({ clock, dataDir });
    servers.push(first);
    const instructor = await seedUser(first.app, 'instructor');
    const student = await seedUser(first.app, 'student');
    const cls = await first.app.classes.create('短演练班', instructor.user.id, 'default', clock.now());
    await first.app.classes.addMember(cls.id, student.user.id, 'student', clock.now());
    const drill = await api(first, 'POST', `/api/classes/${cls.id}/drills`, {
      as: instructor,
      body: {
        title: '一分钟演练',
        settings: {
          scenarioIds: ['price-objection'],
          shoppersPerStudent: 1,
          arrivalIntervalSeconds: 0,
          concurrency: 1,
          durationMinutes: 1,
        },
      },
    });
    const drillId: string = drill.body.drill.id;
    await api(first, 'POST', `/api/drills/${drillId}/join`, { as: student });
    const started = await api(first, 'POST', `/api/drills/${drillId}/start`, { as: instructor });
    const endsAt: number = started.body.drill.endsAt;
    await clock.advanceBy(0);
    await first.close();

    await clock.advanceBy(30 * 60_000);
    const back = await startServer({ clock, dataDir });
    servers.push(back);
    await clock.advanceBy(0);
    const view = await api(back, 'GET', `/api/drills/${drillId}`, { as: instructor });
    expect(view.body.drill).toMatchObject({ status: 'finished', endedAt: endsAt });
    const [row] = await back.app.conversations.listForDrill(drillId);
    const events = await log(back, student, row!.id);
    const last = events[events.length - 1]!.event;
    // Unanswered, the buyer would have left at 90 s (patience); the drill's end at 60 s came first.
    expect(last).toEqual({ type: 'ended', at: endsAt, reason: 'stopped' });
    expect(events.every((e) => e.event.at <= endsAt)).toBe(true);
  });
});
