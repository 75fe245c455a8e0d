// What one practice start costs the server: `npx tsx tests/load/start-cost.ts [--students N] [--mix K]
// [--together] [--json]`. Starts the real app on SQLite (temp data dir, no network: `inject`), seeds N
// students (default 300) and has each start a random mix of K buyers (default 1): one after another, or with
// `--together` all in the same turn of the event loop (a burst, as under load). Prints the server's CPU per
// start (process.cpuUsage: the route, the shoppers' start, the commit, publishing) and the SQL statements a
// start ran, by text, counted under Kysely's driver and the event log (better-sqlite3's statements).
// `--json`: the last line is {students, mix, together, cpuMsPerStart, statementsPerStart, transactionsPerStart}.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { buildApp } from '../../server/src/app.ts';
import { sessionsRepository } from '../../server/src/db/repositories/sessions.ts';
import { usersRepository } from '../../server/src/db/repositories/users.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} 需要一个正整数，收到 "${raw}"`);
  return n;
}
const students = arg('students', 300);
const mix = arg('mix', 1);
const together = process.argv.includes('--together');
const json = process.argv.includes('--json');

// Count every statement run, by its SQL, on every handle (Kysely's and the event log's).
const counts = new Map<string, number>();
let counting = false;
const probe = new SQLite(':memory:');
const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
probe.close();
for (const method of ['run', 'get', 'all', 'iterate'] as const) {
  const original = statement[method] as (this: { source: string }, ...args: unknown[]) => unknown;
  statement[method] = function (this: { source: string }, ...args: unknown[]) {
    if (counting) counts.set(this.source, (counts.get(this.source) ?? 0) + 1);
    return original.apply(this, args);
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'kefu-start-'));
const app = await buildApp({
  dataDir,
  scenariosDir: resolve('scenarios'),
  publicOrigin: null,
  clientDir: null,
  logger: false,
  sessionTtlMs: 60 * 60 * 1000,
});
try {
  await app.ready();
  const users = usersRepository(app.database.db);
  const sessions = sessionsRepository(app.database.db);
  const cookies: string[] = [];
  for (let i = 0; i < students; i++) {
    const user = await users.create(
      { username: `start${i}`, displayName: `开始${i}`, role: 'student', passwordHash: 'x' },
      Date.now(),
    );
    cookies.push(`kefu_session=${await sessions.create(user.id, Date.now(), 60 * 60 * 1000)}`);
  }
  const start = async (cookie: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/practice',
      headers: { cookie, host: 'kefu.test', origin: 'http://kefu.test', 'content-type': 'application/json' },
      payload: JSON.stringify({ mix }),
    });
    if (res.statusCode !== 200) throw new Error(`开始练习失败：${res.statusCode} ${res.body}`);
  };
  // Warm up (the scenario contexts, the statement cache, the JIT) on a tenth of the students, not counted.
  const warm = Math.max(1, Math.floor(students / 10));
  for (const cookie of cookies.slice(0, warm)) await start(cookie);
  const measured = cookies.slice(warm);
  counting = true;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (together) await Promise.all(measured.map(start));
  else for (const cookie of measured) await start(cookie);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  counting = false;
  const starts = measured.length;
  const cpuMsPerStart = (cpu.user + cpu.system) / 1000 / starts;
  const total = [...counts.values()].reduce((n, c) => n + c, 0);
  const transactions = counts.get('BEGIN') ?? 0;
  if (!json) {
    console.log(
      `${starts} 次开始练习（每次 ${mix} 位买家，${together ? '同时' : '逐个'}）：墙钟 ${wallMs.toFixed(0)} ms，` +
        `每次 CPU ${cpuMsPerStart.toFixed(3)} ms，SQL 语句 ${(total / starts).toFixed(2)} 条，事务 ${(transactions / starts).toFixed(2)} 个`,
    );
    for (const [sql, n] of [...counts.entries()].sort((a, b) => b[1] - a[1])) {
      console.log(`${(n / starts).toFixed(2).padStart(6)}  ${sql.replace(/\s+/g, ' ').slice(0, 110)}`);
    }
  } else {
    const round = (v: number) => Math.round(v * 1000) / 1000;
    console.log(
      JSON.stringify({
        students: starts,
        mix,
        together,
        cpuMsPerStart: round(cpuMsPerStart),
        statementsPerStart: round(total / starts),
        transactionsPerStart: round(transactions / starts),
      }),
    );
  }
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
