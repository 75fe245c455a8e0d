// Does a live student wait behind a catalogue 发布? Five students send a message every 300 ms each (after
// the previous ack; ~16 sends a second) on real sockets while an instructor publishes a lexicon change, which proves every
// scenario; the acks' latencies are compared with the same student's before the publication. The app runs
// in this process, so its event loop is the server's (its utilisation during the publication is printed).
// Run at low priority on a shared machine: `nice -n 19 npx tsx tests/bench/publish-send-latency.ts`
// (figures in docs/performance.md). `--json` ends with one line: {"idle","publishing","publishMs","elu"}.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PracticeResponse, SendAck } from '@kefu/shared';
import { api, connect, request, seedUser, startServer } from '../server/helpers/server.ts';

const LEXICON = 'scenarios/lexicon.yaml';
const WARM_MS = 3000;
const IDLE_MS = 10_000;
const STUDENTS = 5;
const PAUSE_MS = 300;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const summary = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    sends: sorted.length,
    p50: round(quantile(sorted, 0.5)),
    p99: round(quantile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
};

const server = await startServer({ pathInOrder: false });
try {
  const author = await seedUser(server.app, 'instructor', 'bench-author');
  let n = 0;
  /** A student in a practice, sending one message every PAUSE_MS after the previous ack (the flood guard allows 4/s). */
  const students = await Promise.all(
    Array.from({ length: STUDENTS }, async (_, i) => {
      const student = await seedUser(server.app, 'student', `bench-student-${i}`);
      const client = await connect(server, student);
      let conversationId = '';
      const practise = async () => {
        const res = await api<PracticeResponse>(server, 'POST', '/api/practice', {
          as: student,
          body: { scenarioId: 'price-objection' },
        });
        if (res.status !== 200) throw new Error(`practice: ${res.status} ${JSON.stringify(res.body)}`);
        conversationId = res.body.conversations[0]!.id;
      };
      await practise();
      const sendUntil = async (over: () => boolean, latencies: number[]) => {
        await sleep((i * PAUSE_MS) / STUDENTS);
        while (!over()) {
          const start = performance.now();
          const ack = await request<SendAck>(client.socket, 'conversation:send', {
            conversationId,
            message: { id: `m-${++n}`, text: `亲，在的，这款现在有活动，第${n}次为您确认`, source: 'typed' },
          });
          latencies.push(performance.now() - start);
          if (!ack.ok) {
            if (ack.error.code !== 'conversation-ended') throw new Error(JSON.stringify(ack));
            // The buyer left: a new practice, off the measured path.
            await practise();
          }
          await sleep(PAUSE_MS);
        }
      };
      return { sendUntil, close: () => client.close() };
    }),
  );
  /** Every student sends until `until` settles; the acks' latencies. */
  const sendUntil = async (until: Promise<unknown>) => {
    let over = false;
    void until.finally(() => {
      over = true;
    });
    const latencies: number[] = [];
    await Promise.all(students.map((s) => s.sendUntil(() => over, latencies)));
    return latencies;
  };

  // Warm: the judge's first messages and the first practices are not what is measured.
  await sendUntil(sleep(WARM_MS));
  const idle = summary(await sendUntil(sleep(IDLE_MS)));
  const text = readFileSync(LEXICON, 'utf8').replace(
    'terms: [老顾客, 老客户,',
    'terms: [老铁, 老顾客, 老客户,',
  );
  const saved = await api(server, 'POST', '/api/studio/catalogue', {
    as: author,
    body: { path: LEXICON, text },
  });
  if (saved.status !== 200) throw new Error(`save: ${saved.status}`);
  const elu = performance.eventLoopUtilization();
  const began = performance.now();
  const publication = (async () => {
    for (;;) {
      const res = await api(server, 'POST', '/api/studio/catalogue/publish', {
        as: author,
        body: { path: LEXICON, version: saved.body.version },
      });
      if (res.status !== 200) throw new Error(`publish: ${res.status} ${JSON.stringify(res.body)}`);
      if (res.body.status !== 'proving') return;
    }
  })();
  const publishing = summary(await sendUntil(publication));
  await publication;
  const publishMs = Math.round(performance.now() - began);
  const loop = Math.round(performance.eventLoopUtilization(elu).utilization * 100) / 100;
  for (const s of students) s.close();
  console.log(`before the publication: ${JSON.stringify(idle)} ms`);
  console.log(
    `during the lexicon publication (${publishMs} ms, event loop ${loop * 100}% busy): ${JSON.stringify(publishing)} ms`,
  );
  if (process.argv.includes('--json'))
    console.log(JSON.stringify({ idle, publishing, publishMs, elu: loop }));
} finally {
  await server.close();
  server.cleanup();
}
