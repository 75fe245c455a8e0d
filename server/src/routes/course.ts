// The learning path on a student's home: progress folded from every graded reception they finished (solo
// practice, drills and exams alike) and the next scenario for the rules they break most.
import { recommendNext, routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { courseStanding } from '../grading/course-progress.ts';
import { hiddenScenarios } from '../practice/exam-secrecy.ts';
import { serve } from './serve.ts';

export default async function courseRoutes(app: FastifyInstance): Promise<void> {
  serve(app, routes.course.path, async ({ user }) => {
    const classIds = await app.access.scenarioClassIds(user);
    // The scenarios of an exam not open yet are left off the path until it opens.
    const standing = await courseStanding(app, user.id, classIds, await hiddenScenarios(app, user, classIds));
    if (standing === null) return { progress: null, recommendation: null };
    const { scenarios, results } = standing;
    // LEARNING_PATH=open: every unit is open to practise, so none shows as locked.
    const progress =
      (app.settings.pathInOrder ?? true)
        ? standing.progress
        : {
            ...standing.progress,
            units: standing.progress.units.map((u) =>
              u.status === 'locked' ? { ...u, status: 'open' as const } : u,
            ),
          };
    return { progress, recommendation: recommendNext(progress, scenarios, results) };
  });
}
