// Accounts: who can log in and with which role.
import { randomUUID } from 'node:crypto';
import type { Role, UserView } from '@kefu/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database, UsersTable } from '../schema.ts';

export type UserRow = Selectable<UsersTable>;

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    mustChangePassword: row.must_change_password === 1,
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  mustChangePassword?: boolean;
}

export function usersRepository(db: Kysely<Database>) {
  return {
    async create(user: NewUser, now: number): Promise<UserRow> {
      const row: UserRow = {
        id: randomUUID(),
        username: user.username,
        display_name: user.displayName,
        role: user.role,
        password_hash: user.passwordHash,
        must_change_password: user.mustChangePassword ? 1 : 0,
        created_at: now,
      };
      await db.insertInto('users').values(row).execute();
      return row;
    },
    findById: (id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    findByUsername: (username: string) =>
      db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst(),
    list: () => db.selectFrom('users').selectAll().orderBy('created_at').execute(),
    /** The accounts of one role by name, without their password data (for pickers staff see). */
    namesOfRole: (role: Role) =>
      db
        .selectFrom('users')
        .select(['id', 'username', 'display_name'])
        .where('role', '=', role)
        .orderBy('created_at')
        .orderBy('username')
        .execute(),
    async count(): Promise<number> {
      const r = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async setPassword(id: string, passwordHash: string, mustChange: boolean): Promise<void> {
      await db
        .updateTable('users')
        .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 })
        .where('id', '=', id)
        .execute();
    },
  };
}
export type UsersRepository = ReturnType<typeof usersRepository>;
