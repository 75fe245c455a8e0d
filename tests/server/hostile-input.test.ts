// What a curious or hostile client sends that no form would: deeply nested JSON, NUL and other control
// characters, zero-width-only names, lone surrogates, broken percent-encoding — in bodies, query strings,
// path parameters and socket payloads. Each gets a clear error in the protocol's shape or is cleaned the
// same way everywhere, and never a 500 (on PostgreSQL, NUL in text used to fail the query).
import type { Ack, PracticeResponse, SessionErrorPayload } from '@kefu/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { safeFileName } from '../../server/src/http/content-disposition.ts';
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
let student: TestUser;
let instructor: TestUser;
let admin: TestUser;
const clients: LiveClient[] = [];

const CHINESE = /[\u4e00-\u9fff]/;

beforeAll(async () => {
  server = await startServer();
  student = await seedUser(server.app, 'student', 'hostile_student');
  instructor = await seedUser(server.app, 'instructor', 'hostile_teacher');
  admin = await seedUser(server.app, 'admin', 'hostile_admin');
});

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

async function classNames(): Promise<string[]> {
  const res = await api(server, 'GET', '/api/classes', { as: instructor });
  return res.body.classes.map((c: { name: string }) => c.name);
}

/** The student's own practice of price-objection and a live socket of theirs. */
async function practiceWithSocket() {
  const practice = await api<PracticeResponse>(server, 'POST', '/api/practice', {
    as: student,
    body: { scenarioId: 'price-objection' },
  });
  const c = await connect(server, student);
  clients.push(c);
  return { conversationId: practice.body.conversations[0]!.id, c };
}

describe('deeply nested JSON', () => {
  it('is refused with a 400 in Chinese, signed in or not, and creates nothing', async () => {
    const before = await classNames();
    const depth = 100_000;
    for (const raw of [
      '['.repeat(depth) + ']'.repeat(depth),
      `{"name":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
    ]) {
      const res = await api(server, 'POST', '/api/classes', { as: instructor, raw });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad-request');
      expect(res.body.error.message).toMatch(CHINESE);
    }
    const anonymous = await api(server, 'POST', '/api/auth/login', {
      raw: '['.repeat(depth) + ']'.repeat(depth),
    });
    expect(anonymous.status).toBe(400);
    expect(await classNames()).toEqual(before);
  });

  it('over a socket gets a bad-request, keeps the socket, and the next message goes through', async () => {
    const { conversationId, c } = await practiceWithSocket();
    const refused = new Promise<SessionErrorPayload>((resolve) => c.socket.once('session:error', resolve));
    // Written as a raw Socket.IO event packet (type 2): the client library cannot encode this deep a value.
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    (c.socket.io.engine as unknown as { write(data: string): void }).write(`2["conversation:send",${deep}]`);
    const error = await refused;
    expect(error.error.code).toBe('bad-request');
    expect(c.socket.connected).toBe(true);
    const sent = await request<Ack>(c.socket, 'conversation:send', {
      conversationId,
      message: { id: 'after-deep', text: '您好，在的', source: 'typed' },
    });
    expect(sent.ok).toBe(true);
  });
});

describe('invisible and broken characters', () => {
  it('removes NUL and other control characters from names; tabs and line breaks stay in messages', async () => {
    const cls = await api(server, 'POST', '/api/classes', {
      as: instructor,
      body: { name: '电商\u0000一班\u0007' },
    });
    expect(cls.status).toBe(200);
    expect(cls.body.class.name).toBe('电商一班');
    const user = await api(server, 'POST', '/api/users', {
      as: admin,
      body: { username: 'nul_student', displayName: '小\u0000明\u001b', role: 'student' },
    });
    expect(user.status).toBe(200);
    expect(user.body.user.displayName).toBe('小明');
  });

  it('refuses a name of only zero-width characters as empty, and creates nothing', async () => {
    const before = await classNames();
    const cls = await api(server, 'POST', '/api/classes', {
      as: instructor,
      body: { name: '\u200b\ufeff\u2060' },
    });
    expect(cls.status).toBe(400);
    expect(cls.body.error.message).toContain('班级名称');
    expect(await classNames()).toEqual(before);
    const user = await api(server, 'POST', '/api/users', {
      as: admin,
      body: { username: 'invisible_name', displayName: ' \u200b ', role: 'student' },
    });
    expect(user.status).toBe(400);
    expect(user.body.error.message).toContain('姓名');
    // A zero-width space inside a name is dropped, so "小\u200b明" is written and shown as 小明.
    const inside = await api(server, 'POST', '/api/classes', {
      as: instructor,
      body: { name: '三\u200b班' },
    });
    expect(inside.body.class.name).toBe('三班');
  });

  it('stores a lone surrogate as U+FFFD, the same in the answer and when read back', async () => {
    const created = await api(server, 'POST', '/api/classes', {
      as: instructor,
      raw: '{"name":"半个\\ud83d表情"}',
    });
    expect(created.status).toBe(200);
    expect(created.body.class.name).toBe('半个\uFFFD表情');
    expect(await classNames()).toContain('半个\uFFFD表情');
  });

  it('answers NUL in path parameters, query strings and login names like any unknown value', async () => {
    const conversation = await api(server, 'GET', '/api/conversations/a%00b', { as: student });
    expect(conversation.status).toBe(404);
    expect(conversation.body.error.code).toBe('conversation-not-found');
    const scenarios = await api(server, 'GET', '/api/scenarios?classId=a%00b', { as: student });
    expect(scenarios.status).toBe(404);
    const login = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'nobody\u0000', password: 'wrong-password-1' },
    });
    expect(login.status).toBe(401);
    expect(login.body.error.code).toBe('wrong-credentials');
  });

  it('cleans socket messages the same way: what is acknowledged is what the log keeps', async () => {
    const { conversationId, c } = await practiceWithSocket();
    const sent = await request<Ack>(c.socket, 'conversation:send', {
      conversationId,
      message: { id: 'nul-1', text: '亲\u0000，在的\u200b哦\ud83d', source: 'typed' },
    });
    expect(sent.ok).toBe(true);
    const unknown = await request<Ack>(c.socket, 'conversation:send', {
      conversationId: 'x\u0000y',
      message: { id: 'nul-2', text: '您好', source: 'typed' },
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'conversation-not-found' } });
    const log = await api(server, 'GET', `/api/conversations/${conversationId}`, { as: student });
    const texts = log.body.events
      .filter((e: { event: { type: string } }) => e.event.type === 'agent-message')
      .map((e: { event: { text: string } }) => e.event.text);
    expect(texts).toEqual(['亲，在的哦\uFFFD']);
  });

  it('refuses a message of only invisible characters as empty', async () => {
    const { conversationId, c } = await practiceWithSocket();
    const sent = await request<Ack>(c.socket, 'conversation:send', {
      conversationId,
      message: { id: 'zw-1', text: '\u200b\u0000\ufeff', source: 'typed' },
    });
    expect(sent).toMatchObject({ ok: false, error: { code: 'empty-message' } });
  });

  it('names an unknown rubric dimension in Chinese and saves nothing', async () => {
    const res = await api(server, 'POST', '/api/studio/rubrics', {
      as: instructor,
      body: { basedOn: 'default', name: '乱填的标准', weights: { bogus: 5 }, thresholds: {} },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('rubric-invalid');
    expect(res.body.error.message).toContain('bogus');
    expect(res.body.error.message).not.toMatch(/Unrecognized/);
  });

  it('answers a broken percent-encoding in the path in Chinese', async () => {
    const res = await api(server, 'GET', '/api/conversations/%E0%A4%A', { as: student });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad-request');
    expect(res.body.error.message).toMatch(CHINESE);
    expect(res.body.error.message).not.toMatch(/valid url/);
  });
});

describe('download file names', () => {
  // RFC 6266 / 8187: a quoted ASCII fallback, then filename* of attr-chars and %XX only ('()* included).
  const HEADER =
    /^attachment; filename="[\x20\x21\x23-\x5b\x5d-\x7e]+"; filename\*=UTF-8''(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})+$/;
  const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\p{Cc}]/u;

  async function downloads(name: string) {
    const cls = await api(server, 'POST', '/api/classes', { as: instructor, body: { name } });
    expect(cls.status).toBe(200);
    const id = cls.body.class.id;
    return Promise.all(
      [
        `/api/reports/classes/${id}/grades.csv`,
        `/api/reports/classes/${id}/export.csv?lang=en`,
        `/api/appeals/corpus.yaml?classId=${id}`,
      ].map((url) => api(server, 'GET', url, { as: instructor })),
    );
  }

  it.each([
    ['O\'Brien 的 "班"(1)*', "O'Brien 的 _班_(1)_"],
    ['一班\r\n二班\t三班', '一班 二班 三班'],
    ['😀👩‍👩‍👧🇨🇳', '😀👩‍👩‍👧🇨🇳'],
    ['../..\\etc:passwd?<>|', 'etc_passwd____'],
    ['长'.repeat(60), '长'.repeat(60)],
  ])('names the file after %j safely in every download', async (name, shown) => {
    for (const res of await downloads(name)) {
      expect(res.status).toBe(200);
      const header = res.headers.get('content-disposition')!;
      expect(header).toMatch(HEADER);
      const filename = decodeURIComponent(header.split("UTF-8''")[1]!);
      expect(filename).not.toMatch(UNSAFE_IN_FILE_NAMES);
      expect(filename.startsWith(`${shown}-`)).toBe(true);
      expect(filename).toMatch(/\.(csv|yaml)$/);
    }
  });

  it('cuts a name longer than file systems take at a whole character, keeping the extension', () => {
    const family = '👩‍👩‍👧';
    const cut = safeFileName(`${family.repeat(100)}-成绩.csv`, 'grades.csv');
    expect(cut.endsWith('.csv')).toBe(true);
    expect(cut.slice(0, -4)).toBe(family.repeat(76));
    expect(safeFileName(' ..\r\n', 'grades.csv')).toBe('grades.csv');
  });
});
