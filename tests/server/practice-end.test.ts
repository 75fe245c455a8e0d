// Solo practice the way a lesson uses it: a random mix's buyers walk in one by one (each first message can be
// answered within 3 s), and 结束练习 ends the practice as abandoned — kept apart from graded work (no score in
// the averages or the class grade, no 流失), while drill conversations go on.
import type {
  ConversationEvent,
  ConversationView,
  PracticeResponse,
  StudentReportResponse,
} from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIX_ARRIVAL_GAP_MS, mixArrivals } from '../../server/src/routes/practice.ts';
import { ManualClock } from './helpers/manual-clock.ts';
import { api, seedUser, startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;
let seed = 0;

beforeAll(async () => {
  clock = new ManualClock(Date.UTC(2026, 10, 23, 2, 0, 0));
  server = await startServer({ clock, seedSource: () => (seed += 7919) });
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

async function firstBuyerMessageAt(id: string): Promise<number | undefined> {
  const stored = await server.app.eventLog.read(id);
  return stored.map((s) => s.event).find((e) => e.type === 'buyer-message')?.at;
}

describe('a random mix', () => {
  it('spaces arrivals by 8–20 s, the first at once', () => {
    let n = 0;
    const arrivals = mixArrivals(5, 1000, () => (n += 3));
    expect(arrivals[0]).toBe(1000);
    for (let i = 1; i < arrivals.length; i++) {
      const gap = arrivals[i]! - arrivals[i - 1]!;
      expect(gap).toBeGreaterThanOrEqual(MIX_ARRIVAL_GAP_MS[0]);
      expect(gap).toBeLessThanOrEqual(MIX_ARRIVAL_GAP_MS[1]);
    }
  });

  it('brings its buyers in one after another, never two in the same second', async () => {
    const student = await seedUser(server.app, 'student');
    const started = await api<PracticeResponse>(server, 'POST', '/api/practice', {
      as: student,
      body: { mix: 3 },
    });
    expect(started.status).toBe(200);
    const ids = started.body.conversations.map((c) => c.id);
    const t0 = clock.now();
    // Only the first buyer is there at once; the others come when their time comes.
    expect(await firstBuyerMessageAt(ids[0]!)).toBe(t0);
    expect(await firstBuyerMessageAt(ids[1]!)).toBeUndefined();
    await clock.advanceTo(t0 + 60_000);
    const firsts = await Promise.all(ids.map(firstBuyerMessageAt));
    expect(firsts.every((at) => at !== undefined)).toBe(true);
    const sorted = (firsts as number[]).slice().sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(8_000);
    await api(server, 'POST', '/api/practice/abandon', { as: student });
  });
});

describe('结束练习', () => {
  it('ends every open solo conversation as abandoned, graded nowhere, and leaves drill work alone', async () => {
    const student = await seedUser(server.app, 'student');
    const instructor = await seedUser(server.app, 'instructor');
    const cls = await api(server, 'POST', '/api/classes', { as: instructor, body: { name: '放弃测试班' } });
    await api(server, 'POST', '/api/classes/join', {
      as: student,
      body: { joinCode: cls.body.class.joinCode },
    });
    const drill = await api(server, 'POST', `/api/classes/${cls.body.class.id}/drills`, {
      as: instructor,
      body: {
        title: '演练',
        settings: {
          scenarioIds: ['price-objection'],
          shoppersPerStudent: 1,
          arrivalIntervalSeconds: 0,
          concurrency: 1,
          durationMinutes: 10,
        },
      },
    });
    expect(drill.status).toBe(200);
    await api(server, 'POST', `/api/drills/${drill.body.drill.id}/start`, { as: instructor });
    await api(server, 'POST', `/api/drills/${drill.body.drill.id}/join`, { as: student });

    const practice = await api<PracticeResponse>(server, 'POST', '/api/practice', {
      as: student,
      body: { mix: 2 },
    });
    const soloIds = practice.body.conversations.map((c) => c.id);
    await clock.advanceTo(clock.now() + 5_000);

    const ended = await api<PracticeResponse>(server, 'POST', '/api/practice/abandon', { as: student });
    expect(ended.status).toBe(200);
    expect(ended.body.conversations.map((c: ConversationView) => c.id).sort()).toEqual([...soloIds].sort());
    expect(ended.body.conversations.every((c: ConversationView) => c.status === 'ended')).toBe(true);
    for (const id of soloIds) {
      const events = (await server.app.eventLog.read(id)).map((s) => s.event);
      expect(events.at(-1)).toMatchObject({ type: 'ended', reason: 'abandoned' });
      expect(events.some((e: ConversationEvent) => e.type === 'buyer-left')).toBe(false);
    }
    // The drill's buyer is still there.
    const open = await api(server, 'GET', '/api/conversations?status=open', { as: student });
    expect(open.body.conversations.map((c: ConversationView) => c.drillId)).toEqual([drill.body.drill.id]);

    // Long after, nobody "left": the abandoned buyers stay ended, with no 流失 and no score counted.
    await clock.advanceTo(clock.now() + 200_000);
    const report = await api<StudentReportResponse>(
      server,
      'GET',
      `/api/reports/students/${student.user.id}`,
      {
        as: student,
      },
    );
    const solo = report.body.conversations.filter((c) => soloIds.includes(c.conversationId));
    expect(solo.map((c) => c.abandoned)).toEqual([true, true]);
    // Only the drill's conversation (its buyer ran out of patience meanwhile) makes the aggregate.
    const drillScore = report.body.conversations.find((c) => c.drillId === drill.body.drill.id);
    expect(drillScore).toMatchObject({ status: 'ended', abandoned: false });
    expect(report.body.aggregate?.metrics.conversations).toBe(1);
    const own = await api(server, 'GET', `/api/reports/conversations/${soloIds[0]}`, { as: student });
    expect(own.status).toBe(200);
    expect(own.body.report.abandoned).toBe(true);

    // A second 结束练习 with nothing open ends nothing.
    expect((await api(server, 'POST', '/api/practice/abandon', { as: student })).body.conversations).toEqual(
      [],
    );
  });
});
