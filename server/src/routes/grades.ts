// A class's grades for its staff: the class report, its two CSV exports and the rubric preview, all from one
// computation (server/src/grading), so they always count the same conversations.
import { benchmarksOf, RUBRIC_PREVIEW_DAYS, routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import type { UserRow } from '../db/repositories/users.ts';
import { fail } from '../errors.ts';
import { classCsv, classReportRows, csvFilename, drillChoices, gradesCsv } from '../grading/views.ts';
import { serve } from './serve.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export default async function gradeRoutes(app: FastifyInstance): Promise<void> {
  async function reviewableClass(user: UserRow, id: string) {
    const cls = await app.classes.get(id);
    if (!cls || !(await app.access.canReviewClass(user, id))) throw fail('class-not-found');
    return cls;
  }

  serve(app, routes.reports.class, async ({ user, params: { id }, query: { drillId } }) => {
    const cls = await reviewableClass(user, id);
    const grades = await app.grading.forClass(cls);
    if (drillId !== undefined && !grades.drills.has(drillId)) throw fail('drill-not-found');
    return {
      class: app.classes.view(cls, true),
      drills: drillChoices(grades),
      drillId: drillId ?? null,
      rows: classReportRows(grades, drillId),
      benchmarks: benchmarksOf(app.catalog.rubric(cls.rubric_id).thresholds),
    };
  });

  serve(app, routes.reports.classCsv, async ({ user, params: { id }, query: { lang } }) => {
    const cls = await reviewableClass(user, id);
    return {
      filename: csvFilename(cls.name, 'summary', lang),
      body: classCsv(await app.grading.forClass(cls), lang),
    };
  });

  serve(app, routes.reports.gradesCsv, async ({ user, params: { id }, query: { lang } }) => {
    const cls = await reviewableClass(user, id);
    return {
      filename: csvFilename(cls.name, 'grades', lang),
      body: gradesCsv(await app.grading.forClass(cls), lang),
    };
  });

  serve(app, routes.reports.rubricPreview, async ({ user, params: { id }, body }) => {
    const cls = await reviewableClass(user, id);
    const { rubric } = app.catalog.draftRubric(body);
    const since = app.clock.now() - RUBRIC_PREVIEW_DAYS * DAY_MS;
    return { rows: await app.grading.preview(cls, rubric, since) };
  });
}
