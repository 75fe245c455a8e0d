// Score reports: per conversation, per student, per class, and the class CSV export.
import type {
  ClassReportResponse,
  ClassReportRow,
  ConversationReportResponse,
  GradeWeights,
  LoggedEvent,
  StudentReportResponse,
} from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/guards.ts';
import { toUserView, type UserRow } from '../db/repositories/users.ts';
import { AppError, notFound } from '../errors.ts';
import { classCsv, gradeOf, Reports } from '../practice/reports.ts';
import { publicEnvelopes } from '../practice/views.ts';

export default async function reportRoutes(app: FastifyInstance): Promise<void> {
  const reports = new Reports(app);

  async function classRows(classId: string): Promise<ClassReportRow[]> {
    const cls = await app.classes.get(classId);
    if (!cls) throw notFound('这个班级');
    const weights = JSON.parse(cls.grade_weights) as GradeWeights;
    const students = (await app.classes.members(classId)).filter((m) => m.role === 'student');
    const rows: ClassReportRow[] = [];
    for (const s of students) {
      const conversations = (await app.conversations.listForStudent(s.userId)).filter(
        (c) => c.status === 'ended',
      );
      const { summary } = await reports.scores(conversations);
      const evaluations = await app.evaluations.forStudent(s.userId, classId);
      rows.push({
        student: { id: s.userId, username: s.username, displayName: s.displayName },
        conversations: conversations.length,
        averageScore: summary?.score ?? null,
        firstResponseSeconds: summary?.metrics.firstResponseSeconds ?? null,
        averageResponseSeconds: summary?.metrics.averageResponseSeconds ?? null,
        violations: summary ? Object.values(summary.violationsByRule).reduce((a, b) => a + b, 0) : 0,
        paid: summary?.metrics.outcomes.paid ?? 0,
        left: summary?.metrics.outcomes.left ?? 0,
        grade: gradeOf(weights, summary?.score ?? null, evaluations),
      });
    }
    return rows;
  }

  async function reviewableClass(user: UserRow, id: string) {
    const cls = await app.classes.get(id);
    if (!cls || !(await app.access.canReviewClass(user, id))) throw notFound('这个班级');
    return cls;
  }

  app.get('/reports/conversations/:id', async (request): Promise<ConversationReportResponse> => {
    const user = requireUser(request);
    const { id } = request.params as { id: string };
    const row = await app.conversations.get(id);
    if (!row || !(await app.access.canViewStudent(user, row.student_id))) throw notFound('这个对话');
    const isOwner = row.student_id === user.id;
    if (isOwner && user.role === 'student' && row.status !== 'ended') {
      throw new AppError('forbidden', '对话结束后才能查看评分报告');
    }
    const stored = await app.eventLog.read(id);
    const events =
      user.role === 'student'
        ? publicEnvelopes(id, stored)
        : stored.map((s): LoggedEvent => ({ seq: s.seq, event: { ...s.event } }));
    return {
      conversation: await app.live.viewOf(row),
      report: await reports.of(row),
      events,
      evaluations: await app.evaluations.forConversation(id),
    };
  });

  app.get('/reports/students/:id', async (request): Promise<StudentReportResponse> => {
    const user = requireUser(request);
    const { id } = request.params as { id: string };
    const { classId } = request.query as { classId?: string };
    const student = await app.users.findById(id);
    if (!student || !(await app.access.canViewStudent(user, id))) throw notFound('这位学员');
    let weights: GradeWeights | null = null;
    if (classId !== undefined) {
      const cls = await app.classes.get(classId);
      const enrolled = cls && (await app.classes.memberRole(classId, id)) === 'student';
      const allowed = user.id === id || (await app.access.canReviewClass(user, classId));
      if (!cls || !enrolled || !allowed) throw notFound('这个班级');
      weights = JSON.parse(cls.grade_weights) as GradeWeights;
    }
    const rows = await app.conversations.listForStudent(id);
    const { scores, summary } = await reports.scores(rows);
    const evaluations = await app.evaluations.forStudent(id, classId);
    return {
      student: toUserView(student),
      aggregate: summary,
      conversations: scores,
      evaluations,
      grade: weights ? gradeOf(weights, summary?.score ?? null, evaluations) : null,
    };
  });

  app.get('/reports/classes/:id', async (request): Promise<ClassReportResponse> => {
    const user = requireUser(request);
    const { id } = request.params as { id: string };
    const cls = await reviewableClass(user, id);
    return { class: app.classes.view(cls, true), rows: await classRows(id) };
  });

  app.get('/reports/classes/:id/export.csv', async (request, reply) => {
    const user = requireUser(request);
    const { id } = request.params as { id: string };
    const cls = await reviewableClass(user, id);
    const filename = encodeURIComponent(`${cls.name}-成绩.csv`);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="class.csv"; filename*=UTF-8''${filename}`)
      .send(classCsv(await classRows(id)));
  });
}
