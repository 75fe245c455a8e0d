// The studio's proving thread: takes a proof request, answers with progress after each run, then the runs.
import { createProofRunner, type ProofRequest } from './proof-runner.ts';
import type { WorkerAnswer } from './prover.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ProofRequest & { id: number }>) => void) | null;
  postMessage(answer: WorkerAnswer): void;
}

const scope = self as unknown as WorkerScope;
const run = createProofRunner();

scope.onmessage = ({ data: { id, ...request } }) => {
  run(request, (progress) => scope.postMessage({ id, type: 'progress', progress })).then(
    (runs) => scope.postMessage({ id, type: 'done', runs }),
    (err: unknown) =>
      scope.postMessage({ id, type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
