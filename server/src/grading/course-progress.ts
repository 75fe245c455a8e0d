// A student's place on the learning path, folded from every graded reception they finished (solo practice,
// drills and exams alike): the home shows it, and solo practice refuses the scenarios of units still locked.
import {
  type BuyerScenario,
  type PathProgress,
  type PathScenario,
  pathProgress,
  pathScenariosOf,
  type RuleId,
  type ScenarioResult,
} from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { isGraded } from './counted.ts';

export interface CourseStanding {
  progress: PathProgress;
  scenarios: PathScenario[];
  results: ScenarioResult[];
}

/**
 * The path's view of each buyer scenario, kept with the scenario object (immutable; a reloaded library has new
 * ones): every practice start asks for the standing, and deriving the rules each scenario trains for the
 * whole library was a third of a start's CPU.
 */
const pathViews = new WeakMap<BuyerScenario, PathScenario>();
function pathScenarios(buyers: readonly BuyerScenario[]): PathScenario[] {
  return buyers.map((buyer) => {
    let view = pathViews.get(buyer);
    if (view === undefined) {
      [view] = pathScenariosOf([buyer]) as [PathScenario];
      pathViews.set(buyer, view);
    }
    return view;
  });
}

/** A student's finished, graded receptions, with the rules broken in each. */
async function resultsOf(app: FastifyInstance, studentId: string): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const row of await app.conversations.listForStudent(studentId, 'ended')) {
    const report = await app.grading.reportOf(row);
    if (!isGraded(report)) continue;
    const violations: Partial<Record<RuleId, number>> = {};
    for (const v of report.violations) violations[v.rule] = (violations[v.rule] ?? 0) + 1;
    results.push({
      scenarioId: row.scenario_id,
      score: report.score,
      endedAt: row.ended_at ?? row.started_at,
      violations,
    });
  }
  return results;
}

/**
 * The student's progress on the library's course, over the scenarios that play for them (`classIds`: their
 * classes — drafts never, a scenario published to one class only in it; not those `hidden`, of an exam not
 * open yet); null when the library has no course.
 */
export async function courseStanding(
  app: FastifyInstance,
  studentId: string,
  classIds: readonly string[] | null,
  hidden: ReadonlySet<string> = new Set(),
): Promise<CourseStanding | null> {
  const { library } = app.catalog;
  if (library.course === null) return null;
  const scenarios = pathScenarios(app.catalog.playable(classIds).filter((s) => !hidden.has(s.id)));
  const results = await resultsOf(app, studentId);
  return { progress: pathProgress(library.course, scenarios, results), scenarios, results };
}
