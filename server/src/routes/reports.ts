// Score reports: per conversation and per student. The class's grades are in ./grades.ts.
import { adviseOn, benchmarksOf, type EvaluationView, type LoggedEvent, routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { toUserView, type UserRow } from '../db/repositories/users.ts';
import { fail } from '../errors.ts';
import { modelAnswersHidden } from '../grading/answers.ts';
import { publicEnvelopes } from '../practice/views.ts';
import { DEFAULT_RUBRIC } from '../scenarios/catalog.ts';
import { visibleAppeals } from './appeals.ts';
import { serve } from './serve.ts';

export default async function reportRoutes(app: FastifyInstance): Promise<void> {
  const { grading } = app;

  /** Evaluations the viewer may read: a student their own, staff only those of their classes. */
  async function ownEvaluations(user: UserRow, all: EvaluationView[]): Promise<EvaluationView[]> {
    if (user.role === 'student') return all.filter((e) => e.studentId === user.id);
    const ids = await app.access.staffClassIds(user);
    return ids === null ? all : all.filter((e) => ids.includes(e.classId));
  }

  /** A student's exams and drills, in every class they are in. */
  async function drillsOfStudent(user: UserRow) {
    const classes = await app.classes.listForMember(user.id);
    return (await Promise.all(classes.map((c) => app.drills.listForClass(c.id)))).flat();
  }

  serve(app, routes.reports.conversation, async ({ user, params: { id } }) => {
    const row = await app.conversations.get(id);
    if (!row || !(await app.access.canViewConversation(user, row))) throw fail('conversation-not-found');
    const isOwner = row.student_id === user.id;
    if (isOwner && user.role === 'student' && row.status !== 'ended') throw fail('report-not-ready');
    const stored = await app.eventLog.read(id);
    const events =
      user.role === 'student'
        ? publicEnvelopes(id, stored)
        : stored.map((s): LoggedEvent => ({ seq: s.seq, event: s.event }));
    const report = await grading.reportOf(row);
    const ctx = await app.catalog.context(row.scenario_id, row.scenario_version, row.rubric_id);
    const hidden = user.role === 'student' && modelAnswersHidden(await drillsOfStudent(user), row);
    return {
      conversation: await app.live.viewOf(row),
      report,
      advice: hidden
        ? []
        : adviseOn(
            ctx,
            stored.map((s) => s.event),
            report,
          ),
      events,
      evaluations: await ownEvaluations(user, await app.evaluations.forConversation(id)),
      appeals: await visibleAppeals(app, user, row, report),
    };
  });

  serve(app, routes.reports.student, async ({ user, params: { id }, query: { classId } }) => {
    const student = await app.users.findById(id);
    if (!student || !(await app.access.canViewStudent(user, id))) throw fail('student-not-found');
    if (classId === undefined) {
      // Everything the viewer may see of this student: not another class's drills or evaluations.
      const rows = [];
      for (const row of await app.conversations.listForStudent(id)) {
        if (await app.access.canViewConversation(user, row)) rows.push(row);
      }
      const { scores, summary } = await grading.scores(rows);
      return {
        student: toUserView(student),
        aggregate: summary,
        conversations: scores,
        evaluations: await ownEvaluations(user, await app.evaluations.forStudent(id)),
        grade: null,
        benchmarks: benchmarksOf(app.catalog.rubric(DEFAULT_RUBRIC).thresholds),
      };
    }
    // In a class: what counts for that class, as the class report and grades.csv count it.
    const cls = await app.classes.get(classId);
    const enrolled = cls && (await app.classes.memberRole(classId, id)) === 'student';
    const allowed = user.id === id || (await app.access.canReviewClass(user, classId));
    if (!cls || !enrolled || !allowed) throw fail('class-not-found');
    const member = { userId: student.id, username: student.username, displayName: student.display_name };
    const { grades, visible } = await grading.forStudent(member, cls);
    return {
      student: toUserView(student),
      aggregate: grades.summary,
      conversations: (await grading.scores(visible)).scores,
      evaluations: grades.evaluations,
      grade: grades.grade,
      benchmarks: benchmarksOf(app.catalog.rubric(cls.rubric_id).thresholds),
    };
  });
}
