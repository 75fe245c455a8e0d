// Who proves for the studio page: a Web Worker in the browser (the page stays responsive while the judge
// works), the same runner on the page's own thread where there are no workers (jsdom in the tests).
import type { LibraryLoader, ProofRun } from '@kefu/shared';
import { createProofRunner, type ProofProgress, type ProofRequest } from './proof-runner.ts';

export type WorkerAnswer =
  | { id: number; type: 'progress'; progress: ProofProgress }
  | { id: number; type: 'done'; runs: ProofRun[] }
  | { id: number; type: 'error'; message: string };

export interface Prover {
  /** Rejects with `ProofCancelled` when a newer proof or `dispose` stopped it. */
  prove(request: ProofRequest, onProgress: (progress: ProofProgress) => void): Promise<ProofRun[]>;
  dispose(): void;
}

export class ProofCancelled extends Error {
  constructor() {
    super('proof cancelled');
  }
}

/** `loader`: what the page has read of the library already (used when proving on the page's thread). */
export function createProver(loader?: LibraryLoader): Prover {
  return typeof Worker === 'undefined' ? inlineProver(loader) : workerProver();
}

function workerProver(): Prover {
  let worker: Worker | null = null;
  let nextId = 0;
  let pending: { id: number; reject(err: Error): void } | null = null;

  function stop() {
    // A proof cannot be interrupted mid-run inside the worker: the thread is ended and started afresh.
    pending?.reject(new ProofCancelled());
    pending = null;
    worker?.terminate();
    worker = null;
  }

  return {
    prove(request, onProgress) {
      if (pending) stop();
      worker ??= new Worker(new URL('./prove.worker.ts', import.meta.url), { type: 'module' });
      const id = ++nextId;
      const current = worker;
      return new Promise<ProofRun[]>((resolve, reject) => {
        pending = { id, reject };
        current.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
          if (data.id !== id) return;
          if (data.type === 'progress') return onProgress(data.progress);
          pending = null;
          if (data.type === 'done') resolve(data.runs);
          else reject(new Error(data.message));
        };
        current.onerror = (event) => {
          pending = null;
          reject(new Error(event.message || 'proof worker failed'));
        };
        current.postMessage({ id, ...request });
      });
    },
    dispose: stop,
  };
}

function inlineProver(loader?: LibraryLoader): Prover {
  const run = createProofRunner(loader);
  let generation = 0;
  return {
    prove(request, onProgress) {
      const mine = ++generation;
      return run(request, onProgress, async () => {
        // Yield to the page between runs, and stop once a newer proof started or the page went away.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (mine !== generation) throw new ProofCancelled();
      });
    },
    dispose() {
      generation++;
    },
  };
}
