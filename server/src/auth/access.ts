// Ownership rules: who may see or manage which class, student and conversation. A student sees only
// themself; an instructor only the classes they own; a trainer only the classes they are assigned to. A
// student in two classes is seen by each class's staff only through that class: its drills, and solo
// practice (which belongs to no class) — never the other class's drills or evaluations.
import type { Kysely } from 'kysely';
import type { ClassRow } from '../db/repositories/classes.ts';
import type { ConversationRow } from '../db/repositories/conversations.ts';
import type { UserRow } from '../db/repositories/users.ts';
import type { Database } from '../db/schema.ts';

export function createAccess(db: Kysely<Database>) {
  /** Classes whose data a staff user may see (null = all, for admins). */
  async function staffClassIds(user: UserRow): Promise<string[] | null> {
    if (user.role === 'admin') return null;
    if (user.role === 'instructor') {
      const rows = await db.selectFrom('classes').select('id').where('owner_id', '=', user.id).execute();
      return rows.map((r) => r.id);
    }
    if (user.role === 'trainer') {
      const rows = await db
        .selectFrom('enrollments')
        .select('class_id')
        .where('user_id', '=', user.id)
        .where('role', '=', 'trainer')
        .execute();
      return rows.map((r) => r.class_id);
    }
    return [];
  }

  async function drillClass(drillId: string): Promise<string | undefined> {
    const r = await db.selectFrom('drills').select('class_id').where('id', '=', drillId).executeTakeFirst();
    return r?.class_id;
  }

  async function canViewStudent(user: UserRow, studentId: string): Promise<boolean> {
    if (user.id === studentId) return true;
    if (user.role === 'student') return false;
    const ids = await staffClassIds(user);
    if (ids === null) return true;
    if (ids.length === 0) return false;
    const r = await db
      .selectFrom('enrollments')
      .select('user_id')
      .where('user_id', '=', studentId)
      .where('role', '=', 'student')
      .where('class_id', 'in', ids)
      .executeTakeFirst();
    return r !== undefined;
  }

  return {
    staffClassIds,
    canViewStudent,
    /**
     * The classes whose scenarios `user` may play or pick (a scenario published to one class only): a
     * student's own classes, staff's classes (null = all, for admins).
     */
    async scenarioClassIds(user: UserRow): Promise<string[] | null> {
      if (user.role !== 'student') return staffClassIds(user);
      const rows = await db
        .selectFrom('enrollments')
        .select('class_id')
        .where('user_id', '=', user.id)
        .where('role', '=', 'student')
        .execute();
      return rows.map((r) => r.class_id);
    },
    /**
     * Its student, admins, and staff of the class it belongs to: a drill's class, or for solo practice any
     * class the staff member shares with the student.
     */
    async canViewConversation(user: UserRow, row: ConversationRow): Promise<boolean> {
      if (user.id === row.student_id || user.role === 'admin') return true;
      if (user.role === 'student') return false;
      if (row.drill_id === null) return canViewStudent(user, row.student_id);
      const classId = await drillClass(row.drill_id);
      const ids = await staffClassIds(user);
      return classId !== undefined && (ids === null || ids.includes(classId));
    },
    /** Whether `row` belongs to class `classId`: one of its drills, or solo practice of one of its students. */
    async conversationInClass(row: ConversationRow, classId: string): Promise<boolean> {
      if (row.drill_id !== null) return (await drillClass(row.drill_id)) === classId;
      const r = await db
        .selectFrom('enrollments')
        .select('user_id')
        .where('class_id', '=', classId)
        .where('user_id', '=', row.student_id)
        .where('role', '=', 'student')
        .executeTakeFirst();
      return r !== undefined;
    },
    canManageClass(user: UserRow, cls: Pick<ClassRow, 'owner_id'>): boolean {
      return user.role === 'admin' || (user.role === 'instructor' && cls.owner_id === user.id);
    },
    async canViewClass(user: UserRow, classId: string): Promise<boolean> {
      if (user.role === 'student') {
        const r = await db
          .selectFrom('enrollments')
          .select('user_id')
          .where('class_id', '=', classId)
          .where('user_id', '=', user.id)
          .where('role', '=', 'student')
          .executeTakeFirst();
        return r !== undefined;
      }
      const ids = await staffClassIds(user);
      return ids === null || ids.includes(classId);
    },
    /** Staff seeing a class's reports (not students, even their own class's). */
    async canReviewClass(user: UserRow, classId: string): Promise<boolean> {
      if (user.role === 'student') return false;
      const ids = await staffClassIds(user);
      return ids === null || ids.includes(classId);
    },
  };
}
export type Access = ReturnType<typeof createAccess>;
