// The learning path on a student's home: progress folded from every graded reception they finished (solo
// practice, drills and exams alike) and the next scenario for the rules they break most.
import {
  type PathScenario,
  pathProgress,
  pathScenariosOf,
  type RuleId,
  recommendNext,
  routes,
  type ScenarioResult,
} from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { isGraded } from '../grading/counted.ts';
import { serve } from './serve.ts';

export default async function courseRoutes(app: FastifyInstance): Promise<void> {
  const { library } = app.catalog;

  /** A student's finished, graded receptions, with the rules broken in each. */
  async function resultsOf(studentId: string): Promise<ScenarioResult[]> {
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

  serve(app, routes.course.path, async ({ user }) => {
    const course = library.course;
    if (course === null) return { progress: null, recommendation: null };
    const scenarios: PathScenario[] = pathScenariosOf(library.buyers.values());
    const results = await resultsOf(user.id);
    const progress = pathProgress(course, scenarios, results);
    return { progress, recommendation: recommendNext(progress, scenarios, results) };
  });
}
