// SIGKILL the real server process mid-conversation and start it again on the same data: every acknowledged
// message is there at its acknowledged seq, the conversation goes on, and the report is the fold of the log.
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type ConversationEvent,
  type ConversationReportResponse,
  createShopperContext,
  type LoggedEvent,
  loadLibrary,
  type PracticeResponse,
  replayShopper,
  type SendAck,
  scoreEvents,
} from '@kefu/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import {
  api,
  connect,
  request,
  SCENARIOS_DIR,
  type TestServer,
  type TestUser,
  tempDataDir,
  testDatabaseUrl,
} from './helpers/server.ts';

const dataDir = tempDataDir();
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  server: TestServer;
  stdout: string;
}

/** Runs `server/src/main.ts` in its own Node process (tsx as a loader, so SIGKILL hits the server itself). */
async function startProcess(): Promise<Started> {
  const databaseUrl = await testDatabaseUrl(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('server/src/main.ts')], {
    env: {
      ...process.env,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      SCENARIOS_DIR,
      CLIENT_DIR: resolve(dataDir, 'no-client'),
      LOG: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  return new Promise((resolvePromise, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /客服实训已启动：(http:\/\/[^\s]+)/.exec(stdout);
      if (match) {
        const url = match[1]!;
        const server: TestServer = {
          app: undefined as never,
          url,
          origin: url,
          dataDir,
          close: async () => {},
          cleanup: () => {},
        };
        resolvePromise({ child, server, stdout });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGKILL');
  });
}

describe('SIGKILL mid-conversation', () => {
  it('keeps every acknowledged message and carries on after a restart', { timeout: 90_000 }, async () => {
    const first = await startProcess();
    const password = /一次性密码：(\S+)/.exec(first.stdout)?.[1];
    expect(password).toBeDefined();

    // First start: the admin logs in with the printed one-time password and must change it.
    const login = await api(first.server, 'POST', '/api/auth/login', {
      body: { username: 'admin', password },
    });
    expect(login.status).toBe(200);
    const admin: TestUser = {
      user: login.body.user,
      cookie: login.headers.get('set-cookie')!.split(';')[0]!,
    };
    expect(login.body.user.mustChangePassword).toBe(true);
    expect((await api(first.server, 'GET', '/api/classes', { as: admin })).status).toBe(403);
    const changed = await api(first.server, 'POST', '/api/auth/password', {
      as: admin,
      body: { currentPassword: password, newPassword: 'a-new-admin-password' },
    });
    expect(changed.status).toBe(200);
    const cls = await api(first.server, 'POST', '/api/classes', { as: admin, body: { name: '电商一班' } });
    expect(cls.status).toBe(200);
    const registered = await api(first.server, 'POST', '/api/auth/register', {
      body: {
        joinCode: cls.body.class.joinCode,
        username: 'xiaoming',
        displayName: '小明',
        password: 'student-password',
      },
    });
    expect(registered.status).toBe(200);
    const student: TestUser = {
      user: registered.body.user,
      cookie: registered.headers.get('set-cookie')!.split(';')[0]!,
    };

    const socket = await connect(first.server, student);
    const practice = await api<PracticeResponse>(first.server, 'POST', '/api/practice', {
      as: student,
      body: { scenarioId: 'jacket-colour-size' },
    });
    const id = practice.body.conversations[0]!.id;
    const acked: Array<{ id: string; seq: number }> = [];
    for (const [i, text] of ['亲，在的~', '酒红色缺货了哦，黑色、米白色和雾霾蓝都有现货'].entries()) {
      const ack = await request<SendAck>(socket.socket, 'conversation:send', {
        conversationId: id,
        message: { id: `m${i}`, text, source: 'typed' },
      });
      if (!ack.ok) throw new Error(ack.error.message);
      acked.push({ id: `m${i}`, seq: ack.seq });
    }
    await killed(first.child);
    socket.close();

    const second = await startProcess();
    expect(second.stdout).not.toContain('一次性密码');
    // The session cookie survived too: sessions live in the database.
    const detail = await api(second.server, 'GET', `/api/conversations/${id}`, { as: student });
    expect(detail.status).toBe(200);
    for (const { id: messageId, seq } of acked) {
      const found = detail.body.events.filter(
        (e: { event: { type: string; id?: string } }) =>
          e.event.type === 'agent-message' && e.event.id === messageId,
      );
      expect(found.map((e: { seq: number }) => e.seq)).toEqual([seq]);
    }
    expect(detail.body.conversation.status).toBe('open');

    // It goes on: a new message is accepted, a repeated one is recognised.
    const again = await connect(second.server, student);
    const next = await request<SendAck>(again.socket, 'conversation:send', {
      conversationId: id,
      message: { id: 'm2', text: '163、105斤的话建议拍M码', source: 'typed' },
    });
    expect(next).toMatchObject({ ok: true, duplicate: false });
    const repeat = await request<SendAck>(again.socket, 'conversation:send', {
      conversationId: id,
      message: { id: 'm1', text: 'x', source: 'typed' },
    });
    expect(repeat).toMatchObject({ ok: true, duplicate: true, seq: acked[1]!.seq });
    again.close();

    // The staff report is the scoring fold of the stored log, and the log is a clean run of the machine.
    const report = await api<ConversationReportResponse>(
      second.server,
      'GET',
      `/api/reports/conversations/${id}`,
      { as: admin },
    );
    expect(report.status).toBe(200);
    const logged = report.body.events as LoggedEvent[];
    expect(logged.map((e) => e.seq)).toEqual(logged.map((_, i) => i + 1));
    const events = logged.map((e) => e.event as unknown as ConversationEvent);
    const { library } = loadLibrary(readLibrary(SCENARIOS_DIR, '/'));
    const ctx = createShopperContext(library, 'jacket-colour-size', library.rubrics.get('default')!);
    expect(replayShopper(ctx, events).outputs).toEqual(events);
    expect(report.body.report).toEqual(scoreEvents(ctx, events));
    expect(report.body.report.metrics.turns).toBeGreaterThanOrEqual(1);
    await killed(second.child);
  });
});
