// Login benchmark: `npm run load:login -- [--students N] [--json]`. A class starting a lesson: N students log
// in at the same moment. Starts the real server on 127.0.0.1 (temp data dir, production password cost),
// creates N students through the admin API, then sends the N logins at once and waits for every session
// cookie (loginAllMs); then verifies the same N passwords with the bare hasher, all at once, with no HTTP
// around it (bareHashAllMs: the floor the logins can reach). Also prints the event loop's worst delay during
// the logins: hashing runs off the event loop, so conversations already running keep their pace.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../../server/src/app.ts';
import { ensureFirstAdmin } from '../../server/src/auth/first-admin.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} 需要一个正整数，收到 "${raw}"`);
  return n;
}

const students = arg('students', 40);
const json = process.argv.includes('--json');
const say = (line: string) => {
  if (!json) console.log(line);
};

const dataDir = mkdtempSync(join(tmpdir(), 'kefu-login-'));
const app = await buildApp({
  dataDir,
  scenariosDir: resolve('scenarios'),
  publicOrigin: null,
  clientDir: null,
  logger: false,
  sessionTtlMs: 60 * 60 * 1000,
  // Every login here is a success: the address limit is not what is measured.
  loginLimits: { accountFailures: 5, addressFailures: 10_000, windowMs: 15 * 60 * 1000 },
});
try {
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });

  // The admin logs in and changes the one-time password, then creates the class's accounts.
  const admin = await ensureFirstAdmin(app);
  if (!admin) throw new Error('临时数据库里已有账号');
  let res = await post('/api/auth/login', { username: admin.username, password: admin.password });
  const adminCookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  res = await post(
    '/api/auth/password',
    { currentPassword: admin.password, newPassword: 'load-test-admin-passphrase' },
    adminCookie,
  );
  if (!res.ok) throw new Error(`管理员改密码失败：${await res.text()}`);
  const accounts: { username: string; password: string }[] = [];
  say(`创建 ${students} 个学员账号…`);
  for (let i = 0; i < students; i++) {
    const account = {
      username: `load_student_${i}`,
      password: `kefu-class-${i}-${Math.random().toString(36).slice(2)}`,
    };
    res = await post(
      '/api/users',
      { username: account.username, displayName: `学员${i}`, role: 'student', password: account.password },
      adminCookie,
    );
    if (!res.ok) throw new Error(`创建学员失败：${await res.text()}`);
    accounts.push(account);
  }

  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const start = performance.now();
  const logins = await Promise.all(
    accounts.map(async (a) => {
      const r = await post('/api/auth/login', a);
      await r.arrayBuffer();
      return r.status === 200 && (r.headers.get('set-cookie') ?? '').startsWith('kefu_session=');
    }),
  );
  const loginAllMs = performance.now() - start;
  delay.disable();
  const failed = logins.filter((ok) => !ok).length;
  if (failed > 0) throw new Error(`${failed} 个登录失败`);

  const hashes = await Promise.all(
    accounts.map(async (a) => (await app.users.findByUsername(a.username))?.password_hash ?? ''),
  );
  const bareStart = performance.now();
  const verified = await Promise.all(accounts.map((a, i) => app.passwords.verify(a.password, hashes[i])));
  const bareHashAllMs = performance.now() - bareStart;
  if (verified.some((ok) => !ok)) throw new Error('裸哈希校验失败');

  say(`${students} 人同时登录：全部进入用时 ${loginAllMs.toFixed(0)} ms`);
  say(`同样 ${students} 次密码校验（不经 HTTP）：${bareHashAllMs.toFixed(0)} ms`);
  say(`登录期间事件循环最大延迟：${(delay.max / 1e6).toFixed(1)} ms`);
  say(`密码哈希：${hashes[0]?.split('$').slice(0, 4).join('$')}`);
  const result = {
    students,
    loginAllMs: Math.round(loginAllMs),
    bareHashAllMs: Math.round(bareHashAllMs),
  };
  console.log(JSON.stringify(result));
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
