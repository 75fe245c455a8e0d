// Accounts and sessions: who a user is, logging in, registering with a join code, passwords.
import { z } from 'zod';
import { ApiErrorSchema } from './errors.ts';
import { displayName, joinCode, password, username } from './fields.ts';

export const ROLES = ['admin', 'instructor', 'trainer', 'student'] as const;
export type Role = (typeof ROLES)[number];
/** How Chinese messages name each role (server errors; the UI uses its own i18n strings). */
export const ROLE_NAMES_ZH: Record<Role, string> = {
  admin: '管理员',
  instructor: '讲师',
  trainer: '评估导师',
  student: '学员',
};

export const UserViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  /** The admin's one-time password (and passwords set by an admin) must be changed before anything else. */
  mustChangePassword: z.boolean(),
});
export type UserView = z.infer<typeof UserViewSchema>;

export const LoginBodySchema = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) })
  .strict();
export type LoginBody = z.infer<typeof LoginBodySchema>;
export const LoginResponseSchema = z.object({ user: UserViewSchema });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;
export const MeResponseSchema = z.object({ user: UserViewSchema, serverTime: z.number() });
export type MeResponse = z.infer<typeof MeResponseSchema>;
/** The browser's login: a wrong password or a locked account is an expected answer (200 with `refused`), not
 * an HTTP failure the browser would log as an error in its console. */
export const LoginAttemptResponseSchema = z.union([
  LoginResponseSchema,
  z.object({ refused: ApiErrorSchema }),
]);
export type LoginAttemptResponse = z.infer<typeof LoginAttemptResponseSchema>;
/** Who is logged in on this browser, if anyone: `user` is null when no one is (no 401 to log). */
export const SessionResponseSchema = z.object({ user: UserViewSchema.nullable(), serverTime: z.number() });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const RegisterBodySchema = z.object({ joinCode, username, displayName, password }).strict();
export type RegisterBody = z.infer<typeof RegisterBodySchema>;
export const ChangePasswordBodySchema = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: password })
  .strict();
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

/** Without `password` the server generates one; either way it is a one-time password, shown once. */
export const CreateUserBodySchema = z
  .object({
    username,
    displayName,
    role: z.enum(ROLES, '角色只能是管理员、讲师、评估导师或学员'),
    password: password.optional(),
  })
  .strict();
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;
/** `password`: the initial password, shown once; only its hash is stored. */
export const CreateUserResponseSchema = z.object({ user: UserViewSchema, password: z.string() });
export type CreateUserResponse = z.infer<typeof CreateUserResponseSchema>;
// An empty POST is a reset with a generated password.
export const ResetPasswordBodySchema = z.object({ password: password.optional() }).strict().default({});
export type ResetPasswordBody = z.input<typeof ResetPasswordBodySchema>;
export const ResetPasswordResponseSchema = CreateUserResponseSchema;
export type ResetPasswordResponse = CreateUserResponse;
/** An account as the admin list shows it: locked after five wrong passwords (a reset lifts it). */
export const AccountViewSchema = UserViewSchema.extend({ locked: z.boolean() });
export type AccountView = z.infer<typeof AccountViewSchema>;
export const UsersResponseSchema = z.object({ users: z.array(AccountViewSchema) });
export type UsersResponse = z.infer<typeof UsersResponseSchema>;
