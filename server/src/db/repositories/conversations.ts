// Conversation rows (the log itself lives in event-log.ts): lookups for lists, ownership and recovery.
import type { Kysely, Selectable } from 'kysely';
import type { ConversationsTable, Database } from '../schema.ts';

export type ConversationRow = Selectable<ConversationsTable>;

export function conversationsRepository(db: Kysely<Database>) {
  return {
    get: (id: string) => db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst(),
    listForStudent: (studentId: string, status?: 'open' | 'ended') => {
      let q = db.selectFrom('conversations').selectAll().where('student_id', '=', studentId);
      if (status) q = q.where('status', '=', status);
      return q.orderBy('started_at').execute();
    },
    listOpen: () => db.selectFrom('conversations').selectAll().where('status', '=', 'open').execute(),
    listForDrill: (drillId: string) =>
      db
        .selectFrom('conversations')
        .selectAll()
        .where('drill_id', '=', drillId)
        .orderBy('started_at')
        .execute(),
    async countOpen(drillId: string, studentId: string): Promise<number> {
      const row = await db
        .selectFrom('conversations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('drill_id', '=', drillId)
        .where('student_id', '=', studentId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    listForStudents: (studentIds: string[]) =>
      studentIds.length === 0
        ? Promise.resolve([] as ConversationRow[])
        : db
            .selectFrom('conversations')
            .selectAll()
            .where('student_id', 'in', studentIds)
            .orderBy('started_at')
            .execute(),
  };
}
export type ConversationsRepository = ReturnType<typeof conversationsRepository>;
