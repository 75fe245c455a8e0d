// A scenario's proof as the server keeps it: passed, or the first run that failed. Worked out by the pure
// core (proofTasks, proveTask) wherever it runs — a prover thread or the tests — so it is the same verdict.
import type { Library, ProofRun } from '@kefu/shared';
import { proofTasks, proveTask } from '@kefu/shared';

export type Verdict = { ok: true } | { ok: false; run: Pick<ProofRun, 'kind' | 'script' | 'problems'> };

/** Proves scenario `id` of `library`, stopping at its first failing run. */
export function verdictOf(library: Library, id: string): Verdict {
  for (const task of proofTasks(library, id)) {
    const run = proveTask(library, task);
    if (!run.ok) return { ok: false, run: { kind: run.kind, script: run.script, problems: run.problems } };
  }
  return { ok: true };
}
