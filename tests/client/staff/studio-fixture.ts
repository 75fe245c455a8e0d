// GET /api/studio/files as the server answers it for the shipped library: the sources without the judge's
// corpus, and the scenario and product lists made by the server's own code from the loaded library.

import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { studioProducts, studioScenarios } from '../../../server/src/studio/library-view.ts';
import type { StudioFilesResponse } from '../../../shared/src/api/studio.ts';
import { fileKindOf } from '../../../shared/src/scenario/file-kind.ts';
import { type FileRecord, loadLibrary } from '../../../shared/src/scenario/load.ts';

function filesResponse(sources: FileRecord[]): StudioFilesResponse {
  const { library } = loadLibrary(sources);
  return {
    files: sources.map((f) => ({ ...f, origin: 'library' as const })),
    scenarios: studioScenarios(library),
    products: studioProducts(library),
    catalogueDrafts: [],
  };
}

export const STUDIO_FILES: StudioFilesResponse = filesResponse(
  readLibrary('scenarios').filter((f) => fileKindOf(f) !== 'corpus'),
);

/**
 * The shipped catalogue with one of its scenarios (羽绒服选颜色和尺码): proving all of it in jsdom takes
 * seconds, not the whole library's minutes.
 */
const ONE_SCENARIO = 'scenarios/buyers/jacket-colour-size.yaml';
export const ONE_SCENARIO_SOURCES = readLibrary('scenarios').filter((f) => {
  const kind = fileKindOf(f);
  return kind !== 'corpus' && kind !== 'course' && (kind !== 'buyer' || f.path === ONE_SCENARIO);
});
export const ONE_SCENARIO_FILES: StudioFilesResponse = filesResponse(ONE_SCENARIO_SOURCES);
