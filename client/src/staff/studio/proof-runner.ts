// Proving a scenario plays its model answer and counter-examples under three seeds with the CLI's prover:
// a second or more of judging, so the studio runs it off the page's thread (prove.worker.ts) and reports
// after each run. Only the scenarios asked are proven — an edit to one scenario cannot change another's.
import {
  createLibraryLoader,
  type FileRecord,
  type LibraryLoader,
  loadSegmenter,
  type ProofRun,
  proofTasks,
  proveTask,
} from '@kefu/shared';

export interface ProofRequest {
  /** The library as the editor sees it, the edited file included. */
  files: FileRecord[];
  scenarioIds: string[];
}

export interface ProofProgress {
  done: number;
  total: number;
  run: ProofRun;
}

export type ProofRunner = (
  request: ProofRequest,
  onProgress: (progress: ProofProgress) => void,
  /** Awaited before each run: lets the page paint when proving on its own thread; throws to stop. */
  between?: () => Promise<void>,
) => Promise<ProofRun[]>;

/**
 * A runner that keeps the files it read, so proving again after a small edit parses only that file. On the
 * page's own thread it shares the editor's loader, which has read the library already.
 */
export function createProofRunner(load: LibraryLoader = createLibraryLoader()): ProofRunner {
  return async (request, onProgress, between) => {
    // The judge reads words: the segmenter's WebAssembly is fetched once, before the first proof.
    await loadSegmenter();
    const { library } = load(request.files);
    const tasks = request.scenarioIds.flatMap((id) => proofTasks(library, id));
    const runs: ProofRun[] = [];
    for (const task of tasks) {
      await between?.();
      const run = proveTask(library, task);
      runs.push(run);
      onProgress({ done: runs.length, total: tasks.length, run });
    }
    return runs;
  };
}
