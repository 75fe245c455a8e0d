// Score reports: per conversation and per student. The class's grades are in ./grades.ts.
import { type LoggedEvent, routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { toUserView } from '../db/repositories/users.ts';
import { fail } from '../errors.ts';
import { publicEnvelopes } from '../practice/views.ts';
import { serve } from './serve.ts';

export default async function reportRoutes(app: FastifyInstance): Promise<void> {
  const { grading } = app;

  serve(app, routes.reports.conversation, async ({ user, params: { id } }) => {
    const row = await app.conversations.get(id);
    if (!row || !(await app.access.canViewStudent(user, row.student_id)))
      throw fail('conversation-not-found');
    const isOwner = row.student_id === user.id;
    if (isOwner && user.role === 'student' && row.status !== 'ended') throw fail('report-not-ready');
    const stored = await app.eventLog.read(id);
    const events =
      user.role === 'student'
        ? publicEnvelopes(id, stored)
        : stored.map((s): LoggedEvent => ({ seq: s.seq, event: s.event }));
    return {
      conversation: await app.live.viewOf(row),
      report: await grading.reports.of(row),
      events,
      evaluations: await app.evaluations.forConversation(id),
    };
  });

  serve(app, routes.reports.student, async ({ user, params: { id }, query: { classId } }) => {
    const student = await app.users.findById(id);
    if (!student || !(await app.access.canViewStudent(user, id))) throw fail('student-not-found');
    if (classId === undefined) {
      const { scores, summary } = await grading.scores(await app.conversations.listForStudent(id));
      return {
        student: toUserView(student),
        aggregate: summary,
        conversations: scores,
        evaluations: await app.evaluations.forStudent(id),
        grade: null,
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
    };
  });
}
