// A scenario's proof as the server keeps it: passed, or the first run that failed. Worked out by the pure
// core (proofTasks, proveTask) wherever it runs — a prover thread or the tests — so it is the same verdict.
import type { Library, RunFailure } from '@kefu/shared';
import { proofTasks, proveTask, runFailure } from '@kefu/shared';

/** A failing run: what it got wrong as data, and its problems as the prover words them (Chinese). */
export type FailedRun = RunFailure & { problems: string[] };

export type Verdict = { ok: true } | { ok: false; run: FailedRun };

/** Proves scenario `id` of `library`, stopping at its first failing run. */
export function verdictOf(library: Library, id: string): Verdict {
  for (const task of proofTasks(library, id)) {
    const run = proveTask(library, task);
    if (!run.ok) return { ok: false, run: { ...runFailure(run), problems: run.problems } };
  }
  return { ok: true };
}
