// The audit log: staff actions on someone else's account, appended and never changed (who, what, whom,
// from which class, when). Read by admins' tools and tests; the subject is not shown it.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** What a staff member did: lifted a student's login lock from the class page. */
export type AuditAction = 'login-unlocked';

export interface AuditEntry {
  at: number;
  actorId: string;
  action: AuditAction;
  subjectId: string;
  classId: string | null;
}

export function auditLogRepository(db: Kysely<Database>) {
  return {
    async record(entry: AuditEntry): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          at: entry.at,
          actor_id: entry.actorId,
          action: entry.action,
          subject_id: entry.subjectId,
          class_id: entry.classId,
        })
        .execute();
    },
    /** Everything done to `subjectId`, oldest first. */
    async forSubject(subjectId: string): Promise<AuditEntry[]> {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('subject_id', '=', subjectId)
        .orderBy('seq')
        .execute();
      return rows.map((r) => ({
        at: Number(r.at),
        actorId: r.actor_id,
        action: r.action as AuditAction,
        subjectId: r.subject_id,
        classId: r.class_id,
      }));
    },
  };
}
export type AuditLogRepository = ReturnType<typeof auditLogRepository>;
