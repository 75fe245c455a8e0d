// Load benchmark: `npm run load -- --students N [--seconds S] [--shoppers K]`.
// Starts the real server on 127.0.0.1 (temp data dir), seeds N students with sessions, and runs N socket.io
// bots in a separate process, each keeping K (default 3) buyers open and answering them with model answers
// in real time. Prints connections, messages, ack latency, shopper reaction latency beyond the scripted time,
// lost and duplicated messages and server RSS; then runs the same bots and send pattern against a bare
// Socket.IO echo server and prints our/echo ratios. Bounded in time: it kills itself after the budget.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { buildApp } from '../../server/src/app.ts';
import { hashPassword } from '../../server/src/auth/password.ts';
import type { EchoCommand, RunCommand, Summary } from './bots.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw =
    i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} 需要一个正数，收到 "${raw}"`);
  return n;
}

const students = Math.floor(arg('students', 100));
const seconds = arg('seconds', 60);
const shoppers = Math.floor(arg('shoppers', 3));
const HOST = '127.0.0.1';
// Hard bound: ramp-up, two measured windows, verification and shutdown.
const budgetMs = (2 * seconds + 120 + students / 10) * 1000;
const watchdog = setTimeout(() => {
  console.error(`负载测试超过时间上限（${Math.round(budgetMs / 1000)} 秒），强制退出`);
  process.exit(2);
}, budgetMs);
watchdog.unref();

const dataDir = mkdtempSync(join(tmpdir(), 'kefu-load-'));
const scenariosDir = resolve('scenarios');

let peakRss = 0;
const rssSampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 250);

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

const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(2));
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? '—' : (a / b).toFixed(2);

async function main() {
  console.log(`负载测试：${students} 名学员 × ${shoppers} 位买家，每轮 ${seconds} 秒，只连 ${HOST}`);
  const app = await buildApp({
    dataDir,
    scenariosDir,
    publicOrigin: null,
    clientDir: null,
    logger: false,
    sessionTtlMs: 24 * 60 * 60 * 1000,
  });
  const url = await app.listen({ port: 0, host: HOST });
  // Seeded straight into the database: one scrypt hash for all (each costs about a second).
  const hash = await hashPassword('load-test-password');
  const cookies: string[] = [];
  for (let i = 0; i < students; i++) {
    const user = await app.users.create(
      { username: `load${i}`, displayName: `压测${i}`, role: 'student', passwordHash: hash },
      Date.now(),
    );
    cookies.push(`kefu_session=${await app.sessions.create(user.id, Date.now(), 24 * 60 * 60 * 1000)}`);
  }
  const baseRss = process.memoryUsage().rss;
  peakRss = baseRss;

  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  // Only the measured window counts (after the ramp-up), as for the bots' latencies.
  let ourPeakRss = 0;
  const ours = await ask(
    { type: 'run', url, cookies, shoppers, seconds, scenariosDir },
    () => {
      loopDelay.reset();
      peakRss = process.memoryUsage().rss;
      if (process.env.LOAD_DEBUG)
        console.error(`measured window starts at ${(performance.now() / 1000).toFixed(1)} s`);
    },
    () => {
      loopDelay.disable();
      ourPeakRss = peakRss;
    },
  );
  await app.close();

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
  console.log(`客服消息      发送 ${s.sent}，确认 ${s.acked}，错误 ${JSON.stringify(s.ackErrors)}`);
  console.log(`买家事件      ${s.buyerEvents}（输入中 + 消息）`);
  console.log(`确认延迟 ms   p50 ${fmt(ours.ack.p50)}   p99 ${fmt(ours.ack.p99)}   (n=${ours.ack.n})`);
  console.log(
    `买家反应 ms   p50 ${fmt(ours.reaction.p50)}   p99 ${fmt(ours.reaction.p99)}   max ${fmt(ours.reaction.max)}（超出剧本时间的部分，n=${ours.reaction.n}）`,
  );
  console.log(`压测端事件循环延迟 ms   p99 ${fmt(ours.botLoop.p99)}   max ${fmt(ours.botLoop.max)}`);
  console.log(
    `丢失 ${s.lost}   重复 ${s.duplicated}   已确认却不在库中 ${s.ackedMissing}   序号断档 ${s.gaps}`,
  );
  console.log(
    `服务器事件循环延迟 ms   p50 ${fmt(loopDelay.percentile(50) / 1e6)}   p99 ${fmt(loopDelay.percentile(99) / 1e6)}   max ${fmt(loopDelay.max / 1e6)}`,
  );
  console.log(
    `服务器 RSS    启动后 ${(baseRss / 2 ** 20).toFixed(0)} MB，峰值 ${(ourPeakRss / 2 ** 20).toFixed(0)} MB`,
  );
  console.log('\n── 对照：裸 Socket.IO 回声服务器（同样的连接与发送节奏）──');
  console.log(`连接          ${echo.stats.connections}`);
  console.log(`压测端事件循环延迟 ms   p99 ${fmt(echo.botLoop.p99)}   max ${fmt(echo.botLoop.max)}`);
  console.log(`确认延迟 ms   p50 ${fmt(echo.ack.p50)}   p99 ${fmt(echo.ack.p99)}   (n=${echo.ack.n})`);
  console.log(
    `\n我们/回声     确认延迟 p50 ×${ratio(ours.ack.p50, echo.ack.p50)}   p99 ×${ratio(ours.ack.p99, echo.ack.p99)}`,
  );
  const pass =
    s.lost === 0 &&
    s.duplicated === 0 &&
    s.ackedMissing === 0 &&
    (ours.ack.p99 ?? Infinity) <= 5 &&
    (ours.reaction.p99 ?? Infinity) <= 10;
  console.log(`目标（确认 p99 ≤ 5 ms，反应 p99 ≤ 10 ms，0 丢失，0 重复）：${pass ? '达到' : '未达到'}`);
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    clearInterval(rssSampler);
    bots.kill();
    rmSync(dataDir, { recursive: true, force: true });
    setTimeout(() => process.exit(), 200).unref();
  });
