// The studio page's data: the library (loaded once, each file parsed once), the open file checked against
// it a moment after the author stops typing, and proofs run by the prover with their progress.
import type { ProofRun } from '@kefu/shared';
import type { FileRecord, LibraryLoader } from '@kefu/shared/scenario';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { routes } from '../../api/route-links.ts';
import { useLoad } from '../../api/use-load.ts';
import type { ProofRequest } from './proof-runner.ts';
import { createProver, ProofCancelled } from './prover.ts';
import { baseFiles } from './studio-files.ts';
import { type Checked, type Checker, createChecker } from './validate.ts';

/** Quiet time after a keystroke before the file is checked again. */
export const CHECK_DELAY_MS = 250;

export function useStudioLibrary() {
  const { data, error, reload } = useLoad(routes.studio.files);
  const base = useMemo(() => (data ? baseFiles(data.files) : null), [data]);
  return { data, base, error, reload };
}

/**
 * The checker of the library. Parsing the library is the costly part and listing it needs none, so it is
 * made just after the list is shown (or at once when a file is already open), ready before the author
 * opens a file. After a save the library is loaded again: the previous checker stays in use (the open file
 * and its messages stay on the page) until the new one, reusing what the previous one read, is made.
 */
/** The page's last checker, kept when the page is left: coming back (from 试玩) reads no file again. */
let remembered: Checker | undefined;

export function useChecker(base: readonly FileRecord[] | null, needed: boolean): Checker | null {
  const [checker, setChecker] = useState<{ base: readonly FileRecord[]; checker: Checker } | null>(null);
  const ready = checker !== null && checker.base === base;
  useEffect(() => {
    if (!base || ready) return;
    const make = () => {
      remembered = createChecker(base, checker?.checker ?? remembered);
      setChecker({ base, checker: remembered });
    };
    if (needed && checker === null) return make();
    const timer = setTimeout(make, 0);
    return () => clearTimeout(timer);
  }, [base, ready, needed, checker]);
  return checker?.checker ?? null;
}

/**
 * The latest check of `file`: the text it was made for and what it found. A file is checked as soon as it
 * is opened (the component mounts per opened file), then again a moment after each pause in typing.
 */
export function useChecked(
  checker: Checker | null,
  file: FileRecord | null,
): { text: string; checked: Checked } | null {
  const [result, setResult] = useState<{ path: string; text: string; checked: Checked } | null>(null);
  const path = file?.path;
  const text = file?.text;
  const checkedOnce = result !== null;
  useEffect(() => {
    if (!checker || path === undefined || text === undefined) return;
    const run = () => setResult({ path, text, checked: checker.check({ path, text }) });
    if (!checkedOnce) return run();
    const timer = setTimeout(run, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [checker, path, text, checkedOnce]);
  return result && result.path === path ? result : null;
}

export type ProofState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number; runs: ProofRun[] }
  | { status: 'done'; runs: ProofRun[] }
  | { status: 'failed'; message: string };

export function useProof(loader?: LibraryLoader) {
  const prover = useMemo(() => createProver(loader), [loader]);
  const [state, setState] = useState<ProofState>({ status: 'idle' });
  useEffect(() => () => prover.dispose(), [prover]);

  /** The runs once all are done; null when the proof was stopped or could not run (the state says why). */
  const prove = useCallback(
    async (request: ProofRequest): Promise<ProofRun[] | null> => {
      setState({ status: 'running', done: 0, total: 0, runs: [] });
      try {
        const runs = await prover.prove(request, ({ done, total, run }) =>
          setState((s) => ({
            status: 'running',
            done,
            total,
            runs: s.status === 'running' ? [...s.runs, run] : [run],
          })),
        );
        setState({ status: 'done', runs });
        return runs;
      } catch (err) {
        if (err instanceof ProofCancelled) return null;
        setState({ status: 'failed', message: err instanceof Error ? err.message : String(err) });
        return null;
      }
    },
    [prover],
  );
  const reset = useCallback(() => {
    prover.dispose();
    setState({ status: 'idle' });
  }, [prover]);
  return { state, prove, reset };
}
