// A class's grades for its staff: the class report and its two CSV exports, all from one computation
// (server/src/grading), so they always count the same conversations.
import { routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import type { UserRow } from '../db/repositories/users.ts';
import { fail } from '../errors.ts';
import { classCsv, classReportRows, gradesCsv } from '../grading/views.ts';
import { serve } from './serve.ts';

export default async function gradeRoutes(app: FastifyInstance): Promise<void> {
  async function reviewableClass(user: UserRow, id: string) {
    const cls = await app.classes.get(id);
    if (!cls || !(await app.access.canReviewClass(user, id))) throw fail('class-not-found');
    return cls;
  }

  serve(app, routes.reports.class, async ({ user, params: { id } }) => {
    const cls = await reviewableClass(user, id);
    return { class: app.classes.view(cls, true), rows: classReportRows(await app.grading.forClass(cls)) };
  });

  serve(app, routes.reports.classCsv, async ({ user, params: { id } }) => {
    const cls = await reviewableClass(user, id);
    return { filename: `${cls.name}-成绩.csv`, body: classCsv(await app.grading.forClass(cls)) };
  });

  serve(app, routes.reports.gradesCsv, async ({ user, params: { id } }) => {
    const cls = await reviewableClass(user, id);
    return { filename: `${cls.name}-成绩.csv`, body: gradesCsv(await app.grading.forClass(cls)) };
  });
}
