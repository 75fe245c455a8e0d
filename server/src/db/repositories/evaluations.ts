// Human evaluations for the multi-party grade: teacher, enterprise mentor, the student's self-evaluation.
import { randomUUID } from 'node:crypto';
import type { EvaluationKind, EvaluationView } from '@kefu/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export function evaluationsRepository(db: Kysely<Database>) {
  const base = () =>
    db
      .selectFrom('evaluations')
      .innerJoin('users', 'users.id', 'evaluations.author_id')
      .selectAll('evaluations')
      .select('users.display_name as author_name');
  type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
  const view = (r: Row): EvaluationView => ({
    id: r.id,
    studentId: r.student_id,
    classId: r.class_id,
    conversationId: r.conversation_id,
    authorId: r.author_id,
    authorName: r.author_name,
    kind: r.kind,
    score: r.score,
    comment: r.comment,
    createdAt: r.created_at,
  });
  return {
    async create(
      input: {
        studentId: string;
        classId: string;
        conversationId: string | null;
        authorId: string;
        kind: EvaluationKind;
        score: number;
        comment: string;
      },
      now: number,
    ): Promise<string> {
      const id = randomUUID();
      await db
        .insertInto('evaluations')
        .values({
          id,
          student_id: input.studentId,
          class_id: input.classId,
          conversation_id: input.conversationId,
          author_id: input.authorId,
          kind: input.kind,
          score: input.score,
          comment: input.comment,
          created_at: now,
        })
        .execute();
      return id;
    },
    async get(id: string): Promise<EvaluationView | undefined> {
      const r = await base().where('evaluations.id', '=', id).executeTakeFirst();
      return r && view(r);
    },
    async forStudent(studentId: string, classId?: string): Promise<EvaluationView[]> {
      let q = base().where('evaluations.student_id', '=', studentId);
      if (classId) q = q.where('evaluations.class_id', '=', classId);
      return (await q.orderBy('evaluations.created_at').execute()).map(view);
    },
    /** Every evaluation in a class, oldest first (the class's grades read them in one query). */
    async forClass(classId: string): Promise<EvaluationView[]> {
      const rows = await base()
        .where('evaluations.class_id', '=', classId)
        .orderBy('evaluations.created_at')
        .execute();
      return rows.map(view);
    },
    async forConversation(conversationId: string): Promise<EvaluationView[]> {
      const rows = await base().where('evaluations.conversation_id', '=', conversationId).execute();
      return rows.map(view);
    },
  };
}
export type EvaluationsRepository = ReturnType<typeof evaluationsRepository>;
