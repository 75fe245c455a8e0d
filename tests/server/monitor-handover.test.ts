// A live monitor follows the class's owner: when an admin hands a class to another instructor, the previous
// owner's open sockets stop receiving its drills' live updates (they could no longer watch them anew, but a
// socket already watching kept getting every student's summary).
import type { Ack, MonitorUpdatePayload, PracticeResponse } from '@kefu/shared';
import { SIMULATION_EPOCH } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
  connect,
  type LiveClient,
  newClass,
  request,
  seedUser,
  startServer,
  type TestServer,
} from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;
const clients: LiveClient[] = [];

beforeAll(async () => {
  clock = new ManualClock(SIMULATION_EPOCH);
  server = await startServer({ clock });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
  server?.cleanup();
});

async function watching(as: Awaited<ReturnType<typeof seedUser>>, drillId: string) {
  const client = await connect(server, as);
  clients.push(client);
  const updates: MonitorUpdatePayload[] = [];
  client.socket.on('monitor:update', (u) => updates.push(u));
  const watch = await request<Ack>(client.socket, 'monitor:watch', { drillId });
  return { client, updates, watch };
}

describe('handing a class to another instructor', () => {
  it("stops the previous owner's monitor; the new owner watches it", async () => {
    const admin = await seedUser(server.app, 'admin', 'handover_admin');
    const before = await seedUser(server.app, 'instructor', 'handover_before');
    const after = await seedUser(server.app, 'instructor', 'handover_after');
    const student = await seedUser(server.app, 'student', 'handover_student');
    const classId = await newClass(server, before, [student]);
    const drill = await api(server, 'POST', `/api/classes/${classId}/drills`, {
      as: before,
      body: {
        title: '交接演练',
        settings: {
          scenarioIds: ['price-objection'],
          shoppersPerStudent: 1,
          arrivalIntervalSeconds: 0,
          concurrency: 1,
          durationMinutes: 10,
        },
      },
    });
    const drillId: string = drill.body.drill.id;
    expect((await api(server, 'POST', `/api/drills/${drillId}/join`, { as: student })).status).toBe(200);
    expect((await api(server, 'POST', `/api/drills/${drillId}/start`, { as: before })).status).toBe(200);
    await clock.advanceBy(0);

    const old = await watching(before, drillId);
    expect(old.watch.ok).toBe(true);
    const handed = await api(server, 'PATCH', `/api/classes/${classId}`, {
      as: admin,
      body: { instructorId: after.user.id },
    });
    expect(handed.status).toBe(200);
    const fresh = await watching(after, drillId);
    expect(fresh.watch.ok).toBe(true);
    const seenByOld = old.updates.length;

    const open = await api<PracticeResponse>(server, 'GET', '/api/conversations?status=open', {
      as: student,
    });
    const conversationId = open.body.conversations[0]!.id;
    const studentSocket = await connect(server, student);
    clients.push(studentSocket);
    const sent = await request<Ack>(studentSocket.socket, 'conversation:send', {
      conversationId,
      message: { id: 'handover-1', text: '亲，在的，请问有什么可以帮您', source: 'typed' },
    });
    expect(sent.ok).toBe(true);
    await clock.advanceBy(5_000);
    await expect.poll(() => fresh.updates.length).toBeGreaterThan(0);
    expect(old.updates.length).toBe(seenByOld);
    // Watching anew is refused as for any class not theirs.
    const again = await request<Ack>(old.client.socket, 'monitor:watch', { drillId });
    expect(again).toMatchObject({ ok: false, error: { code: 'drill-not-found' } });
  });
});
