// `npx kefu admin …` from the server's machine: create an admin, or give any account a new one-time password
// (ending its sessions), against the same database a running server uses.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  seedUser,
  startServer,
  type TestServer,
  tempDataDir,
  testDatabaseUrl,
} from '../helpers/server.ts';

const BIN = resolve('server/bin/kefu.js');
const dataDir = tempDataDir();
let server: TestServer;
/** The server's PostgreSQL database when the suite runs there (test:cluster); else its SQLite file. */
let databaseUrl: string | null = null;

function kefu(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const passwordIn = (stdout: string) => /一次性密码：(\S+)/.exec(stdout)?.[1];

beforeAll(async () => {
  databaseUrl = await testDatabaseUrl(dataDir);
  server = await startServer({ dataDir });
});
afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('kefu admin', () => {
  it('creates an admin whose one-time password logs in and must be changed', async () => {
    const run = kefu(['admin', 'create', 'principal', '--name', '校长']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const password = passwordIn(run.stdout);
    expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
    const login = await api(server, 'POST', '/api/auth/login', { body: { username: 'principal', password } });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'admin', displayName: '校长', mustChangePassword: true });

    const again = kefu(['admin', 'create', 'principal']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/已被使用.*reset-password/);
  });

  it('resets any account to a new one-time password, logs it out everywhere and lifts its login lock, while the server runs', async () => {
    const teacher = await seedUser(server.app, 'instructor', 'forgetful_teacher');
    expect((await api(server, 'GET', '/api/auth/me', { as: teacher })).status).toBe(200);
    // Locked by wrong guesses first: the reset lifts the running server's lock too (it is in the database).
    for (let i = 0; i < 5; i++) {
      const guess = { username: 'forgetful_teacher', password: `wrong-guess-${i}` };
      expect((await api(server, 'POST', '/api/auth/login', { body: guess })).status).toBe(401);
    }
    const locked = { username: 'forgetful_teacher', password: 'wrong-guess-5' };
    expect((await api(server, 'POST', '/api/auth/login', { body: locked })).status).toBe(429);
    const run = kefu(['admin', 'reset-password', 'forgetful_teacher']);
    expect(run.code).toBe(0);
    const password = passwordIn(run.stdout);
    expect((await api(server, 'GET', '/api/auth/me', { as: teacher })).status).toBe(401);
    const login = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'forgetful_teacher', password },
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'instructor', mustChangePassword: true });
  });

  it('refuses an unknown account, a bad username and a missing action in Chinese, changing nothing', async () => {
    const before = await server.app.users.count();
    const unknown = kefu(['admin', 'reset-password', 'nobody_here']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/没有用户“nobody_here”.*admin create/);
    const bad = kefu(['admin', 'create', 'no spaces allowed']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/用户名/);
    const missing = kefu(['admin', 'promote', 'principal']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/用法/);
    expect(await server.app.users.count()).toBe(before);
  });
});
