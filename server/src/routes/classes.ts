// Classes: the instructor's own, trainers assigned to them, students enrolled with a join code.
import {
  AddMemberBodySchema,
  type ClassDetailResponse,
  type ClassesResponse,
  type ClassResponse,
  CreateClassBodySchema,
  JoinClassBodySchema,
  ROLE_NAMES_ZH,
  UpdateClassBodySchema,
} from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { requireRole, requireUser, STAFF } from '../auth/guards.ts';
import { minutesUntil } from '../auth/guess-throttle.ts';
import { newJoinCode } from '../db/repositories/classes.ts';
import type { UserRow } from '../db/repositories/users.ts';
import { AppError, forbidden, notFound, parse } from '../errors.ts';
import { DEFAULT_RUBRIC } from '../scenarios/catalog.ts';

export default async function classRoutes(app: FastifyInstance): Promise<void> {
  /** The class if `user` may see it; the same not-found either way, so ids do not leak. */
  async function visibleClass(user: UserRow, id: string) {
    const cls = await app.classes.get(id);
    if (!cls || !(await app.access.canViewClass(user, id))) throw notFound('这个班级');
    return cls;
  }
  async function managedClass(user: UserRow, id: string) {
    const cls = await visibleClass(user, id);
    if (!app.access.canManageClass(user, cls)) throw forbidden('只有班级的讲师或管理员可以修改班级');
    return cls;
  }
  /** The instructor an admin names for a class; only admins may name one. */
  async function instructorFor(user: UserRow, instructorId: string): Promise<UserRow> {
    if (user.role !== 'admin') throw forbidden('只有管理员可以指定班级的讲师');
    const instructor = await app.users.findById(instructorId);
    if (!instructor) throw new AppError('not-found', '没有这个讲师账号，请刷新账号列表后重试');
    if (instructor.role !== 'instructor') {
      throw new AppError(
        'bad-request',
        `这个账号是${ROLE_NAMES_ZH[instructor.role]}，只有讲师可以负责班级；请先创建讲师账号`,
      );
    }
    return instructor;
  }
  const showCode = (user: UserRow) => user.role !== 'student';
  async function view(user: UserRow, id: string) {
    const cls = await app.classes.get(id);
    if (!cls) throw notFound('这个班级');
    return app.classes.view(cls, showCode(user));
  }

  app.get('/classes', async (request): Promise<ClassesResponse> => {
    const user = requireUser(request);
    const rows =
      user.role === 'admin'
        ? await app.classes.listAll()
        : user.role === 'instructor'
          ? await app.classes.listOwned(user.id)
          : await app.classes.listForMember(user.id);
    return { classes: rows.map((r) => app.classes.view(r, showCode(user))) };
  });

  app.post('/classes', async (request): Promise<ClassResponse> => {
    const user = requireRole(request, 'instructor', 'admin');
    const body = parse(CreateClassBodySchema, request.body);
    const ownerId =
      body.instructorId === undefined ? user.id : (await instructorFor(user, body.instructorId)).id;
    const row = await app.classes.create(body.name, ownerId, DEFAULT_RUBRIC, app.clock.now());
    return { class: await view(user, row.id) };
  });

  app.post('/classes/join', async (request): Promise<ClassResponse> => {
    const user = requireRole(request, 'student');
    const body = parse(JoinClassBodySchema, request.body);
    const guess = app.guesses.begin({ account: `join:${user.id}`, address: request.ip }, app.clock.now());
    if (guess.wait > 0) {
      throw new AppError('rate-limited', `邀请码输错太多次，请 ${minutesUntil(guess.wait)} 分钟后再试`);
    }
    const cls = await app.classes.findByJoinCode(body.joinCode);
    if (!cls) throw new AppError('not-found', '班级邀请码不对，请向老师确认邀请码');
    guess.succeeded();
    await app.classes.addMember(cls.id, user.id, 'student', app.clock.now());
    return { class: await view(user, cls.id) };
  });

  app.get('/classes/:id', async (request): Promise<ClassDetailResponse> => {
    const user = requireUser(request);
    const { id } = request.params as { id: string };
    const cls = await visibleClass(user, id);
    // Students see their class, not its roster.
    const members = user.role === 'student' ? [] : await app.classes.members(id);
    return { class: app.classes.view(cls, showCode(user)), members };
  });

  app.patch('/classes/:id', async (request): Promise<ClassResponse> => {
    const user = requireRole(request, ...STAFF);
    const { id } = request.params as { id: string };
    await managedClass(user, id);
    const body = parse(UpdateClassBodySchema, request.body);
    if (body.rubricId !== undefined && !app.catalog.library.rubrics.has(body.rubricId)) {
      throw new AppError('bad-request', `没有评分标准“${body.rubricId}”，请从已有的评分标准中选择`);
    }
    const patch: Parameters<typeof app.classes.update>[1] = {};
    if (body.instructorId !== undefined) patch.owner_id = (await instructorFor(user, body.instructorId)).id;
    if (body.name !== undefined) patch.name = body.name;
    if (body.rubricId !== undefined) patch.rubric_id = body.rubricId;
    if (body.gradeWeights !== undefined) {
      const w = body.gradeWeights;
      if (w.system + w.teacher + w.mentor + w.self <= 0) {
        throw new AppError('bad-request', '成绩权重不能全为 0');
      }
      patch.grade_weights = JSON.stringify(w);
    }
    if (Object.keys(patch).length > 0) await app.classes.update(id, patch);
    return { class: await view(user, id) };
  });

  app.post('/classes/:id/join-code', async (request): Promise<ClassResponse> => {
    const user = requireRole(request, ...STAFF);
    const { id } = request.params as { id: string };
    await managedClass(user, id);
    await app.classes.update(id, { join_code: newJoinCode() });
    return { class: await view(user, id) };
  });

  app.post('/classes/:id/members', async (request): Promise<ClassDetailResponse> => {
    const user = requireRole(request, ...STAFF);
    const { id } = request.params as { id: string };
    await managedClass(user, id);
    const body = parse(AddMemberBodySchema, request.body);
    const member = await app.users.findById(body.userId);
    if (!member) throw new AppError('not-found', '没有这个用户，请检查用户 id');
    if (member.role !== body.role) {
      throw new AppError(
        'bad-request',
        `这个用户是${ROLE_NAMES_ZH[member.role]}，不能作为${ROLE_NAMES_ZH[body.role]}加入班级`,
      );
    }
    await app.classes.addMember(id, member.id, body.role, app.clock.now());
    const cls = await app.classes.get(id);
    if (!cls) throw notFound('这个班级');
    return { class: app.classes.view(cls, true), members: await app.classes.members(id) };
  });

  app.delete('/classes/:id/members/:userId', async (request): Promise<ClassDetailResponse> => {
    const user = requireRole(request, ...STAFF);
    const { id, userId } = request.params as { id: string; userId: string };
    await managedClass(user, id);
    if (!(await app.classes.removeMember(id, userId))) {
      throw new AppError('not-found', '这个用户不在这个班级里，请刷新成员列表后重试');
    }
    const cls = await app.classes.get(id);
    if (!cls) throw notFound('这个班级');
    return { class: app.classes.view(cls, true), members: await app.classes.members(id) };
  });
}
