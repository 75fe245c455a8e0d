// Solo practice (one scenario, or a random mix of buyers at once) and the student's conversations.
import { isScenarioOpen, routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { fail } from '../errors.ts';
import { courseStanding } from '../grading/course-progress.ts';
import { hiddenScenarios } from '../practice/exam-secrecy.ts';
import { DEFAULT_RUBRIC } from '../scenarios/catalog.ts';
import { serve } from './serve.ts';

/**
 * Seconds between the arrivals of a random mix's buyers (seeded within the range): far enough apart that
 * each first message can be answered within the 3-second benchmark, close enough that they overlap.
 */
export const MIX_ARRIVAL_GAP_MS: readonly [number, number] = [8_000, 20_000];

/** When each of `count` buyers arrives, from `now`: the first at once, the others one gap after another. */
export function mixArrivals(count: number, now: number, seeds: () => number): number[] {
  const [min, max] = MIX_ARRIVAL_GAP_MS;
  const arrivals = [now];
  for (let i = 1; i < count; i++) arrivals.push(arrivals[i - 1]! + min + (seeds() % (max - min + 1)));
  return arrivals;
}

export default async function practiceRoutes(app: FastifyInstance): Promise<void> {
  serve(app, routes.practice.start, async ({ user, body }) => {
    // What plays for this student: drafts never, a scenario published to one class only in it.
    const classIds = await app.access.scenarioClassIds(user);
    // Published a moment ago on another server process, whose word has not arrived yet: read it now.
    if ('scenarioId' in body && !app.catalog.playableIn(body.scenarioId, classIds)) {
      await app.catalog.restoreStudioSaves();
    }
    // The scenarios of an exam not open yet are not the student's to play before it.
    const hidden = await hiddenScenarios(app, user, classIds);
    const playable = app.catalog
      .playable(classIds)
      .map((s) => s.id)
      .filter((id) => !hidden.has(id));
    // A student practises on their own only what the learning path has opened (a drill or an exam may send
    // any scenario: those open their conversations without this route). Staff try anything; LEARNING_PATH=open
    // opens every unit.
    const ordered = user.role === 'student' && (app.settings.pathInOrder ?? true);
    const standing = ordered ? await courseStanding(app, user.id, classIds, hidden) : null;
    const open = (id: string) => standing === null || isScenarioOpen(standing.progress, id);
    const buyers = playable.filter(open);
    let scenarioIds: string[];
    if ('scenarioId' in body) {
      if (!playable.includes(body.scenarioId)) {
        throw fail('scenario-not-found', { id: body.scenarioId });
      }
      if (!open(body.scenarioId)) {
        const current = standing?.progress.units.find((u) => u.unit.id === standing.progress.current);
        throw fail('scenario-locked', { unit: current?.unit.name ?? '' });
      }
      scenarioIds = [body.scenarioId];
    } else {
      if (buyers.length === 0) throw fail('library-empty');
      // A shuffled pick without repeats while there are enough scenarios.
      const pool = [...buyers];
      scenarioIds = [];
      for (let i = 0; i < body.mix; i++) {
        if (pool.length === 0) pool.push(...buyers);
        const [picked] = pool.splice(app.newSeed() % pool.length, 1);
        scenarioIds.push(picked!);
      }
    }
    const runtimes = await app.soloLimit.open(user.id, scenarioIds.length, () => {
      const arrivals = mixArrivals(scenarioIds.length, app.clock.now(), app.newSeed);
      const seeds = scenarioIds.map(() => app.newSeed());
      // Together: a mix's buyers are stored in one group commit (each still alone if it fails).
      return Promise.all(
        scenarioIds.map((scenarioId, i) =>
          app.live.open({
            studentId: user.id,
            drillId: null,
            slot: null,
            scenarioId,
            rubricId: DEFAULT_RUBRIC,
            seed: seeds[i]!,
            arrivesAt: arrivals[i]!,
          }),
        ),
      );
    });
    const conversations = runtimes.map((runtime) => app.live.view(runtime));
    return { conversations };
  });

  serve(app, routes.practice.abandon, async ({ user }) => {
    const ids = await app.live.abandon(user.id);
    const rows = await Promise.all(ids.map((id) => app.conversations.get(id)));
    const conversations = await Promise.all(rows.flatMap((row) => (row ? [app.live.viewOf(row)] : [])));
    return { conversations };
  });

  serve(app, routes.practice.conversations, async ({ user, query }) => {
    const rows = await app.conversations.listForStudent(user.id, query.status);
    const conversations = await Promise.all(rows.map((r) => app.live.viewOf(r)));
    return { conversations, serverTime: app.clock.now() };
  });

  serve(app, routes.practice.conversation, async ({ user, params: { id } }) => {
    // The owner, or staff of the class it belongs to.
    const row = await app.conversations.get(id);
    if (!row || !(await app.access.canViewConversation(user, row))) throw fail('conversation-not-found');
    const { conversation, events } = await app.live.resync(row, 0);
    return { conversation, events, serverTime: app.clock.now() };
  });
}
