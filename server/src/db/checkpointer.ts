// WAL checkpoints off the main thread. SQLite's automatic checkpoint runs inside the commit that crosses
// the threshold and fsyncs the database file there — a stall of tens to hundreds of milliseconds for every
// buyer on the event loop. Instead the main connection never checkpoints and a worker thread with its own
// connection runs a passive checkpoint every second (passive: never blocks the writer or readers).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const checkpoint = (mode) => {
  try { db.pragma('wal_checkpoint(' + mode + ')'); } catch (err) { parentPort.postMessage({ error: String(err) }); }
};
const timer = setInterval(() => checkpoint('PASSIVE'), workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint('PASSIVE');
  db.close();
  parentPort.postMessage('stopped');
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(
  file: string,
  onError: (message: string) => void,
  intervalMs = 1000,
): Checkpointer {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { module, file, intervalMs } });
  worker.on('message', (m: unknown) => {
    if (typeof m === 'object' && m !== null && 'error' in m)
      onError(`WAL checkpoint failed: ${String((m as { error: unknown }).error)}`);
  });
  worker.on('error', (err) => onError(`WAL checkpoint failed: ${String(err)}`));
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        let finished = false;
        const done = () => {
          if (finished) return;
          finished = true;
          clearTimeout(fallback);
          worker.terminate().then(
            () => resolve(),
            () => resolve(),
          );
        };
        // A checkpoint waiting on a lock must not hold up shutdown: the WAL is checkpointed at the next start.
        const fallback = setTimeout(done, 2000);
        worker.on('message', (m) => {
          if (m === 'stopped') done();
        });
        worker.once('exit', done);
        worker.postMessage('stop');
      }),
  };
}
