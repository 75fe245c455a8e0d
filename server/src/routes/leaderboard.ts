// A class's leaderboard for its staff: the students ranked by the receptions of their grade's system part (as
// the class report counts them) or by one drill's or exam's; anonymised on request.
import { rankLeaderboard, routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { fail } from '../errors.ts';
import { drillChoices, receptionsOf } from '../grading/views.ts';
import { serve } from './serve.ts';

export default async function leaderboardRoutes(app: FastifyInstance): Promise<void> {
  serve(app, routes.reports.leaderboard, async ({ user, params: { id }, query: { drillId, anonymous } }) => {
    const cls = await app.classes.get(id);
    if (!cls || !(await app.access.canReviewClass(user, id))) throw fail('class-not-found');
    const grades = await app.grading.forClass(cls);
    if (drillId !== undefined && !grades.drills.has(drillId)) throw fail('drill-not-found');
    const entries = grades.students.map((s) => ({
      studentId: s.student.userId,
      name: s.student.displayName,
      scores: receptionsOf(s, drillId).map((c) => c.report.score),
    }));
    const hidden = anonymous === 'true';
    return {
      class: { id: cls.id, name: cls.name },
      drills: drillChoices(grades),
      drillId: drillId ?? null,
      anonymous: hidden,
      rows: rankLeaderboard(entries, { anonymous: hidden }),
    };
  });
}
