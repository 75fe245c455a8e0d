// What an independent security probe found, kept found: origins on every state-changing request however the
// path is spelt, password changes ending the other sessions and their sockets, expired sessions swept away.
import { type Ack, type PracticeResponse, SIMULATION_EPOCH } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
  connect,
  type LiveClient,
  request,
  seedUser,
  startServer,
  TEST_PASSWORD,
  type TestServer,
  type TestUser,
} from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;
const clients: LiveClient[] = [];

const cookieOf = (res: { headers: Headers }) => res.headers.get('set-cookie')!.split(';')[0]!;

async function login(username: string, password = TEST_PASSWORD): Promise<TestUser> {
  const res = await api(server, 'POST', '/api/auth/login', { body: { username, password } });
  expect(res.status).toBe(200);
  return { user: res.body.user, cookie: cookieOf(res) };
}

async function live(as: TestUser): Promise<LiveClient> {
  const c = await connect(server, as);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  clock = new ManualClock(SIMULATION_EPOCH);
  server = await startServer({ clock, sessionSweepMs: 20 });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
  server?.cleanup();
});

describe('origin check', () => {
  it('refuses a foreign Origin on a percent-encoded /api path, and on any state-changing path', async () => {
    await seedUser(server.app, 'student', 'encoded_path_user');
    for (const path of ['/%61pi/auth/login', '/%2561pi/auth/login', '/API/auth/login', '/anything']) {
      const res = await api(server, 'POST', path, {
        origin: 'http://evil.example',
        body: { username: 'encoded_path_user', password: TEST_PASSWORD },
      });
      expect(res.status, path).toBe(403);
      expect(res.body.error.code, path).toBe('bad-origin');
      expect(res.headers.get('set-cookie'), path).toBeNull();
    }
    // The router does decode the path: from our own origin the encoded spelling is the real route.
    const own = await api(server, 'POST', '/%61pi/auth/login', {
      body: { username: 'encoded_path_user', password: TEST_PASSWORD },
    });
    expect(own.status).toBe(200);
  });

  it('holds a one-time password to changing it first however the path is spelt', async () => {
    const admin = await seedUser(server.app, 'admin', 'encoded_admin');
    const created = await api(server, 'POST', '/api/users', {
      as: admin,
      body: { username: 'encoded_newbie', displayName: '新人', role: 'student' },
    });
    const newbie = await login('encoded_newbie', created.body.password);
    for (const path of ['/api/conversations', '/%61pi/conversations', '/api/conversations/']) {
      const res = await api(server, 'GET', path, { as: newbie });
      expect(res.status, path).toBe(403);
    }
    expect((await api(server, 'GET', '/%61pi/auth/me', { as: newbie })).status).toBe(200);
  });
});

describe('password change', () => {
  it('ends every other session and its sockets; the session that changed it stays', async () => {
    await seedUser(server.app, 'student', 'two_devices');
    const laptop = await login('two_devices');
    const phone = await login('two_devices');
    const practice = await api<PracticeResponse>(server, 'POST', '/api/practice', {
      as: phone,
      body: { scenarioId: 'price-objection' },
    });
    const conversationId = practice.body.conversations[0]!.id;
    const phoneSocket = await live(phone);
    const laptopSocket = await live(laptop);
    const dropped = new Promise<string>((resolve) => phoneSocket.socket.once('disconnect', resolve));

    const changed = await api(server, 'POST', '/api/auth/password', {
      as: laptop,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a-fresh-passphrase-9' },
    });
    expect(changed.status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    expect((await api(server, 'GET', '/api/auth/me', { as: phone })).status).toBe(401);
    await expect(connect(server, phone)).rejects.toThrow(/登录/);

    // The laptop's socket still works, and nothing the phone tried after the change was stored.
    const send = await request<Ack>(laptopSocket.socket, 'conversation:send', {
      conversationId,
      message: { id: 'after-change', text: '您好，在的', source: 'typed' },
    });
    expect(send.ok).toBe(true);
    expect(laptopSocket.socket.connected).toBe(true);
    const log = await api(server, 'GET', `/api/conversations/${conversationId}`, { as: laptop });
    const agentIds = log.body.events
      .filter((e: { event: { type: string } }) => e.event.type === 'agent-message')
      .map((e: { event: { id: string } }) => e.event.id);
    expect(agentIds).toEqual(['after-change']);
  });
});

describe('expired sessions', () => {
  it('are deleted from the database by the periodic sweep; live ones stay', async () => {
    const { app } = server;
    const seeded = await seedUser(app, 'trainer', 'sweep_me');
    const short = await app.sessions.create(seeded.user.id, clock.now(), 60_000);
    const count = async () =>
      (
        await app.database.db
          .selectFrom('sessions')
          .select('id')
          .where('user_id', '=', seeded.user.id)
          .execute()
      ).length;
    expect(await count()).toBe(2);
    await clock.advanceBy(61_000);
    await vi.waitFor(async () => expect(await count()).toBe(1), { timeout: 5_000, interval: 20 });
    expect((await api(server, 'GET', '/api/auth/me', { cookie: `kefu_session=${short}` })).status).toBe(401);
    expect((await api(server, 'GET', '/api/auth/me', { as: seeded })).status).toBe(200);
  });
});
