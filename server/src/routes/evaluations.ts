// Human evaluations for the multi-party grade: the instructor as teacher, a trainer as enterprise mentor,
// the student about themself.
import { type EvaluationKind, type Role, routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { fail } from '../errors.ts';
import { serve } from './serve.ts';

const KIND_OF_AUTHOR: Record<Role, EvaluationKind> = {
  admin: 'teacher',
  instructor: 'teacher',
  trainer: 'mentor',
  student: 'self',
};

export default async function evaluationRoutes(app: FastifyInstance): Promise<void> {
  serve(app, routes.evaluations.create, async ({ user, body }) => {
    const kind = KIND_OF_AUTHOR[user.role];
    if (kind === 'self' && body.studentId !== user.id) throw fail('self-evaluation-only');
    const cls = await app.classes.get(body.classId);
    if (!cls) throw fail('class-not-found');
    if (kind !== 'self' && !(await app.access.canReviewClass(user, body.classId)))
      throw fail('class-not-found');
    if ((await app.classes.memberRole(body.classId, body.studentId)) !== 'student') {
      throw fail('student-not-in-class');
    }
    if (body.conversationId !== undefined) {
      // Only a conversation of this class: one of its drills, or the student's solo practice.
      const row = await app.conversations.get(body.conversationId);
      if (
        !row ||
        row.student_id !== body.studentId ||
        !(await app.access.conversationInClass(row, body.classId))
      ) {
        throw fail('conversation-not-found');
      }
    }
    const id = await app.evaluations.create(
      {
        studentId: body.studentId,
        classId: body.classId,
        conversationId: body.conversationId ?? null,
        authorId: user.id,
        kind,
        score: body.score,
        comment: body.comment,
      },
      app.clock.now(),
    );
    const evaluation = await app.evaluations.get(id);
    if (!evaluation) throw new Error(`evaluation ${id} vanished after insert`);
    return { evaluation };
  });
}
