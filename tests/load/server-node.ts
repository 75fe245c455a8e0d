// One server process of the load benchmark with several processes (started by load.ts over IPC): the real
// app on 127.0.0.1 and a free port, on the benchmark's database. It measures its own event-loop delay and
// RSS over the measured window, as load.ts does for the single in-process server.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../../server/src/app.ts';
import { ackTrace } from '../../server/src/realtime/ack-trace.ts';

export type NodeCommand = { type: 'measure-start' } | { type: 'measure-end' } | { type: 'close' };
export type NodeReport =
  | { type: 'listening'; url: string; rss: number }
  | {
      type: 'measured';
      loop: { p50: number; p99: number; max: number };
      baseRss: number;
      peakRss: number;
    }
  | { type: 'closed' };

const send = (report: NodeReport) => process.send?.(report);

const app = await buildApp({
  dataDir: process.env.LOAD_DATA_DIR!,
  databaseUrl: process.env.LOAD_DATABASE_URL || null,
  scenariosDir: process.env.LOAD_SCENARIOS_DIR!,
  publicOrigin: null,
  clientDir: null,
  // LOAD_LOG=1: the server's log (JSON lines on stdout), to find what failed under load.
  logger: process.env.LOAD_LOG === '1',
  sessionTtlMs: 24 * 60 * 60 * 1000,
  // Bots are fresh students playing a mix of the whole library.
  pathInOrder: false,
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const baseRss = process.memoryUsage().rss;
let peakRss = baseRss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 250);
const loop = monitorEventLoopDelay({ resolution: 1 });
send({ type: 'listening', url, rss: baseRss });

process.on('message', (cmd: NodeCommand) => {
  if (cmd.type === 'measure-start') {
    loop.reset();
    loop.enable();
    ackTrace?.reset();
    peakRss = process.memoryUsage().rss;
  } else if (cmd.type === 'measure-end') {
    loop.disable();
    if (ackTrace)
      console.error(`KEFU_ACK_TRACE (server ${process.pid}, measured window):\n${ackTrace.report()}`);
    send({
      type: 'measured',
      loop: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
      baseRss,
      peakRss,
    });
  } else {
    clearInterval(sampler);
    app.close().then(
      () => {
        send({ type: 'closed' });
        process.exit(0);
      },
      () => process.exit(1),
    );
  }
});
