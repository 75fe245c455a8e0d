// What an independent security probe found, kept found: origins on every state-changing request however the
// path is spelt, password changes ending the other sessions and their sockets, expired sessions swept away.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Ack, type PracticeResponse, SIMULATION_EPOCH } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_SOCKETS_PER_USER, USER_RATE_LIMIT } from '../../server/src/realtime/socket-rate-limit.ts';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
  connect,
  type LiveClient,
  request,
  SCENARIOS_DIR,
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

describe('guess limits', () => {
  it('locks the current-password check after five wrong guesses, for that account only', async () => {
    const guesser = await seedUser(server.app, 'student', 'session_thief');
    const bystander = await seedUser(server.app, 'student', 'bystander');
    for (let i = 0; i < 5; i++) {
      const res = await api(server, 'POST', '/api/auth/password', {
        as: guesser,
        body: { currentPassword: `guess-${i}`, newPassword: 'another-passphrase-1' },
      });
      expect(res.status).toBe(403);
    }
    const right = await api(server, 'POST', '/api/auth/password', {
      as: guesser,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'another-passphrase-1' },
    });
    expect(right.status).toBe(429);
    expect(right.body.error).toMatchObject({
      code: 'password-locked',
      message: expect.stringMatching(/分钟后再试/),
    });
    // Nothing changed: the old password still logs in, and another account changes its password freely.
    expect(
      (
        await api(server, 'POST', '/api/auth/login', {
          body: { username: 'session_thief', password: TEST_PASSWORD },
        })
      ).status,
    ).toBe(200);
    const other = await api(server, 'POST', '/api/auth/password', {
      as: bystander,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'another-passphrase-2' },
    });
    expect(other.status).toBe(200);
  });

  it('locks joining a class after five wrong codes, even for the right one; other students are not held up', async () => {
    const instructor = await seedUser(server.app, 'instructor');
    const code: string = (
      await api(server, 'POST', '/api/classes', { as: instructor, body: { name: '猜码班' } })
    ).body.class.joinCode;
    const guesser = await seedUser(server.app, 'student', 'code_guesser');
    const classmate = await seedUser(server.app, 'student', 'code_classmate');
    for (let i = 0; i < 5; i++) {
      const res = await api(server, 'POST', '/api/classes/join', {
        as: guesser,
        body: { joinCode: `WRONG${i}` },
      });
      expect(res.status).toBe(404);
    }
    const right = await api(server, 'POST', '/api/classes/join', { as: guesser, body: { joinCode: code } });
    expect(right.status).toBe(429);
    expect(right.body.error.message).toMatch(/邀请码.*分钟后再试/);
    expect((await api(server, 'GET', '/api/classes', { as: guesser })).body.classes).toEqual([]);
    expect(
      (await api(server, 'POST', '/api/classes/join', { as: classmate, body: { joinCode: code } })).status,
    ).toBe(200);
    await clock.advanceBy(16 * 60_000);
    expect(
      (await api(server, 'POST', '/api/classes/join', { as: guesser, body: { joinCode: code } })).status,
    ).toBe(200);
  });

  it('counts a burst of parallel wrong passwords before the hashes finish: five get through, the rest wait', async () => {
    await seedUser(server.app, 'student', 'burst_target');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(server, 'POST', '/api/auth/login', {
          body: { username: 'burst_target', password: `burst-${i}` },
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    await clock.advanceBy(16 * 60_000);
  });
});

describe('a computer room behind one address', () => {
  it('logs in and registers a whole class: only failures count toward the address limit', async () => {
    const lab = await startServer({
      clock,
      loginLimits: { accountFailures: 5, addressFailures: 3, windowMs: 15 * 60_000 },
    });
    try {
      const instructor = await seedUser(lab.app, 'instructor');
      const code: string = (
        await api(lab, 'POST', '/api/classes', { as: instructor, body: { name: '机房班' } })
      ).body.class.joinCode;
      for (let i = 0; i < 4; i++) await seedUser(lab.app, 'student', `lab_student_${i}`);
      // More logins than the limit, one after another and (up to the limit, still in flight) at once.
      for (let i = 0; i < 4; i++) {
        const res = await api(lab, 'POST', '/api/auth/login', {
          body: { username: `lab_student_${i}`, password: TEST_PASSWORD },
        });
        expect(res.status).toBe(200);
      }
      const together = await Promise.all(
        [0, 1, 2].map((i) =>
          api(lab, 'POST', '/api/auth/login', {
            body: { username: `lab_student_${i}`, password: TEST_PASSWORD },
          }),
        ),
      );
      expect(together.map((r) => r.status)).toEqual([200, 200, 200]);
      for (let i = 0; i < 4; i++) {
        const res = await api(lab, 'POST', '/api/auth/register', {
          body: {
            joinCode: code,
            username: `lab_new_${i}`,
            displayName: `新同学${i}`,
            password: 'lab-passphrase-77',
          },
        });
        expect(res.status).toBe(200);
      }
      // Three failures from the room (a wrong password, a wrong code at registration, a wrong join code)…
      await api(lab, 'POST', '/api/auth/login', {
        body: { username: 'lab_student_0', password: 'typo-typo' },
      });
      await api(lab, 'POST', '/api/auth/register', {
        body: {
          joinCode: 'ZZZZZZ',
          username: 'lab_typo',
          displayName: '打错',
          password: 'lab-passphrase-77',
        },
      });
      const joiner = await seedUser(lab.app, 'student', 'lab_joiner');
      await api(lab, 'POST', '/api/classes/join', { as: joiner, body: { joinCode: 'YYYYYY' } });
      // …and the address waits for an account guessed at, even with the right password; an account nobody
      // guessed at still logs in (its one guess past the room's lock, login-lockout.test.ts).
      const blocked = await api(lab, 'POST', '/api/auth/login', {
        body: { username: 'lab_student_0', password: TEST_PASSWORD },
      });
      expect(blocked.status).toBe(429);
      const joinBlocked = await api(lab, 'POST', '/api/classes/join', {
        as: joiner,
        body: { joinCode: code },
      });
      expect(joinBlocked.status).toBe(429);
      const untouched = await api(lab, 'POST', '/api/auth/login', {
        body: { username: 'lab_student_1', password: TEST_PASSWORD },
      });
      expect(untouched.status).toBe(200);
    } finally {
      await lab.close();
      lab.cleanup();
    }
  }, 120_000); // a dozen full-cost password hashes on a shared machine
});

describe('socket floods per user', () => {
  it(`caps one user's open sockets at ${MAX_SOCKETS_PER_USER}, also when they arrive at once; closing one makes room`, async () => {
    const greedy = await seedUser(server.app, 'student', 'many_tabs');
    const attempts = await Promise.allSettled(
      Array.from({ length: MAX_SOCKETS_PER_USER + 5 }, () => connect(server, greedy)),
    );
    const opened = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    clients.push(...opened);
    const refused = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason as Error] : []));
    expect(opened).toHaveLength(MAX_SOCKETS_PER_USER);
    expect(refused).toHaveLength(5);
    for (const err of refused) expect(err.message).toMatch(/页面太多/);
    // Someone else is not affected, and a closed tab frees its place.
    clients.push(await live(await seedUser(server.app, 'student', 'one_tab')));
    const closed = new Promise((resolve) => opened[0]!.socket.once('disconnect', resolve));
    opened[0]!.close();
    await closed;
    await vi.waitFor(async () => clients.push(await live(greedy)), { timeout: 5_000, interval: 50 });
  });

  it(`limits one user's events across all their sockets to ${USER_RATE_LIMIT} per window; refused ones are not stored`, async () => {
    const student = await seedUser(server.app, 'student', 'many_sockets');
    const practice = await api<PracticeResponse>(server, 'POST', '/api/practice', {
      as: student,
      body: { scenarioId: 'price-objection' },
    });
    const conversationId = practice.body.conversations[0]!.id;
    const sockets = [await live(student), await live(student), await live(student)];
    const perSocket = USER_RATE_LIMIT / 2; // each socket stays within its own budget
    const acks = await Promise.all(
      sockets.flatMap((c, s) =>
        Array.from({ length: perSocket }, (_, i) =>
          request<Ack>(c.socket, 'conversation:send', {
            conversationId,
            message: { id: `u${s}-${i}`, text: `第${s}-${i}条`, source: 'typed' },
          }),
        ),
      ),
    );
    expect(acks.filter((a) => a.ok)).toHaveLength(USER_RATE_LIMIT);
    const refused = acks.filter((a) => !a.ok);
    expect(refused).toHaveLength(3 * perSocket - USER_RATE_LIMIT);
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    const log = await api(server, 'GET', `/api/conversations/${conversationId}`, { as: student });
    const stored = log.body.events.filter(
      (e: { event: { type: string } }) => e.event.type === 'agent-message',
    );
    expect(stored).toHaveLength(USER_RATE_LIMIT);
    // A fresh socket does not refill the user's budget; time does.
    const fresh = await live(student);
    expect(
      await request<Ack>(fresh.socket, 'conversation:resync', { conversationId, afterSeq: 0 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'rate-limited' },
    });
    await clock.advanceBy(5_000);
    expect(
      (await request<Ack>(fresh.socket, 'conversation:resync', { conversationId, afterSeq: 0 })).ok,
    ).toBe(true);
  });
});

describe('races and repeated parameters', () => {
  it('registers one of several simultaneous sign-ups for one username; the rest get 409, none a 500', async () => {
    const instructor = await seedUser(server.app, 'instructor');
    const cls = (await api(server, 'POST', '/api/classes', { as: instructor, body: { name: '抢名班' } })).body
      .class;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api(server, 'POST', '/api/auth/register', {
          body: {
            joinCode: cls.joinCode,
            username: 'same_name',
            displayName: `同名${i}`,
            password: 'race-passphrase-1',
          },
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('username-taken');
    const detail = await api(server, 'GET', `/api/classes/${cls.id}`, { as: instructor });
    expect(detail.body.members.map((m: { username: string }) => m.username)).toEqual(['same_name']);
  });

  it('creates one of several simultaneous admin creations of one username; the rest get 409', async () => {
    const admin = await seedUser(server.app, 'admin', 'race_admin');
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        api(server, 'POST', '/api/users', {
          as: admin,
          body: { username: 'twice_made', displayName: '重复', role: 'trainer' },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
  });

  it('joins a class and a drill once when the same request arrives several times at once (a double click)', async () => {
    const instructor = await seedUser(server.app, 'instructor');
    const cls = (await api(server, 'POST', '/api/classes', { as: instructor, body: { name: '双击班' } })).body
      .class;
    const student = await seedUser(server.app, 'student', 'double_clicker');
    const joins = await Promise.all(
      Array.from({ length: 4 }, () =>
        api(server, 'POST', '/api/classes/join', { as: student, body: { joinCode: cls.joinCode } }),
      ),
    );
    expect(joins.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const detail = await api(server, 'GET', `/api/classes/${cls.id}`, { as: instructor });
    expect(detail.body.members.map((m: { userId: string }) => m.userId)).toEqual([student.user.id]);
    const drill = await api(server, 'POST', `/api/classes/${cls.id}/drills`, {
      as: instructor,
      body: {
        title: '双击演练',
        settings: {
          scenarioIds: ['price-objection'],
          shoppersPerStudent: 1,
          arrivalIntervalSeconds: 0,
          concurrency: 1,
          durationMinutes: 5,
        },
      },
    });
    const drillId: string = drill.body.drill.id;
    const drillJoins = await Promise.all(
      Array.from({ length: 4 }, () => api(server, 'POST', `/api/drills/${drillId}/join`, { as: student })),
    );
    expect(drillJoins.map((r) => r.status)).toEqual([200, 200, 200, 200]);
  });

  it('refuses a repeated query parameter with 400 in Chinese instead of failing in SQL', async () => {
    const student = await seedUser(server.app, 'student', 'repeat_params');
    for (const path of [
      `/api/reports/students/${student.user.id}?classId=a&classId=b`,
      '/api/conversations?status=open&status=ended',
    ]) {
      const res = await api(server, 'GET', path, { as: student });
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('bad-request');
      expect(res.body.error.message).toMatch(/只能出现一次/);
    }
  });
});

describe("the library's avatars", () => {
  it('serves pictures from scenarios/avatars/ and nothing else of the library', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kefu-avatars-'));
    cpSync(SCENARIOS_DIR, join(root, 'scenarios'), { recursive: true });
    mkdirSync(join(root, 'scenarios/avatars'));
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    writeFileSync(join(root, 'scenarios/avatars/xiaolu.png'), png);
    writeFileSync(join(root, 'scenarios/avatars/notes.txt'), 'not a picture');
    const withAvatars = await startServer({ scenariosDir: join(root, 'scenarios') });
    try {
      const picture = await fetch(`${withAvatars.url}/library/avatars/xiaolu.png`);
      expect(picture.status).toBe(200);
      expect(picture.headers.get('content-type')).toBe('image/png');
      expect(picture.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await picture.arrayBuffer())).toEqual(png);
      for (const path of [
        '/library/avatars/notes.txt',
        '/library/avatars/%2e%2e/lexicon.yaml',
        '/library/avatars/..%2flexicon.yaml',
        '/library/avatars/missing.png',
      ]) {
        expect((await fetch(`${withAvatars.url}${path}`)).status, path).toBe(404);
      }
    } finally {
      await withAvatars.close();
      withAvatars.cleanup();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('bidirectional control characters', () => {
  const RLO = '\u202E';
  const LRI = '\u2066';
  const PDI = '\u2069';

  it('are removed from names, class names and messages; a password keeps them', async () => {
    const admin = await seedUser(server.app, 'admin', 'bidi_admin');
    const created = await api(server, 'POST', '/api/users', {
      as: admin,
      body: { username: 'bidi_teacher', displayName: `王${RLO}gnp.exe`, role: 'instructor' },
    });
    expect(created.body.user.displayName).toBe('王gnp.exe');
    const teacher = await seedUser(server.app, 'instructor', 'bidi_owner');
    const cls = (
      await api(server, 'POST', '/api/classes', { as: teacher, body: { name: `${LRI}电商${PDI}一班` } })
    ).body.class;
    expect(cls.name).toBe('电商一班');
    const password = `pass${RLO}word-long-1`;
    const registered = await api(server, 'POST', '/api/auth/register', {
      body: { joinCode: cls.joinCode, username: 'bidi_student', displayName: `李${RLO}雷`, password },
    });
    expect(registered.status).toBe(200);
    expect(registered.body.user.displayName).toBe('李雷');
    expect(
      (await api(server, 'POST', '/api/auth/login', { body: { username: 'bidi_student', password } })).status,
    ).toBe(200);

    const student: TestUser = { user: registered.body.user, cookie: cookieOf(registered) };
    const practice = await api<PracticeResponse>(server, 'POST', '/api/practice', {
      as: student,
      body: { scenarioId: 'price-objection' },
    });
    const conversationId = practice.body.conversations[0]!.id;
    const socket = await live(student);
    const send = await request<Ack>(socket.socket, 'conversation:send', {
      conversationId,
      message: { id: 'bidi-1', text: `亲，${RLO}价格可以优惠`, source: 'typed' },
    });
    expect(send.ok).toBe(true);
    const log = await api(server, 'GET', `/api/conversations/${conversationId}`, { as: student });
    const texts = log.body.events
      .filter((e: { event: { type: string } }) => e.event.type === 'agent-message')
      .map((e: { event: { text: string } }) => e.event.text);
    expect(texts).toEqual(['亲，价格可以优惠']);
  });
});

describe('slow and oversized requests', () => {
  /** A raw TCP client: sends `head` and `body` as given, collects the answer until the server closes. */
  function rawRequest(target: TestServer, head: string, body: string): Promise<string> {
    const { hostname, port } = new URL(target.url);
    return new Promise((resolve, reject) => {
      const socket = createConnection({ host: hostname, port: Number(port) }, () =>
        socket.write(head + body),
      );
      let answer = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        answer += chunk;
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(answer));
    });
  }
  const headFor = (target: TestServer, length: number) =>
    `POST /api/auth/login HTTP/1.1\r\nHost: ${new URL(target.url).host}\r\nOrigin: ${target.origin}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

  it('cuts off a request that declares 1,000 bytes and sends 10, with a 408 in Chinese', async () => {
    const slow = await startServer({ requestTimeoutMs: 300 });
    try {
      const answer = await rawRequest(slow, headFor(slow, 1_000), '{"usernam');
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
      expect(body.error).toMatchObject({ code: 'request-timeout', message: expect.stringMatching(/太慢/) });
    } finally {
      await slow.close();
      slow.cleanup();
    }
  });

  it('refuses a body declared over the limit at once with a readable 413, before reading it', async () => {
    const answer = await rawRequest(server, headFor(server, 2_000_000), '{"username":');
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(body.error).toMatchObject({ code: 'body-too-large', message: expect.stringMatching(/太大/) });
  });
});

describe('weak passwords', () => {
  const COMMON = ['password', '12345678', 'aaaaaaaa', '        ', 'Password123!', 'woaini1314'];

  it('are refused at registration, password change and by admins, saying why, and change nothing', async () => {
    const instructor = await seedUser(server.app, 'instructor');
    const cls = (await api(server, 'POST', '/api/classes', { as: instructor, body: { name: '弱密码班' } }))
      .body.class;
    for (const password of [...COMMON, 'weak_student', 'Weak_Student2024']) {
      const res = await api(server, 'POST', '/api/auth/register', {
        body: { joinCode: cls.joinCode, username: 'weak_student', displayName: '弱', password },
      });
      expect(res.status, password).toBe(400);
      expect(res.body.error.code, password).toBe('weak-password');
      expect(res.body.error.message, password).toMatch(/密码太容易被猜到（.+）/);
    }
    expect(await server.app.users.findByUsername('weak_student')).toBeUndefined();

    const student = await seedUser(server.app, 'student', 'weak_changer');
    for (const newPassword of [...COMMON, 'weak_changer', 'Weak_Changer99']) {
      const res = await api(server, 'POST', '/api/auth/password', {
        as: student,
        body: { currentPassword: TEST_PASSWORD, newPassword },
      });
      expect(res.status, newPassword).toBe(400);
      expect(res.body.error.code).toBe('weak-password');
    }
    expect(
      (
        await api(server, 'POST', '/api/auth/login', {
          body: { username: 'weak_changer', password: TEST_PASSWORD },
        })
      ).status,
    ).toBe(200);

    const admin = await seedUser(server.app, 'admin', 'weak_admin');
    const created = await api(server, 'POST', '/api/users', {
      as: admin,
      body: { username: 'weak_given', displayName: '弱', role: 'student', password: 'qwerty123' },
    });
    expect(created.status).toBe(400);
    expect(created.body.error.code).toBe('weak-password');
    const reset = await api(server, 'POST', `/api/users/${student.user.id}/password`, {
      as: admin,
      body: { password: '11111111' },
    });
    expect(reset.status).toBe(400);
    // A long, uncommon password is fine.
    const fine = await api(server, 'POST', '/api/auth/password', {
      as: student,
      body: { currentPassword: TEST_PASSWORD, newPassword: '青山绿水-kefu-2024' },
    });
    expect(fine.status).toBe(200);
  });
});
