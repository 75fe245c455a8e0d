// Bad input gets a clear error and changes nothing: oversized and empty messages, malformed payloads,
// unknown events, floods, forged origins, wrong roles, login guessing.
import {
  type Ack,
  type ConversationDetailResponse,
  MAX_MESSAGE_CHARS,
  type PracticeResponse,
  type SessionErrorPayload,
  SIMULATION_EPOCH,
  SOCKET_RATE_LIMIT,
  SOCKET_RATE_WINDOW_MS,
} from '@kefu/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
let student: TestUser;
let instructor: TestUser;
let conversationId: string;
const clients: LiveClient[] = [];

const CHINESE = /[\u4e00-\u9fff]/;

async function lastSeq(): Promise<number> {
  const res = await api<ConversationDetailResponse>(server, 'GET', `/api/conversations/${conversationId}`, {
    as: student,
  });
  return res.body.conversation.lastSeq;
}

async function client(): Promise<LiveClient> {
  const c = await connect(server, student);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  clock = new ManualClock(SIMULATION_EPOCH);
  server = await startServer({ clock });
  student = await seedUser(server.app, 'student', 'bad_input_student');
  instructor = await seedUser(server.app, 'instructor');
  const res = await api<PracticeResponse>(server, 'POST', '/api/practice', {
    as: student,
    body: { scenarioId: 'price-objection' },
  });
  conversationId = res.body.conversations[0]!.id;
});

// Each test's sockets close after it, as tabs do (one user may hold only so many open at once).
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('socket messages', () => {
  it('refuses a message over the length limit and stores nothing; the limit itself is fine', async () => {
    const c = await client();
    const before = await lastSeq();
    const tooLong = await request<Ack>(c.socket, 'conversation:send', {
      conversationId,
      message: { id: 'long', text: '好'.repeat(MAX_MESSAGE_CHARS + 1), source: 'typed' },
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'too-long' } });
    if (!tooLong.ok) expect(tooLong.error.message).toMatch(/最多 2000/);
    expect(await lastSeq()).toBe(before);

    const atLimit = await request<Ack>(c.socket, 'conversation:send', {
      conversationId,
      message: { id: 'at-limit', text: '好'.repeat(MAX_MESSAGE_CHARS), source: 'typed' },
    });
    expect(atLimit.ok).toBe(true);
  });

  const malformed: Array<[string, unknown[]]> = [
    ['no payload', []],
    ['null', [null]],
    ['a string', ['hello']],
    ['two payloads', [{ conversationId: 'x' }, { more: true }]],
    ['missing message', [{ conversationId: 'c' }]],
    ['number id', [{ conversationId: 5, message: { id: 'a', text: 'b', source: 'typed' } }]],
    ['empty message id', [{ conversationId: 'c', message: { id: '', text: 'b', source: 'typed' } }]],
    ['unknown source', [{ conversationId: 'c', message: { id: 'a', text: 'b', source: 'robot' } }]],
    ['extra field', [{ conversationId: 'c', message: { id: 'a', text: 'b', source: 'typed' }, admin: true }]],
    [
      'unknown action',
      [{ conversationId: 'c', message: { id: 'a', text: 'b', source: 'action', action: 'refund' } }],
    ],
  ];
  it.each(malformed)(
    'refuses a malformed send (%s) with bad-request and a Chinese message',
    async (_name, args) => {
      const c = await client();
      const before = await lastSeq();
      const ack = await request<Ack>(
        c.socket,
        'conversation:send',
        ...args.map((a) =>
          a !== null && typeof a === 'object' && (a as { conversationId?: unknown }).conversationId === 'c'
            ? { ...a, conversationId }
            : a,
        ),
      );
      expect(ack).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      if (!ack.ok) expect(ack.error.message).toMatch(CHINESE);
      expect(await lastSeq()).toBe(before);
    },
  );

  it('refuses an empty message', async () => {
    const c = await client();
    const ack = await request<Ack>(c.socket, 'conversation:send', {
      conversationId,
      message: { id: 'blank', text: '   ', source: 'typed' },
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'empty-message', message: '消息不能为空' } });
  });

  it('refuses a malformed resync', async () => {
    const c = await client();
    for (const afterSeq of [-1, 1.5, '3', null]) {
      const ack = await request<Ack>(c.socket, 'conversation:resync', { conversationId, afterSeq });
      expect(ack, String(afterSeq)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
  });

  it('answers an unknown event with unknown-event, by ack or as session:error without one', async () => {
    const c = await client();
    const ack = await request<Ack>(c.socket, 'conversation:delete', { conversationId });
    expect(ack).toMatchObject({ ok: false, error: { code: 'unknown-event' } });
    if (!ack.ok) expect(ack.error.message).toMatch(CHINESE);

    const error = new Promise<SessionErrorPayload>((resolve) => c.socket.once('session:error', resolve));
    (c.socket.emit as (...a: unknown[]) => void)('drop:tables', {});
    expect(await error).toMatchObject({ event: 'drop:tables', error: { code: 'unknown-event' } });

    const noAck = new Promise<SessionErrorPayload>((resolve) => c.socket.once('session:error', resolve));
    (c.socket.emit as (...a: unknown[]) => void)('conversation:send', { conversationId });
    expect(await noAck).toMatchObject({ event: 'conversation:send', error: { code: 'bad-request' } });
  });

  it('rate-limits a flooding socket; refused messages are not stored', async () => {
    // The student's own budget (all sockets together) refills first: earlier tests spent some of it.
    await clock.advanceBy(5_000);
    const c = await client();
    const before = await lastSeq();
    const acks = await Promise.all(
      Array.from({ length: SOCKET_RATE_LIMIT + 10 }, (_, i) =>
        request<Ack>(c.socket, 'conversation:send', {
          conversationId,
          message: { id: `flood-${i}`, text: `第${i}条`, source: 'typed' },
        }),
      ),
    );
    const accepted = acks.filter((a) => a.ok);
    const refused = acks.filter((a) => !a.ok);
    expect(accepted).toHaveLength(SOCKET_RATE_LIMIT);
    expect(refused).toHaveLength(10);
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    const log = await api<ConversationDetailResponse>(server, 'GET', `/api/conversations/${conversationId}`, {
      as: student,
    });
    const flood = log.body.events.filter(
      (e) => e.event.type === 'agent-message' && e.event.id.startsWith('flood-'),
    );
    expect(flood).toHaveLength(SOCKET_RATE_LIMIT);
    expect(log.body.conversation.lastSeq).toBeGreaterThan(before);

    // Half a window later it has refilled by half: ten more now, so up to twice the limit in one window.
    await clock.advanceBy(SOCKET_RATE_WINDOW_MS / 2);
    const half = await Promise.all(
      Array.from({ length: SOCKET_RATE_LIMIT }, (_, i) =>
        request<Ack>(c.socket, 'conversation:send', {
          conversationId,
          message: { id: `half-${i}`, text: `再来${i}`, source: 'typed' },
        }),
      ),
    );
    expect(half.filter((a) => a.ok)).toHaveLength(SOCKET_RATE_LIMIT / 2);

    // Another socket of the same student is not punished, and the budget refills with time.
    const other = await client();
    const fine = await request<Ack>(other.socket, 'conversation:resync', { conversationId, afterSeq: 0 });
    expect(fine.ok).toBe(true);
    await clock.advanceBy(5_000);
    const later = await request<Ack>(c.socket, 'conversation:resync', { conversationId, afterSeq: 0 });
    expect(later.ok).toBe(true);
  });
});

describe('origins', () => {
  it('refuses a socket handshake from a foreign origin', async () => {
    await expect(connect(server, student, { origin: 'http://evil.example' })).rejects.toThrow();
  });

  it('refuses state-changing requests with a foreign or missing Origin and creates nothing', async () => {
    const before = await api(server, 'GET', '/api/conversations', { as: student });
    for (const origin of ['http://evil.example', null, `${server.origin}.evil.example`]) {
      const res = await api(server, 'POST', '/api/practice', {
        as: student,
        origin,
        body: { scenarioId: 'price-objection' },
      });
      expect(res.status, String(origin)).toBe(403);
      expect(res.body.error.code).toBe('bad-origin');
      expect(res.body.error.message).toMatch(CHINESE);
    }
    const login = await api(server, 'POST', '/api/auth/login', {
      origin: 'http://evil.example',
      body: { username: 'bad_input_student', password: TEST_PASSWORD },
    });
    expect(login.status).toBe(403);
    expect(login.headers.get('set-cookie')).toBeNull();
    const after = await api(server, 'GET', '/api/conversations', { as: student });
    expect(after.body.conversations).toEqual(before.body.conversations);
    // Reading is not state-changing: a GET needs no Origin.
    expect((await api(server, 'GET', '/api/auth/me', { as: student, origin: null })).status).toBe(200);
  });
});

describe('HTTP bodies and roles', () => {
  it('refuses malformed bodies with the field named, and creates nothing', async () => {
    const before = (await api(server, 'GET', '/api/conversations', { as: student })).body.conversations
      .length;
    const bad = [
      { scenarioId: 'Not An Id!' },
      { mix: 0 },
      { mix: 99 },
      { scenarioId: 'price-objection', mix: 1 },
      [],
      'text',
    ];
    for (const body of bad) {
      const res = await api(server, 'POST', '/api/practice', { as: student, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('bad-request');
      expect(res.body.error.message).toMatch(CHINESE);
    }
    const unknown = await api(server, 'POST', '/api/practice', {
      as: student,
      body: { scenarioId: 'no-such-buyer' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/没有场景/);
    const after = (await api(server, 'GET', '/api/conversations', { as: student })).body.conversations.length;
    expect(after).toBe(before);
  });

  it('refuses invalid JSON and unknown API paths with JSON errors', async () => {
    const res = await api(server, 'POST', '/api/practice', { as: student, raw: '{"scenarioId":' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad-json');
    const missing = await api(server, 'GET', '/api/nothing-here', { as: student });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/没有这个接口/);
  });

  it('answers framework refusals (413, 414, 415, 431) in the same shape, in Chinese', async () => {
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${server.url}/api/practice`, {
        method: 'POST',
        headers: { origin: server.origin, cookie: student.cookie, ...headers },
        body,
      });
    const cases: Array<[string, Promise<Response>, number, string]> = [
      [
        'body over 1 MB',
        post({ 'content-type': 'application/json' }, `"${'a'.repeat(1_100_000)}"`),
        413,
        'body-too-large',
      ],
      ['XML body', post({ 'content-type': 'application/xml' }, '<practice/>'), 415, 'unsupported-media-type'],
      [
        'over-long path parameter',
        fetch(`${server.url}/api/classes/${'x'.repeat(200)}`, { headers: { cookie: student.cookie } }),
        414,
        'url-too-long',
      ],
      [
        'headers over 16 KB',
        fetch(`${server.url}/api/auth/me`, {
          headers: { cookie: `${student.cookie}; pad=${'x'.repeat(20_000)}` },
        }),
        431,
        'headers-too-large',
      ],
    ];
    for (const [name, response, status, code] of cases) {
      const res = await response;
      expect(res.status, name).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code, name).toBe(code);
      expect(body.error.message, name).toMatch(CHINESE);
    }
  });

  it('names only the chat message as too long: other long texts are bad requests', async () => {
    const res = await api(server, 'POST', '/api/studio/scenarios', {
      as: instructor,
      body: { text: 'a'.repeat(200_001) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad-request');
    expect(res.body.error.message).toMatch(/场景文件过大/);
  });

  it('refuses the wrong role and changes nothing', async () => {
    const before = (await api(server, 'GET', '/api/classes', { as: instructor })).body.classes.length;
    const res = await api(server, 'POST', '/api/classes', { as: student, body: { name: '学生想建的班' } });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden' });
    expect(res.body.error.message).toMatch(CHINESE);
    const created = await api(server, 'POST', '/api/classes', { as: instructor, body: { name: '讲师的班' } });
    expect(created.status).toBe(200);
    expect((await api(server, 'GET', '/api/classes', { as: instructor })).body.classes.length).toBe(
      before + 1,
    );
    expect((await api(server, 'GET', '/api/users', { as: instructor })).status).toBe(403);
  });

  it('refuses registration with a wrong join code and creates no account', async () => {
    const res = await api(server, 'POST', '/api/auth/register', {
      body: { joinCode: 'ZZZZZZ', username: 'nobody_here', displayName: '无名', password: 'password-123' },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/邀请码/);
    expect(await server.app.users.findByUsername('nobody_here')).toBeUndefined();
  });
});

describe('login rate limit', () => {
  it('locks an account after five wrong passwords, even for the right one, and says when to retry', async () => {
    await seedUser(server.app, 'student', 'guessed_user');
    for (let i = 0; i < 5; i++) {
      const res = await api(server, 'POST', '/api/auth/login', {
        body: { username: 'guessed_user', password: `wrong-${i}` },
      });
      expect(res.status).toBe(401);
      expect(res.body.error.message).toMatch(/用户名或密码不对/);
    }
    const right = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'guessed_user', password: TEST_PASSWORD },
    });
    expect(right.status).toBe(429);
    expect(right.body.error).toMatchObject({ code: 'login-locked', params: { minutes: 15 } });
    expect(right.body.error.message).toMatch(/分钟后再试/);
    expect(right.headers.get('set-cookie')).toBeNull();
    // After the window the account works again.
    await clock.advanceBy(16 * 60_000);
    const later = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'guessed_user', password: TEST_PASSWORD },
    });
    expect(later.status).toBe(200);
  });

  it('limits attempts per address across accounts', async () => {
    const limited = await startServer({
      clock,
      loginLimits: { accountFailures: 100, addressFailures: 3, windowMs: 60_000 },
    });
    try {
      for (let i = 0; i < 3; i++) {
        const res = await api(limited, 'POST', '/api/auth/login', {
          body: { username: `who${i}`, password: 'x' },
        });
        expect(res.status).toBe(401);
      }
      const attempt = (username: string) =>
        api(limited, 'POST', '/api/auth/login', { body: { username, password: 'x' } });
      // The address is full: an account already guessed at is refused.
      expect((await attempt('who0')).status).toBe(429);
      // An account nobody guessed at gets one guess (a student in a locked room), then the address limit holds.
      expect((await attempt('who9')).status).toBe(401);
      expect((await attempt('who9')).status).toBe(429);
    } finally {
      await limited.close();
      limited.cleanup();
    }
  });
});
