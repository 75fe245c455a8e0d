// Proving off the event loop. A scenario's proof is tens of milliseconds of judging per run and a catalogue
// publication can prove the whole library (seconds of CPU): on the server's own thread every live
// conversation of the process would wait behind it. A few prover threads (prove-worker.ts) do it instead;
// each keeps the library it parsed, so a request parses only the files that changed. The verdicts are the
// pure core's (verdict.ts), the same as proving in place.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileRecord } from '@kefu/shared';
import type { Verdict } from './verdict.ts';

export interface ProveRequest {
  id: number;
  files: readonly FileRecord[];
  assets: readonly string[] | undefined;
  scenarioIds: readonly string[];
}

export type ProveAnswer = { id: number; verdicts: [string, Verdict][] } | { id: number; error: string };

export interface ProverPool {
  /** Each scenario's verdict in the library of `files` (loaded with `assets`). */
  prove(
    files: readonly FileRecord[],
    assets: readonly string[] | undefined,
    scenarioIds: readonly string[],
  ): Promise<Map<string, Verdict>>;
  close(): Promise<void>;
}

/** Threads at most: one core is left to the event loop (2 cores: one thread). */
export const PROVER_THREADS = Math.max(1, Math.min(2, availableParallelism() - 1));

/** A thread idle this long ends (it holds a parsed library and the segmenter, ~100 MB). */
const IDLE_MS = 60_000;

// From source (tsx, Vitest) the thread registers tsx to run the TypeScript worker; the build has its own
// server/dist/prove-worker.js next to main.js (scripts/build.js).
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ register }) => { register(); return import(workerData.worker); });
`;

function startThread(): Worker {
  if (!FROM_SOURCE) return new Worker(new URL('./prove-worker.js', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./prove-worker.ts', import.meta.url).href;
  return new Worker(BOOT, { eval: true, workerData: { tsx, worker } });
}

interface Waiting {
  resolve(verdicts: [string, Verdict][]): void;
  reject(err: Error): void;
}

class ProverThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private idle: NodeJS.Timeout | null = null;

  get load(): number {
    return this.waiting.size;
  }

  ask(request: ProveRequest): Promise<[string, Verdict][]> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.worker ?? this.start();
    // Held while it owes answers, so a script awaiting a proof does not exit under it.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  private start(): Worker {
    const worker = startThread();
    worker.on('message', (answer: ProveAnswer) => {
      const waiting = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if ('error' in answer) waiting?.reject(new Error(`proof failed: ${answer.error}`));
      else waiting?.resolve(answer.verdicts);
      if (this.waiting.size === 0) {
        worker.unref();
        this.idle = setTimeout(() => void this.stop(), IDLE_MS);
        this.idle.unref();
      }
    });
    // A thread that died takes its requests with it; the next request starts a new one.
    const died = (err: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const waiting of this.waiting.values()) waiting.reject(err);
      this.waiting.clear();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`prover thread exited (${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  async stop(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.worker;
    this.worker = null;
    for (const waiting of this.waiting.values()) waiting.reject(new Error('prover closed'));
    this.waiting.clear();
    await worker?.terminate();
  }
}

export function createProverPool(size = PROVER_THREADS): ProverPool {
  const threads = Array.from({ length: size }, () => new ProverThread());
  let nextId = 0;
  return {
    async prove(files, assets, scenarioIds) {
      if (scenarioIds.length === 0) return new Map();
      // Contiguous shares, one per thread in use, each to the least busy thread.
      const shares = Math.min(threads.length, scenarioIds.length);
      const per = Math.ceil(scenarioIds.length / shares);
      const answers = await Promise.all(
        Array.from({ length: shares }, (_, i) => {
          const thread = threads.reduce((a, b) => (b.load < a.load ? b : a));
          const ids = scenarioIds.slice(i * per, (i + 1) * per);
          return thread.ask({ id: ++nextId, files, assets, scenarioIds: ids });
        }),
      );
      return new Map(answers.flat());
    },
    async close() {
      await Promise.all(threads.map((t) => t.stop()));
    },
  };
}
