// Load benchmark: `npm run load -- --students N [--seconds S] [--shoppers K] [--nodes P] [--db sqlite|postgres]
// [--json]`.
// Starts the real server on 127.0.0.1 (temp data dir), seeds N students with sessions, and runs N socket.io
// bots in a separate process, each keeping K (default 3) buyers open and answering them with model answers
// in real time. Each student starts a random mix of K buyers (one request; they walk in 8–20 s apart) at a
// random moment of a ramp of up to 20 s; `--separate-starts` sends one request per buyer instead, each
// walking in at once (three times the starts, every buyer talking from the first second). Prints connections, messages, ack latency, shopper reaction latency beyond the scripted time,
// lost and duplicated messages and server RSS; then runs the same bots and send pattern against a bare
// Socket.IO echo server and prints our/echo ratios. Bounded in time: it kills itself after the budget.
// `--db postgres` runs on a throwaway PostgreSQL (Debian's postgresql package; KEFU_LOAD_PG=a superuser URL
// uses that server instead, in a fresh database) and `--nodes P` starts P server processes sharing it, each
// bot staying on one of them; the server lines then sum (RSS) or take the worst (event-loop delay) of them.
// `--json`: the last line is one JSON object {students, shoppers (per student), lost, duplicated,
// connectFailures (socket connections and practice starts that failed), ackP50Ms, ackP99Ms, echoAckP50Ms,
// echoAckP99Ms, reactionP99Ms, rssPeakMb}. LOAD_LOG=1 prints the servers' logs (JSON lines) too;
// LOAD_CPU_PROF=DIR has each server process of `--nodes`/`--db postgres` write a CPU profile into DIR;
// KEFU_ACK_TRACE=1 prints where the servers' acknowledgements spent the measured window (see
// server/src/realtime/ack-trace.ts); LOAD_HEAP_PROF=FILE writes a sampling heap profile of the in-process
// server's measured window to FILE (every allocation sampled, the garbage included: what feeds the GC;
// with LOAD_HEAP_PROF_SURVIVORS=1 only what survived the scavenges, i.e. what they copy and promote);
// LOAD_WINDOW_CPU_PROF=FILE writes a CPU profile (0.2 ms samples) of the in-process server's measured window
// (tests/load/long-tasks.ts reads its long tasks).
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { Server } from 'socket.io';
import { buildApp } from '../../server/src/app.ts';
import { passwordHasher } from '../../server/src/auth/password.ts';
import { openDatabase } from '../../server/src/db/connection.ts';
import { sessionsRepository } from '../../server/src/db/repositories/sessions.ts';
import { usersRepository } from '../../server/src/db/repositories/users.ts';
import type { Database } from '../../server/src/db/schema.ts';
import { ackTrace } from '../../server/src/realtime/ack-trace.ts';
import { startPostgres, type ThrowawayPostgres } from '../cluster/postgres.ts';
import type { EchoCommand, RunCommand, Summary } from './bots.ts';
import type { NodeCommand, NodeReport } from './server-node.ts';

function rawArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

function arg(name: string, fallback: number): number {
  const raw = rawArg(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} 需要一个正数，收到 "${raw}"`);
  return n;
}

const students = Math.floor(arg('students', 100));
const seconds = arg('seconds', 60);
const shoppers = Math.floor(arg('shoppers', 3));
const nodes = Math.floor(arg('nodes', 1));
const separateStarts = process.argv.includes('--separate-starts');
const dbKind = rawArg('db') ?? 'sqlite';
const json = process.argv.includes('--json');
if (dbKind !== 'sqlite' && dbKind !== 'postgres')
  throw new Error(`--db 只能是 sqlite 或 postgres，收到 "${dbKind}"`);
if (nodes > 1 && dbKind === 'sqlite')
  throw new Error('SQLite 只能由一个服务器进程使用：多进程请加 --db postgres');
const HOST = '127.0.0.1';
// Hard bound: database start, ramp-up, two measured windows, verification and shutdown.
const budgetMs = (2 * seconds + 120 + students / 10 + (dbKind === 'postgres' ? 60 : 0)) * 1000;
const watchdog = setTimeout(() => {
  console.error(`负载测试超过时间上限（${Math.round(budgetMs / 1000)} 秒），强制退出`);
  cleanup();
  process.exit(2);
}, budgetMs);
watchdog.unref();

const dataDir = mkdtempSync(join(tmpdir(), 'kefu-load-'));
const scenariosDir = resolve('scenarios');
let postgres: ThrowawayPostgres | null = null;
const children: ChildProcess[] = [];
function cleanup(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  postgres?.stop();
  postgres = null;
  rmSync(dataDir, { recursive: true, force: true });
}

const bots = fork(resolve('tests/load/bots.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
function ask(
  cmd: RunCommand | EchoCommand,
  onMeasuring: () => void = () => {},
  onWindowEnd: () => void = () => {},
): Promise<Summary> {
  return new Promise((resolvePromise, reject) => {
    const listener = (m: { type: string; summary?: Summary; message?: string }) => {
      if (m.type === 'measuring') return onMeasuring();
      if (m.type === 'window-end') return onWindowEnd();
      bots.off('message', listener);
      if (m.type === 'result' && m.summary) resolvePromise(m.summary);
      else reject(new Error(m.message ?? 'bots failed'));
    };
    bots.on('message', listener);
    bots.send(cmd);
  });
}

/** What the server lines of the table show, over the measured window. */
interface ServerFigures {
  loop: { p50: number; p99: number; max: number };
  baseRss: number;
  peakRss: number;
}

/** The server(s) under load: one in this process (the default), or `nodes` processes on one database. */
interface ServersUnderLoad {
  urls: string[];
  /** The students' session cookies, seeded straight into the database. */
  seed(count: number): Promise<string[]>;
  measureStart(): void;
  measureEnd(): void;
  figures(): Promise<ServerFigures>;
  close(): Promise<void>;
}

async function seedStudents(db: Kysely<Database>, count: number): Promise<string[]> {
  // One password hash for all, at the production cost.
  const hash = await passwordHasher().hash('load-test-password');
  const users = usersRepository(db);
  const sessions = sessionsRepository(db);
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const user = await users.create(
      { username: `load${i}`, displayName: `压测${i}`, role: 'student', passwordHash: hash },
      Date.now(),
    );
    cookies.push(`kefu_session=${await sessions.create(user.id, Date.now(), 24 * 60 * 60 * 1000)}`);
  }
  return cookies;
}

async function inProcessServer(): Promise<ServersUnderLoad> {
  const app = await buildApp({
    dataDir,
    scenariosDir,
    publicOrigin: null,
    clientDir: null,
    logger: process.env.LOAD_LOG === '1',
    sessionTtlMs: 24 * 60 * 60 * 1000,
  });
  const url = await app.listen({ port: 0, host: HOST });
  let peakRss = 0;
  const rssSampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 250);
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  let baseRss = 0;
  let measured: ServerFigures | null = null;
  const heapProfile = process.env.LOAD_HEAP_PROF ? new Session() : null;
  const cpuProfile = process.env.LOAD_WINDOW_CPU_PROF ? new Session() : null;
  return {
    urls: [url],
    seed: async (count) => {
      const cookies = await seedStudents(app.database.db, count);
      baseRss = process.memoryUsage().rss;
      peakRss = baseRss;
      return cookies;
    },
    measureStart: () => {
      // Only the measured window counts (after the ramp-up), as for the bots' latencies.
      loopDelay.reset();
      loopDelay.enable();
      ackTrace?.reset();
      peakRss = process.memoryUsage().rss;
      if (cpuProfile) {
        cpuProfile.connect();
        cpuProfile.post('Profiler.enable');
        cpuProfile.post('Profiler.setSamplingInterval', { interval: 200 });
        cpuProfile.post('Profiler.start');
      }
      if (heapProfile) {
        heapProfile.connect();
        heapProfile.post('HeapProfiler.enable');
        heapProfile.post('HeapProfiler.startSampling', {
          samplingInterval: 16384,
          includeObjectsCollectedByMajorGC: true,
          // LOAD_HEAP_PROF_SURVIVORS=1: only what outlived the scavenges (what they copy and promote).
          includeObjectsCollectedByMinorGC: process.env.LOAD_HEAP_PROF_SURVIVORS !== '1',
        });
      }
    },
    measureEnd: () => {
      loopDelay.disable();
      if (ackTrace) console.error(`KEFU_ACK_TRACE (server, measured window):\n${ackTrace.report()}`);
      cpuProfile?.post('Profiler.stop', (err, result) => {
        if (err) console.error(`CPU profile: ${err.message}`);
        else writeFileSync(process.env.LOAD_WINDOW_CPU_PROF!, JSON.stringify(result.profile));
        cpuProfile.disconnect();
      });
      heapProfile?.post('HeapProfiler.stopSampling', (err, result) => {
        if (err) console.error(`heap profile: ${err.message}`);
        else writeFileSync(process.env.LOAD_HEAP_PROF!, JSON.stringify(result.profile));
        heapProfile.disconnect();
      });
      measured = {
        loop: {
          p50: loopDelay.percentile(50) / 1e6,
          p99: loopDelay.percentile(99) / 1e6,
          max: loopDelay.max / 1e6,
        },
        baseRss,
        peakRss,
      };
    },
    figures: async () => measured ?? { loop: { p50: 0, p99: 0, max: 0 }, baseRss, peakRss },
    close: async () => {
      clearInterval(rssSampler);
      await app.close();
    },
  };
}

async function serverProcesses(databaseUrl: string | null): Promise<ServersUnderLoad> {
  const started: Array<{ child: ChildProcess; url: string }> = [];
  // One after the other: the first one migrates the database.
  for (let i = 0; i < nodes; i++) {
    // LOAD_CPU_PROF=DIR: each server process writes a CPU profile there when it closes.
    const profile = process.env.LOAD_CPU_PROF;
    const child = fork(resolve('tests/load/server-node.ts'), [], {
      execArgv: ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])],
      stdio: 'inherit',
      env: {
        ...process.env,
        LOAD_DATA_DIR: dataDir,
        LOAD_DATABASE_URL: databaseUrl ?? '',
        LOAD_SCENARIOS_DIR: scenariosDir,
      },
    });
    children.push(child);
    const url = await new Promise<string>((resolveUrl, reject) => {
      child.once('message', (m: NodeReport) => (m.type === 'listening' ? resolveUrl(m.url) : reject(m)));
      child.once('exit', (code) => reject(new Error(`server process ${i} exited (${code})`)));
    });
    started.push({ child, url });
  }
  const reports: Promise<NodeReport>[] = [];
  return {
    urls: started.map((s) => s.url),
    seed: async (count) => {
      const connection = await openDatabase({ dataDir, databaseUrl });
      try {
        return await seedStudents(connection.db, count);
      } finally {
        await connection.close();
      }
    },
    measureStart: () => {
      for (const { child } of started) child.send({ type: 'measure-start' } satisfies NodeCommand);
    },
    measureEnd: () => {
      for (const { child } of started) {
        reports.push(
          new Promise((resolveReport) => {
            const listener = (m: NodeReport) => {
              if (m.type !== 'measured') return;
              child.off('message', listener);
              resolveReport(m);
            };
            child.on('message', listener);
          }),
        );
        child.send({ type: 'measure-end' } satisfies NodeCommand);
      }
    },
    figures: async () => {
      const measured = (await Promise.all(reports)).flatMap((r) => (r.type === 'measured' ? [r] : []));
      return {
        loop: {
          p50: Math.max(...measured.map((m) => m.loop.p50)),
          p99: Math.max(...measured.map((m) => m.loop.p99)),
          max: Math.max(...measured.map((m) => m.loop.max)),
        },
        baseRss: measured.reduce((n, m) => n + m.baseRss, 0),
        peakRss: measured.reduce((n, m) => n + m.peakRss, 0),
      };
    },
    close: async () => {
      await Promise.all(
        started.map(
          ({ child }) =>
            new Promise<void>((resolveClose) => {
              child.once('exit', () => resolveClose());
              child.send({ type: 'close' } satisfies NodeCommand);
            }),
        ),
      );
    },
  };
}

/** A fresh database on KEFU_LOAD_PG's server, or on a throwaway cluster started here. */
async function postgresDatabase(): Promise<string> {
  let admin = process.env.KEFU_LOAD_PG || null;
  if (admin === null) {
    postgres = await startPostgres();
    admin = postgres.url;
  }
  const name = `kefu_load_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(2));
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? '—' : (a / b).toFixed(2);

async function main() {
  const where = dbKind === 'postgres' ? `PostgreSQL，${nodes} 个服务器进程` : 'SQLite，1 个服务器进程';
  console.log(
    `负载测试：${students} 名学员 × ${shoppers} 位买家（${separateStarts ? '每位买家单独开始' : '每名学员开始一次随机练习'}），每轮 ${seconds} 秒，只连 ${HOST}（${where}）`,
  );
  const servers =
    dbKind === 'sqlite' && nodes === 1
      ? await inProcessServer()
      : await serverProcesses(dbKind === 'postgres' ? await postgresDatabase() : null);
  const cookies = await servers.seed(students);
  const ours = await ask(
    { type: 'run', urls: servers.urls, cookies, shoppers, separateStarts, seconds, scenariosDir },
    () => {
      servers.measureStart();
      if (process.env.LOAD_DEBUG)
        console.error(`measured window starts at ${(performance.now() / 1000).toFixed(1)} s`);
    },
    () => servers.measureEnd(),
  );
  const server = await servers.figures();
  await servers.close();

  const http = createServer();
  const echoIo = new Server(http, { serveClient: false });
  echoIo.on('connection', (socket) => {
    socket.on('conversation:send', (_payload: unknown, ack: (r: object) => void) =>
      ack({ ok: true, seq: 1, at: Date.now(), duplicate: false }),
    );
  });
  await new Promise<void>((r) => http.listen(0, HOST, () => r()));
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('echo server has no port');
  const echo = await ask({ type: 'echo', url: `http://${HOST}:${address.port}`, seconds });
  echoIo.close();

  const s = ours.stats;
  console.log('\n── 我们的服务器 ──');
  console.log(`连接          ${s.connections} 成功 / ${s.connectFailures} 失败`);
  console.log(`对话          ${s.conversations}`);
  console.log(
    `客服消息      发送 ${s.sent}，确认 ${s.acked}（其中订单修改 ${s.ordersUpdated}），错误 ${JSON.stringify(s.ackErrors)}`,
  );
  console.log(`买家事件      ${s.buyerEvents}（输入中 + 消息）`);
  console.log(`确认延迟 ms   p50 ${fmt(ours.ack.p50)}   p99 ${fmt(ours.ack.p99)}   (n=${ours.ack.n})`);
  console.log(
    `自己消息回显 ms p50 ${fmt(ours.ownEvent.p50)}   p99 ${fmt(ours.ownEvent.p99)}   (n=${ours.ownEvent.n}；上一条未确认就又发送 ${s.overlapping} 次)`,
  );
  console.log(
    `买家反应 ms   p50 ${fmt(ours.reaction.p50)}   p99 ${fmt(ours.reaction.p99)}   max ${fmt(ours.reaction.max)}（超出剧本时间的部分，n=${ours.reaction.n}）`,
  );
  console.log(`压测端事件循环延迟 ms   p99 ${fmt(ours.botLoop.p99)}   max ${fmt(ours.botLoop.max)}`);
  console.log(
    `丢失 ${s.lost}   重复 ${s.duplicated}   已确认却不在库中 ${s.ackedMissing}   序号断档 ${s.gaps}`,
  );
  console.log(
    `服务器事件循环延迟 ms   p50 ${fmt(server.loop.p50)}   p99 ${fmt(server.loop.p99)}   max ${fmt(server.loop.max)}${nodes > 1 ? `（${nodes} 个进程中最差的）` : ''}`,
  );
  console.log(
    `服务器 RSS    启动后 ${(server.baseRss / 2 ** 20).toFixed(0)} MB，峰值 ${(server.peakRss / 2 ** 20).toFixed(0)} MB${nodes > 1 ? `（${nodes} 个进程合计）` : ''}`,
  );
  console.log('\n── 对照：裸 Socket.IO 回声服务器（同样的连接与发送节奏）──');
  console.log(`连接          ${echo.stats.connections}`);
  console.log(`压测端事件循环延迟 ms   p99 ${fmt(echo.botLoop.p99)}   max ${fmt(echo.botLoop.max)}`);
  console.log(`确认延迟 ms   p50 ${fmt(echo.ack.p50)}   p99 ${fmt(echo.ack.p99)}   (n=${echo.ack.n})`);
  console.log(
    `\n我们/回声     确认延迟 p50 ×${ratio(ours.ack.p50, echo.ack.p50)}   p99 ×${ratio(ours.ack.p99, echo.ack.p99)}`,
  );
  // Practice starts that failed (HTTP time-outs under overload) count as failed connections.
  const practiceFailures = Object.entries(s.ackErrors)
    .filter(([key]) => key.startsWith('practice-'))
    .reduce((n, [, count]) => n + count, 0);
  const connectFailures = s.connectFailures + practiceFailures;
  const within2x = (a: number | null, b: number | null) => a !== null && b !== null && a <= 2 * b;
  const pass =
    s.lost === 0 &&
    s.duplicated === 0 &&
    s.ackedMissing === 0 &&
    connectFailures === 0 &&
    within2x(ours.ack.p50, echo.ack.p50) &&
    within2x(ours.ack.p99, echo.ack.p99) &&
    (ours.reaction.p99 ?? Infinity) <= 10;
  console.log(
    `目标（确认 p50、p99 ≤ 回声的 2 倍，反应 p99 ≤ 10 ms，0 丢失，0 重复，0 连接或开始练习失败）：${pass ? '达到' : '未达到'}`,
  );
  if (json) {
    const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
    console.log(
      JSON.stringify({
        students,
        shoppers,
        lost: s.lost + s.ackedMissing,
        duplicated: s.duplicated,
        connectFailures,
        ackP50Ms: round(ours.ack.p50),
        ackP99Ms: round(ours.ack.p99),
        echoAckP50Ms: round(echo.ack.p50),
        echoAckP99Ms: round(echo.ack.p99),
        reactionP99Ms: round(ours.reaction.p99),
        rssPeakMb: Math.round(server.peakRss / 2 ** 20),
      }),
    );
  }
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    bots.kill();
    cleanup();
    setTimeout(() => process.exit(), 200).unref();
  });
