// Ownership rules: who may see or manage which class, student and conversation. A student sees only
// themself; an instructor only the classes they own; a trainer only the classes they are assigned to.
import type { Kysely } from 'kysely';
import type { ClassRow } from '../db/repositories/classes.ts';
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

  return {
    staffClassIds,
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
    async canViewStudent(user: UserRow, studentId: string): Promise<boolean> {
      if (user.id === studentId) return true;
      if (user.role === 'student') return false;
      const ids = await staffClassIds(user);
      if (ids === null) return true;
      if (ids.length === 0) return false;
      const r = await db
        .selectFrom('enrollments')
        .select('user_id')
        .where('user_id', '=', studentId)
        .where('class_id', 'in', ids)
        .executeTakeFirst();
      return r !== undefined;
    },
  };
}
export type Access = ReturnType<typeof createAccess>;
