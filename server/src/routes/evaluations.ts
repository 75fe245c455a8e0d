// Human evaluations for the multi-party grade: the instructor as teacher, a trainer as enterprise mentor,
// the student about themself.
import { EvaluationBodySchema, type EvaluationKind } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/guards.ts';
import { AppError, forbidden, notFound, parse } from '../errors.ts';

export default async function evaluationRoutes(app: FastifyInstance): Promise<void> {
  app.post('/evaluations', async (request) => {
    const user = requireUser(request);
    const body = parse(EvaluationBodySchema, request.body);
    const kind: EvaluationKind | null =
      user.role === 'instructor' || user.role === 'admin'
        ? 'teacher'
        : user.role === 'trainer'
          ? 'mentor'
          : user.role === 'student'
            ? 'self'
            : null;
    if (kind === null) throw forbidden();
    if (kind === 'self' && body.studentId !== user.id) throw forbidden('学员只能给自己写自评');
    const cls = await app.classes.get(body.classId);
    if (!cls) throw notFound('这个班级');
    if (kind !== 'self' && !(await app.access.canReviewClass(user, body.classId))) throw notFound('这个班级');
    if ((await app.classes.memberRole(body.classId, body.studentId)) !== 'student') {
      throw new AppError('not-found', '这位学员不在这个班级里');
    }
    if (body.conversationId !== undefined) {
      const row = await app.conversations.get(body.conversationId);
      if (!row || row.student_id !== body.studentId) throw notFound('这个对话');
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
    return { evaluation: await app.evaluations.get(id) };
  });
}
