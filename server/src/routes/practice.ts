// Solo practice (one scenario, or a random mix of buyers at once) and the student's conversations.
import {
  type ConversationDetailResponse,
  type ConversationsResponse,
  type PracticeResponse,
  StartPracticeBodySchema,
} from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/guards.ts';
import type { ConversationRow } from '../db/repositories/conversations.ts';
import type { UserRow } from '../db/repositories/users.ts';
import { AppError, notFound, parse } from '../errors.ts';
import { DEFAULT_RUBRIC } from '../scenarios/catalog.ts';

/** Solo practice in progress at once, per person: enough for a busy mix, not enough to fill the disk. */
const MAX_OPEN_SOLO = 10;

export default async function practiceRoutes(app: FastifyInstance): Promise<void> {
  /** The conversation if `user` owns it or is staff over its student. */
  async function visibleConversation(user: UserRow, id: string): Promise<ConversationRow> {
    const row = await app.conversations.get(id);
    if (!row || !(await app.access.canViewStudent(user, row.student_id))) throw notFound('这个对话');
    return row;
  }

  app.post('/practice', async (request): Promise<PracticeResponse> => {
    const user = requireUser(request);
    const body = parse(StartPracticeBodySchema, request.body);
    const buyers = [...app.catalog.library.buyers.keys()];
    let scenarioIds: string[];
    if ('scenarioId' in body) {
      if (!app.catalog.library.buyers.has(body.scenarioId)) {
        throw new AppError('not-found', `没有场景“${body.scenarioId}”，请从场景列表中选择`);
      }
      scenarioIds = [body.scenarioId];
    } else {
      if (buyers.length === 0) throw new AppError('not-found', '场景库是空的，请联系讲师添加场景');
      // A shuffled pick without repeats while there are enough scenarios.
      const pool = [...buyers];
      scenarioIds = [];
      for (let i = 0; i < body.mix; i++) {
        if (pool.length === 0) pool.push(...buyers);
        const [picked] = pool.splice(app.newSeed() % pool.length, 1);
        scenarioIds.push(picked!);
      }
    }
    const open = (await app.conversations.listForStudent(user.id, 'open')).filter((c) => c.drill_id === null);
    if (open.length + scenarioIds.length > MAX_OPEN_SOLO) {
      throw new AppError('conflict', `你已经有 ${open.length} 位买家在等待，请先接待完再开始新的练习`);
    }
    const conversations = [];
    for (const scenarioId of scenarioIds) {
      const runtime = await app.live.open({
        studentId: user.id,
        drillId: null,
        slot: null,
        scenarioId,
        rubricId: DEFAULT_RUBRIC,
        seed: app.newSeed(),
      });
      conversations.push(app.live.view(runtime));
    }
    return { conversations };
  });

  app.get('/conversations', async (request): Promise<ConversationsResponse> => {
    const user = requireUser(request);
    const { status } = request.query as { status?: string };
    if (status !== undefined && status !== 'open' && status !== 'ended') {
      throw new AppError('bad-request', 'status 只能是 open 或 ended');
    }
    const rows = await app.conversations.listForStudent(user.id, status);
    const conversations = await Promise.all(rows.map((r) => app.live.viewOf(r)));
    return { conversations, serverTime: app.clock.now() };
  });

  app.get('/conversations/:id', async (request): Promise<ConversationDetailResponse> => {
    const user = requireUser(request);
    const { id } = request.params as { id: string };
    const row = await visibleConversation(user, id);
    const { conversation, events } = await app.live.resync(row, 0);
    return { conversation, events, serverTime: app.clock.now() };
  });
}
