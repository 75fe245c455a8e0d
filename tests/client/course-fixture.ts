// The shipped library as GET /api/scenarios answers it (the server's own code over the loaded library), and a
// student's learning path after given results: the home's and the drill form's lists over real data.
import {
  loadLibrary,
  type PathResponse,
  pathProgress,
  pathScenariosOf,
  recommendNext,
  type ScenariosResponse,
} from '@kefu/shared';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import { courseUnits, playableScenario } from '../../server/src/routes/scenarios.ts';

export const { library } = loadLibrary(readLibrary('scenarios'));

export const SCENARIOS: ScenariosResponse = {
  scenarios: [...library.buyers.values()].map((s) => playableScenario(library, s)),
  units: courseUnits(library),
};

const DAY = Date.UTC(2026, 10, 20, 2, 0, 0);

/** The path after these results (scenario, score, broken rules), one minute apart. */
export function pathAfter(results: [string, number, Record<string, number>?][]): PathResponse {
  const list = results.map(([scenarioId, score, violations], i) => ({
    scenarioId,
    score,
    endedAt: DAY + i * 60_000,
    violations: violations ?? {},
  }));
  const scenarios = pathScenariosOf(library.buyers.values());
  const progress = pathProgress(library.course!, scenarios, list);
  return { progress, recommendation: recommendNext(progress, scenarios, list) };
}
