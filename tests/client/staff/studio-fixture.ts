// GET /api/studio/files as the server answers it for the shipped library: the sources without the judge's
// corpus, and the scenario and product lists made by the server's own code from the loaded library.

import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { studioProducts, studioScenarios } from '../../../server/src/studio/library-view.ts';
import type { StudioFilesResponse } from '../../../shared/src/api/studio.ts';
import { fileKindOf } from '../../../shared/src/scenario/file-kind.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';

const SOURCES = readLibrary('scenarios').filter((f) => fileKindOf(f) !== 'corpus');
const { library } = loadLibrary(SOURCES);

export const STUDIO_FILES: StudioFilesResponse = {
  files: SOURCES.map((f) => ({ ...f, origin: 'library' as const })),
  scenarios: studioScenarios(library),
  products: studioProducts(library),
  catalogueDrafts: [],
};
