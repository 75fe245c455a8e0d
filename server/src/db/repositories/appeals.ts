// Appeals against violations and their final decisions (see shared/src/api/appeals.ts).
import { randomUUID } from 'node:crypto';
import type { AppealStatus, AppealVerdict, Violation } from '@kefu/shared';
import type { Kysely, Selectable } from 'kysely';
import type { AppealsTable, Database } from '../schema.ts';

export type AppealRow = Selectable<AppealsTable> & {
  class_name: string;
  student_name: string;
  decider_name: string | null;
};

/** IN lists stay well under every database's bound on parameters. */
const CHUNK = 500;

export function appealsRepository(db: Kysely<Database>) {
  const base = () =>
    db
      .selectFrom('appeals')
      .innerJoin('classes', 'classes.id', 'appeals.class_id')
      .innerJoin('users as student', 'student.id', 'appeals.student_id')
      .leftJoin('users as decider', 'decider.id', 'appeals.decided_by')
      .selectAll('appeals')
      .select([
        'classes.name as class_name',
        'student.display_name as student_name',
        'decider.display_name as decider_name',
      ]);
  return {
    /** Throws a unique violation when the violation was appealed before (see isUniqueViolation). */
    async create(
      input: {
        conversationId: string;
        classId: string;
        studentId: string;
        violation: Violation;
        reply: string | null;
        reason: string;
      },
      now: number,
    ): Promise<string> {
      const id = randomUUID();
      await db
        .insertInto('appeals')
        .values({
          id,
          conversation_id: input.conversationId,
          class_id: input.classId,
          student_id: input.studentId,
          violation_key: input.violation.key,
          rule: input.violation.rule,
          violation: JSON.stringify(input.violation),
          reply: input.reply,
          reason: input.reason,
          created_at: now,
          status: 'open',
          decided_by: null,
          decided_at: null,
          note: null,
        })
        .execute();
      return id;
    },
    get: (id: string): Promise<AppealRow | undefined> =>
      base().where('appeals.id', '=', id).executeTakeFirst(),
    forViolation: (conversationId: string, violationKey: string) =>
      db
        .selectFrom('appeals')
        .select(['id', 'status'])
        .where('conversation_id', '=', conversationId)
        .where('violation_key', '=', violationKey)
        .executeTakeFirst(),
    forConversation: (conversationId: string): Promise<AppealRow[]> =>
      base().where('appeals.conversation_id', '=', conversationId).orderBy('appeals.created_at').execute(),
    /** The queue of some classes (null: every class), newest first. */
    list(classIds: readonly string[] | null, status?: AppealStatus): Promise<AppealRow[]> {
      if (classIds !== null && classIds.length === 0) return Promise.resolve([]);
      let q = base();
      if (classIds !== null) q = q.where('appeals.class_id', 'in', classIds);
      if (status) q = q.where('appeals.status', '=', status);
      return q.orderBy('appeals.created_at', 'desc').execute();
    },
    /** How many appeals of some classes (null: every class) wait for a decision. */
    async countOpen(classIds: readonly string[] | null): Promise<number> {
      if (classIds !== null && classIds.length === 0) return 0;
      let q = db
        .selectFrom('appeals')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('status', '=', 'open');
      if (classIds !== null) q = q.where('class_id', 'in', classIds);
      const row = await q.executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    /** Decides an open appeal; false when it was already decided (a decision is final, first one wins). */
    async decide(
      id: string,
      decision: { verdict: AppealVerdict; by: string; note: string },
      now: number,
    ): Promise<boolean> {
      const result = await db
        .updateTable('appeals')
        .set({ status: decision.verdict, decided_by: decision.by, decided_at: now, note: decision.note })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Overturned violation keys per conversation, for the conversations given (one query per 500). */
    async overturnedFor(conversationIds: readonly string[]): Promise<Map<string, string[]>> {
      const out = new Map<string, string[]>();
      for (let i = 0; i < conversationIds.length; i += CHUNK) {
        const rows = await db
          .selectFrom('appeals')
          .select(['conversation_id', 'violation_key'])
          .where('conversation_id', 'in', conversationIds.slice(i, i + CHUNK))
          .where('status', '=', 'overturned')
          .execute();
        for (const r of rows)
          out.set(r.conversation_id, [...(out.get(r.conversation_id) ?? []), r.violation_key]);
      }
      return out;
    },
  };
}
export type AppealsRepository = ReturnType<typeof appealsRepository>;
