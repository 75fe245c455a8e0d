// A prover thread (see prover-pool.ts): loads the library it is sent — keeping what it parsed, so the next
// request parses only the files that changed — and proves the scenarios asked, one verdict each.
import { parentPort } from 'node:worker_threads';
import { createLibraryLoader } from '@kefu/shared';
import type { ProveAnswer, ProveRequest } from './prover-pool.ts';
import { verdictOf } from './verdict.ts';

const load = createLibraryLoader();

parentPort?.on('message', (request: ProveRequest) => {
  let answer: ProveAnswer;
  try {
    const { library } = load(request.files, { assets: request.assets });
    answer = { id: request.id, verdicts: request.scenarioIds.map((sid) => [sid, verdictOf(library, sid)]) };
  } catch (err) {
    answer = { id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort?.postMessage(answer);
});
