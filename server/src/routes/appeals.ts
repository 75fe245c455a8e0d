// Appeals (申诉): the student who owns a report disputes one of its violations with a sentence; the staff of
// the appeal's class uphold or overturn it with a note (final). Reports read the overturned ones through
// the grading module, so the score, class report, grades, leaderboard and exports change together. Decided
// appeals download as judgement-corpus cases; the stats say per rule how often the judge was overturned.
import {
  type AppealRuleStat,
  type AppealView,
  appealCase,
  type CorpusCase,
  followAppealKeys,
  type Report,
  RULE_IDS,
  routes,
  type Violation,
} from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { stringify } from 'yaml';
import type { AppealRow } from '../db/repositories/appeals.ts';
import type { ConversationRow } from '../db/repositories/conversations.ts';
import type { UserRow } from '../db/repositories/users.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { fail } from '../errors.ts';
import { serve } from './serve.ts';

/** The appeals as the API shows them (scenario titles from the versions played). */
export async function appealViews(app: FastifyInstance, rows: readonly AppealRow[]): Promise<AppealView[]> {
  const titles = new Map<string, string>();
  const now = await appealsWhereNow(app, rows);
  const views: AppealView[] = [];
  for (const r of rows) {
    let title = titles.get(r.conversation_id);
    if (title === undefined) {
      const row = await app.conversations.get(r.conversation_id);
      title = row
        ? (await app.catalog.context(row.scenario_id, row.scenario_version, row.rubric_id)).scenario.title
        : '';
      titles.set(r.conversation_id, title);
    }
    views.push({
      id: r.id,
      conversationId: r.conversation_id,
      classId: r.class_id,
      className: r.class_name,
      student: { id: r.student_id, displayName: r.student_name },
      scenarioTitle: title,
      violation: filed(r),
      current: now.get(r.id)!,
      reply: r.reply,
      reason: r.reason,
      createdAt: r.created_at,
      status: r.status,
      decision:
        r.status === 'open' || r.decided_by === null || r.decided_at === null
          ? null
          : {
              by: { id: r.decided_by, displayName: r.decider_name ?? '' },
              at: r.decided_at,
              note: r.note ?? '',
            },
    });
  }
  return views;
}

/** Every violation key of a report, the overturned ones included. */
const keysOf = (report: Report) => [...report.violations, ...report.overturned].map((v) => v.key);

/**
 * Each appeal's violation where its conversation's report has it now (by appeal id): a re-score may have
 * renamed or re-classified it (a buyer-left stored before the departure split is a buyer-gave-up today), and
 * the appeal is counted under the rule the report gives it, the same way the report shows the decision
 * beside it (visibleAppeals). As filed when the report has no such violation any more.
 */
export async function appealsWhereNow(
  app: FastifyInstance,
  rows: readonly AppealRow[],
): Promise<Map<string, Violation>> {
  const out = new Map<string, Violation>();
  const byConversation = new Map<string, AppealRow[]>();
  for (const r of rows)
    byConversation.set(r.conversation_id, [...(byConversation.get(r.conversation_id) ?? []), r]);
  for (const [conversationId, appeals] of byConversation) {
    const row = await app.conversations.get(conversationId);
    const report = row ? await app.grading.reportOf(row) : null;
    // Every appeal of the conversation claims its violation, not only those listed (another class's too).
    const all = await app.appeals.forConversation(conversationId);
    const follow = report
      ? followAppealKeys(
          all.map((a) => a.violation_key),
          keysOf(report),
        )
      : new Map<string, string>();
    const byKey = new Map(report ? [...report.violations, ...report.overturned].map((v) => [v.key, v]) : []);
    for (const appeal of appeals) {
      const key = follow.get(appeal.violation_key);
      out.set(appeal.id, (key === undefined ? undefined : byKey.get(key)) ?? filed(appeal));
    }
  }
  return out;
}

/** The violation as the judge gave it when the student appealed. */
const filed = (row: AppealRow): Violation => JSON.parse(row.violation) as Violation;

/**
 * A conversation's appeals the viewer may see (the student their own, staff those of their classes), each with
 * the key of the report's violation it is about: a re-score may have renamed it (scoring/appeal-keys.ts).
 */
export async function visibleAppeals(
  app: FastifyInstance,
  user: UserRow,
  row: ConversationRow,
  report: Report,
): Promise<AppealView[]> {
  const all = await app.appeals.forConversation(row.id);
  const ids = user.role === 'student' ? null : await app.access.staffClassIds(user);
  const visible =
    user.role === 'student'
      ? row.student_id === user.id
        ? all
        : []
      : ids === null
        ? all
        : all.filter((a) => ids.includes(a.class_id));
  const follow = followAppealKeys(
    all.map((a) => a.violation_key),
    keysOf(report),
  );
  return (await appealViews(app, visible)).map((view) => ({
    ...view,
    reportKey: follow.get(view.violation.key) ?? null,
  }));
}

export default async function appealRoutes(app: FastifyInstance): Promise<void> {
  /** The classes whose appeals `user` decides, narrowed to `classId` when given (another class: 404). */
  async function scope(user: UserRow, classId: string | undefined): Promise<string[] | null> {
    if (classId === undefined) return app.access.staffClassIds(user);
    if (!(await app.classes.get(classId)) || !(await app.access.canReviewClass(user, classId)))
      throw fail('class-not-found');
    return [classId];
  }

  /** Whose staff decide: a drill's class; for solo practice the class named, else the student's first. */
  async function decidingClass(row: ConversationRow, named: string | undefined): Promise<string> {
    if (row.drill_id !== null) {
      const drill = await app.drills.get(row.drill_id);
      if (!drill) throw fail('conversation-not-found');
      return drill.class_id;
    }
    const classes = await app.classes.classIdsOfStudent(row.student_id);
    if (named !== undefined) {
      if (!classes.includes(named)) throw fail('class-not-found');
      return named;
    }
    const first = classes[0];
    if (first === undefined) throw fail('appeal-no-class');
    return first;
  }

  async function appealed(conversationId: string, key: string): Promise<never> {
    const existing = await app.appeals.forViolation(conversationId, key);
    throw fail(existing?.status === 'open' ? 'appeal-exists' : 'appeal-decided');
  }

  /** The stored key of the conversation's appeal about this violation of its report, if there is one. */
  async function appealOf(conversationId: string, report: Report, key: string): Promise<string | undefined> {
    const stored = (await app.appeals.forConversation(conversationId)).map((a) => a.violation_key);
    for (const [appealKey, reportKey] of followAppealKeys(stored, keysOf(report)))
      if (reportKey === key) return appealKey;
    return undefined;
  }

  serve(app, routes.appeals.create, async ({ user, body }) => {
    const row = await app.conversations.get(body.conversationId);
    if (!row || row.student_id !== user.id) throw fail('conversation-not-found');
    if (row.status !== 'ended') throw fail('report-not-ready');
    if (await app.appeals.forViolation(row.id, body.violationKey)) await appealed(row.id, body.violationKey);
    const report = await app.grading.reportOf(row);
    // The same violation appealed under the key it had before a re-score renamed it.
    const earlier = await appealOf(row.id, report, body.violationKey);
    if (earlier !== undefined) await appealed(row.id, earlier);
    const violation = report.abandoned
      ? undefined
      : report.violations.find((v) => v.key === body.violationKey);
    if (!violation) throw fail('violation-not-found');
    const classId = await decidingClass(row, body.classId);
    const messageId = violation.detail.messageId;
    const sent = (await app.eventLog.read(row.id)).find(
      (s) => s.event.type === 'agent-message' && s.event.id === messageId,
    );
    const reply = sent?.event.type === 'agent-message' ? sent.event.text : null;
    try {
      const id = await app.appeals.create(
        { conversationId: row.id, classId, studentId: user.id, violation, reply, reason: body.reason },
        app.clock.now(),
      );
      const [appeal] = await appealViews(app, [(await app.appeals.get(id))!]);
      return { appeal: appeal! };
    } catch (err) {
      if (isUniqueViolation(err)) return appealed(row.id, body.violationKey);
      throw err;
    }
  });

  serve(app, routes.appeals.list, async ({ user, query }) => {
    const rows = await app.appeals.list(await scope(user, query.classId), query.status);
    return { appeals: await appealViews(app, rows) };
  });

  serve(app, routes.appeals.openCount, async ({ user }) => ({
    open: await app.appeals.countOpen(await app.access.staffClassIds(user)),
  }));

  serve(app, routes.appeals.decide, async ({ user, params: { id }, body }) => {
    const appeal = await app.appeals.get(id);
    if (!appeal || !(await app.access.canReviewClass(user, appeal.class_id))) throw fail('appeal-not-found');
    const decided = await app.appeals.decide(
      id,
      { verdict: body.verdict, by: user.id, note: body.note },
      app.clock.now(),
    );
    if (!decided) throw fail('appeal-decided');
    const [view] = await appealViews(app, [(await app.appeals.get(id))!]);
    return { appeal: view! };
  });

  serve(app, routes.appeals.stats, async ({ user, query }) => {
    const rows = await app.appeals.list(await scope(user, query.classId));
    const now = await appealsWhereNow(app, rows);
    const byRule = new Map<string, AppealRuleStat>();
    for (const r of rows) {
      const rule = now.get(r.id)!.rule;
      const stat = byRule.get(rule) ?? { rule, appealed: 0, open: 0, upheld: 0, overturned: 0 };
      stat.appealed++;
      stat[r.status]++;
      byRule.set(rule, stat);
    }
    return { rules: RULE_IDS.flatMap((rule) => byRule.get(rule) ?? []) };
  });

  serve(app, routes.appeals.corpus, async ({ user, query }) => {
    const ids = await scope(user, query.classId);
    const decided = (await app.appeals.list(ids)).filter((r) => r.status !== 'open').reverse();
    const now = await appealsWhereNow(app, decided);
    const cases: CorpusCase[] = [];
    for (const r of decided) {
      const row = await app.conversations.get(r.conversation_id);
      if (!row) continue;
      const ctx = await app.catalog.context(row.scenario_id, row.scenario_version, row.rubric_id);
      const events = (await app.eventLog.read(row.id)).map((s) => s.event);
      // The case of the violation the report has now: the judge's current reading is what judge-eval replays.
      const violation = now.get(r.id)!;
      const made = appealCase(ctx.library, ctx.scenario, events, {
        id: r.id,
        rule: violation.rule,
        detail: violation.detail,
        verdict: r.status === 'overturned' ? 'overturned' : 'upheld',
        reason: r.reason,
        note: r.note ?? '',
      });
      if (made) cases.push(made);
    }
    const cls = query.classId === undefined ? undefined : await app.classes.get(query.classId);
    const header = [
      '# yaml-language-server: $schema=../../schema/corpus.schema.json',
      '# 申诉裁定导出的评判语料（docs/judge-corpus.md）：维持 = 评判对了，撤销 = 评判错了。',
      '# 放进 scenarios/corpus/dev/ 或 holdout/ 前请再读一遍；未申诉的标注沿用评判的结果。',
    ];
    const body =
      cases.length === 0
        ? `${header.join('\n')}\n# 还没有可导出的裁定。\ncases: []\n`
        : `${header.join('\n')}\n${stringify({ cases }, { lineWidth: 0 })}`;
    return { filename: `${cls ? `${cls.name}-` : ''}申诉语料.yaml`, body };
  });
}
