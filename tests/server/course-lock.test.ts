// The learning path's locked units cannot be practised on one's own: starting a scenario of a locked unit is
// refused over HTTP (scenario-locked, "先完成…单元") and starts nothing; a random mix draws only from opened
// units; staff try anything; a drill may send a scenario of a locked unit, played over the socket as usual;
// passing a unit opens its scenarios. LEARNING_PATH=open (pathInOrder false) opens every unit.
import {
  type ConversationOpenedPayload,
  type PracticeResponse,
  type SendAck,
  SIMULATION_EPOCH,
} from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../../server/src/config.ts';
import { playConversation } from '../e2e/staff-server.ts';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
  connect,
  type LiveClient,
  request,
  seedUser,
  startServer,
  type TestServer,
  type TestUser,
} from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;
let student: TestUser;
let instructor: TestUser;
const clients: LiveClient[] = [];

const practise = (as: TestUser, body: object) =>
  api<PracticeResponse>(server, 'POST', '/api/practice', { as, body });
const welcome = () => [...server.app.catalog.library.buyers.values()].filter((b) => b.unit === 'welcome');
const unitOf = (id: string) => server.app.catalog.library.buyers.get(id)?.unit;

beforeAll(async () => {
  clock = new ManualClock(SIMULATION_EPOCH);
  // The production setting, not the test helper's default.
  server = await startServer({ clock, seedSource: () => 7, pathInOrder: true });
  student = await seedUser(server.app, 'student', 'lock_student');
  instructor = await seedUser(server.app, 'instructor', 'lock_teacher');
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
  server?.cleanup();
});

describe('locked units of the learning path', () => {
  it('refuses a scenario of a locked unit with scenario-locked, naming the unit to finish, and starts nothing', async () => {
    expect(unitOf('price-objection')).toBe('closing');
    const res = await practise(student, { scenarioId: 'price-objection' });
    expect(res.status).toBe(403);
    expect((res.body as unknown as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'scenario-locked',
      message: expect.stringContaining('先完成“欢迎与响应”单元'),
    });
    expect(await server.app.conversations.listForStudent(student.user.id)).toHaveLength(0);
    // A scenario of the open unit starts.
    const open = await practise(student, { scenarioId: 'jacket-colour-size' });
    expect(open.status).toBe(200);
    await api(server, 'POST', '/api/practice/abandon', { as: student });
  });

  it('draws a random mix only from opened units', async () => {
    const res = await practise(student, { mix: 5 });
    expect(res.status).toBe(200);
    const units = res.body.conversations.map((c) => unitOf(c.scenarioId));
    expect(units).toHaveLength(5);
    for (const unit of units) expect(unit === 'welcome' || unit === undefined).toBe(true);
    await api(server, 'POST', '/api/practice/abandon', { as: student });
  });

  it('lets staff try any scenario', async () => {
    expect((await practise(instructor, { scenarioId: 'price-objection' })).status).toBe(200);
  });

  it('lets a drill send a locked unit’s scenario, played over the socket', async () => {
    const cls = await api(server, 'POST', '/api/classes', { as: instructor, body: { name: '锁定测试班' } });
    await api(server, 'POST', '/api/classes/join', {
      as: student,
      body: { joinCode: cls.body.class.joinCode },
    });
    const drill = await api(server, 'POST', `/api/classes/${cls.body.class.id}/drills`, {
      as: instructor,
      body: {
        title: '议价演练',
        settings: {
          scenarioIds: ['price-objection'],
          shoppersPerStudent: 1,
          arrivalIntervalSeconds: 0,
          concurrency: 1,
          durationMinutes: 5,
        },
      },
    });
    const drillId = drill.body.drill.id as string;
    const client = await connect(server, student);
    clients.push(client);
    const opened: ConversationOpenedPayload[] = [];
    client.socket.on('conversation:opened', (p) => opened.push(p));
    await api(server, 'POST', `/api/drills/${drillId}/start`, { as: instructor });
    expect((await api(server, 'POST', `/api/drills/${drillId}/join`, { as: student })).status).toBe(200);
    await clock.advanceBy(0);
    expect(opened.map((o) => o.conversation.scenarioId)).toEqual(['price-objection']);
    const ack = await request<SendAck>(client.socket, 'conversation:send', {
      conversationId: opened[0]!.conversation.id,
      message: { id: 'lock-1', text: '您好，在的，请问有什么可以帮您？', source: 'typed' },
    });
    expect(ack.ok).toBe(true);
    await api(server, 'POST', `/api/drills/${drillId}/stop`, { as: instructor });
    await clock.advanceBy(0);
  });

  it('opens the next unit’s scenarios once the unit before is passed', async () => {
    const next = [...server.app.catalog.library.buyers.values()].find((b) => b.unit === 'product-knowledge')!;
    expect((await practise(student, { scenarioId: next.id })).status).toBe(403);
    for (const s of welcome().slice(0, 3)) await playConversation(server, clock, student, s.id);
    const res = await practise(student, { scenarioId: next.id });
    expect(res.status).toBe(200);
    // Still locked further on: the message now names the unit being learnt.
    const later = await practise(student, { scenarioId: 'price-objection' });
    expect((later.body as unknown as { error: { message: string } }).error.message).toContain(
      '先完成“商品知识”单元',
    );
  });

  it('reads LEARNING_PATH: ordered by default, open on request, anything else refused', () => {
    expect(optionsFromEnv({}).pathInOrder).toBe(true);
    expect(optionsFromEnv({ LEARNING_PATH: 'open' }).pathInOrder).toBe(false);
    expect(() => optionsFromEnv({ LEARNING_PATH: 'maybe' })).toThrow(/LEARNING_PATH/);
  });
});
