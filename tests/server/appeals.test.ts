// Appeals (申诉) over HTTP: only the student who owns an ended conversation appeals, once per violation,
// with one sentence; only the staff of the appeal's class decide, once, with a note; an overturned
// violation stops counting in the report, the class report, export.csv, the leaderboard and the student's
// grade at once; decided appeals download as corpus cases that `judge-eval` reads back.
import {
  type AppealView,
  type ConversationReportResponse,
  CorpusFileSchema,
  evaluateCase,
  evaluatePart,
  loadLibrary,
} from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import { playConversation } from '../e2e/staff-server.ts';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
  SCENARIOS_DIR,
  seedUser,
  startServer,
  type TestServer,
  type TestUser,
} from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;
let instructorA: TestUser;
let instructorB: TestUser;
let trainerA: TestUser;
let student: TestUser;
let classmate: TestUser;
let classA: string;
let classB: string;
/** "一句已经很便宜了": objection-unaddressed on the reply 一分钱一分货. */
let dodged: string;
/** "简单问题回大段欢迎语": phrase-irrelevant on the welcome phrase. */
let welcome: string;

const report = async (id: string, as: TestUser) =>
  (await api<ConversationReportResponse>(server, 'GET', `/api/reports/conversations/${id}`, { as })).body;
const violationOf = async (id: string, rule: string) => {
  const v = (await report(id, student)).report.violations.find((x) => x.rule === rule);
  if (!v) throw new Error(`no ${rule} in ${id}`);
  return v;
};
const appeal = (as: TestUser, body: Record<string, unknown>) =>
  api<{ appeal: AppealView }>(server, 'POST', '/api/appeals', { as, body });
/** The badge of 申诉 in the staff bar: open appeals of the classes `as` reviews. */
const openCount = async (as: TestUser) => {
  const res = await api<{ open: number }>(server, 'GET', '/api/appeals/open-count', { as });
  expect(res.status).toBe(200);
  return res.body.open;
};
const decide = (as: TestUser, id: string, body: Record<string, unknown>) =>
  api<{ appeal: AppealView }>(server, 'POST', `/api/appeals/${id}/decision`, { as, body });

beforeAll(async () => {
  clock = new ManualClock(Date.UTC(2026, 10, 20, 2, 0, 0));
  server = await startServer({ clock, seedSource: () => 7 });
  instructorA = await seedUser(server.app, 'instructor', 'appeal_inst_a');
  instructorB = await seedUser(server.app, 'instructor', 'appeal_inst_b');
  trainerA = await seedUser(server.app, 'trainer', 'appeal_trainer_a');
  student = await seedUser(server.app, 'student', 'appeal_student');
  classmate = await seedUser(server.app, 'student', 'appeal_classmate');
  const a = await api(server, 'POST', '/api/classes', { as: instructorA, body: { name: '申诉 A 班' } });
  const b = await api(server, 'POST', '/api/classes', { as: instructorB, body: { name: '申诉 B 班' } });
  classA = a.body.class.id;
  classB = b.body.class.id;
  // Class A's grade counts solo practice, where these receptions are played.
  const solo = await api(server, 'PATCH', `/api/classes/${classA}`, {
    as: instructorA,
    body: { gradeSolo: true },
  });
  expect(solo.status).toBe(200);
  for (const s of [student, classmate])
    await api(server, 'POST', '/api/classes/join', { as: s, body: { joinCode: a.body.class.joinCode } });
  await api(server, 'POST', '/api/classes/join', {
    as: classmate,
    body: { joinCode: b.body.class.joinCode },
  });
  const added = await api(server, 'POST', `/api/classes/${classA}/members`, {
    as: instructorA,
    body: { userId: trainerA.user.id, role: 'trainer' },
  });
  expect(added.status).toBe(200);
  dodged = await playConversation(server, clock, student, 'price-objection', '一句“已经很便宜了”');
  welcome = await playConversation(server, clock, student, 'price-objection', '简单问题回大段欢迎语');
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('a student appeals a violation of their own report', () => {
  let appealId: string;

  it('needs a sentence, at most 200 characters, with bidi controls stripped', async () => {
    const v = await violationOf(dodged, 'objection-unaddressed');
    for (const reason of ['', '   ', '理'.repeat(201)]) {
      const res = await appeal(student, { conversationId: dodged, violationKey: v.key, reason });
      expect(res.status).toBe(400);
      expect((res.body as unknown as { error: { code: string } }).error.code).toBe('bad-request');
    }
    expect((await api(server, 'GET', '/api/appeals', { as: instructorA })).body.appeals).toEqual([]);
    const res = await appeal(student, {
      conversationId: dodged,
      violationKey: v.key,
      reason: '我说了质量好\u202E、一分钱一分货，这是在讲性价比',
    });
    expect(res.status).toBe(200);
    appealId = res.body.appeal.id;
    expect(res.body.appeal).toMatchObject({
      status: 'open',
      classId: classA,
      className: '申诉 A 班',
      reason: '我说了质量好、一分钱一分货，这是在讲性价比',
      reply: '亲，我们家东西质量很好的，一分钱一分货哦',
      decision: null,
      violation: { key: v.key, rule: 'objection-unaddressed' },
    });
  });

  it('once per violation', async () => {
    const v = await violationOf(dodged, 'objection-unaddressed');
    const again = await appeal(student, {
      conversationId: dodged,
      violationKey: v.key,
      reason: '再申诉一次',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'appeal-exists' } });
  });

  it('only the student who owns the conversation: a classmate gets 404, staff 403', async () => {
    const v = await violationOf(welcome, 'phrase-irrelevant');
    const body = { conversationId: welcome, violationKey: v.key, reason: '这是我的' };
    const other = await appeal(classmate, body);
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ error: { code: 'conversation-not-found' } });
    const staff = await appeal(instructorA, body);
    expect(staff.status).toBe(403);
  });

  it('only a violation the report has, of an ended conversation', async () => {
    const unknown = await appeal(student, {
      conversationId: dodged,
      violationKey: 'wrong-fact|1',
      reason: '没有',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'violation-not-found' } });
    const open = await api(server, 'POST', '/api/practice', {
      as: student,
      body: { scenarioId: 'jacket-colour-size' },
    });
    const id = open.body.conversations[0].id;
    const early = await appeal(student, { conversationId: id, violationKey: 'x', reason: '还没结束' });
    expect(early.status).toBe(403);
    expect(early.body).toMatchObject({ error: { code: 'report-not-ready' } });
    expect((await api(server, 'POST', '/api/practice/abandon', { as: student })).status).toBe(200);
  });

  it('the staff of that class see it in their queue; another class sees nothing and cannot decide', async () => {
    // The staff bar's badge counts it for that class's staff only; students may not ask.
    expect(await openCount(trainerA)).toBe(1);
    expect(await openCount(instructorA)).toBe(1);
    expect(await openCount(instructorB)).toBe(0);
    expect((await api(server, 'GET', '/api/appeals/open-count', { as: student })).status).toBe(403);
    const queue = await api(server, 'GET', '/api/appeals?status=open', { as: trainerA });
    expect(queue.body.appeals.map((a: AppealView) => a.id)).toEqual([appealId]);
    expect((await api(server, 'GET', '/api/appeals', { as: instructorB })).body.appeals).toEqual([]);
    const other = await api(server, 'GET', `/api/appeals?classId=${classA}`, { as: instructorB });
    expect(other.status).toBe(404);
    const wrong = await decide(instructorB, appealId, { verdict: 'overturned', note: '不是我的班' });
    expect(wrong.status).toBe(404);
    expect(wrong.body).toMatchObject({ error: { code: 'appeal-not-found' } });
    expect((await decide(student, appealId, { verdict: 'overturned', note: '自己裁' })).status).toBe(403);
    const noNote = await decide(trainerA, appealId, { verdict: 'overturned', note: ' ' });
    expect(noNote.status).toBe(400);
    const badVerdict = await decide(trainerA, appealId, { verdict: 'maybe', note: '嗯' });
    expect(badVerdict.status).toBe(400);
  });

  it('overturned, the violation stops counting in the report, class report, export.csv, leaderboard and grade', async () => {
    const before = await report(dodged, student);
    const v = before.report.violations.find((x) => x.rule === 'objection-unaddressed')!;
    const classBefore = (await api(server, 'GET', `/api/reports/classes/${classA}`, { as: instructorA }))
      .body;
    const rowBefore = classBefore.rows.find(
      (r: { student: { id: string } }) => r.student.id === student.user.id,
    );
    const csvBefore = (
      await api(server, 'GET', `/api/reports/classes/${classA}/export.csv`, { as: instructorA })
    ).text;
    const gradesCsv = async () =>
      (await api(server, 'GET', `/api/reports/classes/${classA}/grades.csv`, { as: instructorA })).text;
    const gradesBefore = await gradesCsv();

    const decided = await decide(trainerA, appealId, {
      verdict: 'overturned',
      note: '讲了品质和性价比，算化解',
    });
    expect(decided.status).toBe(200);
    // Decided, it no longer waits: the badge is gone for every staff member of the class.
    expect(await openCount(trainerA)).toBe(0);
    expect(await openCount(instructorA)).toBe(0);
    expect(decided.body.appeal).toMatchObject({
      status: 'overturned',
      decision: { by: { id: trainerA.user.id }, note: '讲了品质和性价比，算化解', at: clock.now() },
    });

    const after = await report(dodged, student);
    expect(after.report.violations.map((x) => x.key)).not.toContain(v.key);
    expect(after.report.overturned.map((x) => x.key)).toEqual([v.key]);
    expect(after.report.score).toBeGreaterThan(before.report.score);
    expect(after.appeals).toMatchObject([{ id: appealId, status: 'overturned', violation: { key: v.key } }]);

    const classAfter = (await api(server, 'GET', `/api/reports/classes/${classA}`, { as: instructorA })).body;
    const rowAfter = classAfter.rows.find(
      (r: { student: { id: string } }) => r.student.id === student.user.id,
    );
    expect(rowAfter.violations).toBe(rowBefore.violations - 1);
    expect(rowAfter.averageScore).toBeGreaterThan(rowBefore.averageScore);
    expect(rowAfter.grade.system).toBe(rowAfter.averageScore);

    const csvAfter = (
      await api(server, 'GET', `/api/reports/classes/${classA}/export.csv`, { as: instructorA })
    ).text;
    const line = (csv: string) =>
      csv
        .split('\r\n')
        .find((l) => l.startsWith('appeal_student,'))!
        .split(',');
    expect(Number(line(csvAfter)[6])).toBe(Number(line(csvBefore)[6]) - 1);
    expect(Number(line(csvAfter)[3])).toBe(rowAfter.averageScore);

    // grades.csv: the student's solo-practice row (violations in column 8) counts one fewer.
    const gradesAfter = await gradesCsv();
    const soloRow = (csv: string) =>
      csv
        .split('\r\n')
        .find((l) => l.startsWith('appeal_student,'))!
        .split(',');
    expect(soloRow(gradesAfter)[2]).toBe('自主练习');
    expect(Number(soloRow(gradesAfter)[7])).toBe(Number(soloRow(gradesBefore)[7]) - 1);

    const board = (
      await api(server, 'GET', `/api/reports/classes/${classA}/leaderboard`, { as: instructorA })
    ).body;
    const mine = board.rows.find((r: { studentId: string | null }) => r.studentId === student.user.id);
    expect(mine.average).toBe(rowAfter.averageScore);

    const own = await api(server, 'GET', `/api/reports/students/${student.user.id}?classId=${classA}`, {
      as: student,
    });
    expect(own.body.aggregate.score).toBe(rowAfter.averageScore);
  });

  it('a decision is final: deciding again or appealing again is refused', async () => {
    const again = await decide(instructorA, appealId, { verdict: 'upheld', note: '改主意' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'appeal-decided' } });
    const v = (await report(dodged, student)).report.overturned[0]!;
    const reappeal = await appeal(student, { conversationId: dodged, violationKey: v.key, reason: '再来' });
    expect(reappeal.status).toBe(409);
    expect(reappeal.body).toMatchObject({ error: { code: 'appeal-decided' } });
  });
});

describe('whose staff decide', () => {
  it('for solo practice of a student in two classes, the class named; only its staff decide', async () => {
    const id = await playConversation(server, clock, classmate, 'price-objection', '一口气让利 50 元');
    const v = (await report(id, classmate)).report.violations.find((x) => x.rule === 'discount-exceeded')!;
    const notMine = await appeal(classmate, {
      conversationId: id,
      violationKey: v.key,
      reason: '让利是店长同意的',
      classId: 'nope',
    });
    expect(notMine.status).toBe(404);
    expect(notMine.body).toMatchObject({ error: { code: 'class-not-found' } });
    const made = await appeal(classmate, {
      conversationId: id,
      violationKey: v.key,
      reason: '让利是店长同意的',
      classId: classB,
    });
    expect(made.status).toBe(200);
    expect(made.body.appeal.classId).toBe(classB);
    // Filed, it is counted at once for class B's staff and an admin, not for class A's.
    const admin = await seedUser(server.app, 'admin', 'appeal_admin');
    expect(await openCount(instructorB)).toBe(1);
    expect(await openCount(admin)).toBe(1);
    expect(await openCount(instructorA)).toBe(0);
    expect(
      (await decide(instructorA, made.body.appeal.id, { verdict: 'upheld', note: '不是本班' })).status,
    ).toBe(404);
    expect(
      (await api(server, 'GET', '/api/appeals', { as: trainerA })).body.appeals.map((a: AppealView) => a.id),
    ).not.toContain(made.body.appeal.id);
    const kept = await decide(instructorB, made.body.appeal.id, {
      verdict: 'upheld',
      note: '授权只有 20 元',
    });
    expect(kept.status).toBe(200);
    expect(await openCount(instructorB)).toBe(0);
    // Staff of the class see the decision on the report; staff of another class do not.
    expect((await report(id, instructorB)).appeals.map((a) => a.id)).toEqual([made.body.appeal.id]);
    expect((await report(id, instructorA)).appeals).toEqual([]);
  });

  it('a student in no class has nobody to decide: refused, with what to do', async () => {
    const loner = await seedUser(server.app, 'student', 'appeal_loner');
    const id = await playConversation(server, clock, loner, 'price-objection', '一口气让利 50 元');
    const v = (await report(id, loner)).report.violations[0]!;
    const res = await appeal(loner, { conversationId: id, violationKey: v.key, reason: '没有班级' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'appeal-no-class' } });
  });
});

describe('what the judge learns from decisions', () => {
  let upheldId: string;

  beforeAll(async () => {
    const v = await violationOf(welcome, 'phrase-irrelevant');
    const made = await appeal(student, {
      conversationId: welcome,
      violationKey: v.key,
      reason: '欢迎语也算回复吧',
    });
    upheldId = made.body.appeal.id;
    const kept = await decide(instructorA, upheldId, { verdict: 'upheld', note: '问有没有货，要先回答有货' });
    expect(kept.status).toBe(200);
  });

  it('an upheld violation keeps counting', async () => {
    const r = await report(welcome, student);
    expect(r.report.violations.map((x) => x.rule)).toContain('phrase-irrelevant');
    expect(r.report.overturned).toEqual([]);
    expect(r.appeals[0]).toMatchObject({ status: 'upheld', decision: { by: { id: instructorA.user.id } } });
  });

  it('stats per rule: how often trainers overturned the judge, for the staff of the class only', async () => {
    const stats = await api(server, 'GET', `/api/appeals/stats?classId=${classA}`, { as: trainerA });
    expect(stats.body.rules).toEqual([
      { rule: 'phrase-irrelevant', appealed: 1, open: 0, upheld: 1, overturned: 0 },
      { rule: 'objection-unaddressed', appealed: 1, open: 0, upheld: 0, overturned: 1 },
    ]);
    // Class B's staff count only class B's decisions.
    expect((await api(server, 'GET', '/api/appeals/stats', { as: instructorB })).body.rules).toEqual([
      { rule: 'discount-exceeded', appealed: 1, open: 0, upheld: 1, overturned: 0 },
    ]);
    expect(
      (await api(server, 'GET', `/api/appeals/stats?classId=${classA}`, { as: instructorB })).status,
    ).toBe(404);
  });

  it('decisions download as corpus cases that judge-eval reads: overturned = the judge was wrong', async () => {
    const res = await api(server, 'GET', `/api/appeals/corpus.yaml?classId=${classA}`, { as: instructorA });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/yaml');
    expect(res.text.startsWith('# yaml-language-server: $schema=../../schema/corpus.schema.json')).toBe(true);
    const file = CorpusFileSchema.parse(parse(res.text));
    expect(file.cases).toHaveLength(2);
    // As judge-eval reads it: the library with the download added as a corpus file, checked, then judged.
    const files = readLibrary(SCENARIOS_DIR, '/');
    const { library, errors } = loadLibrary([...files, { path: 'corpus/dev/appeals.yaml', text: res.text }]);
    expect(errors.filter((e) => e.file.includes('appeals.yaml'))).toEqual([]);
    const part = evaluatePart(
      library,
      library.corpus.filter((e) => e.file.includes('appeals.yaml')),
      'dev',
    );
    expect(part.cases).toEqual({ total: 2, agree: 1 });
    const results = file.cases.map((c, i) =>
      evaluateCase(library, { case: c, part: 'dev', file: 'appeals.yaml', line: i }),
    );
    expect(part.disagreeing.map((r) => r.entry.case.id)).toEqual(
      results.filter((r) => r.disagreements.length > 0).map((r) => r.entry.case.id),
    );

    const overturned = results.find((r) => r.entry.case.objection !== undefined)!;
    expect(overturned.entry.case).toMatchObject({
      products: ['down-jacket'],
      objection: 'price',
      source: 'typed',
      reply: '亲，我们家东西质量很好的，一分钱一分货哦',
      expect: { objection: 'addressed' },
    });
    expect(overturned.entry.case.note).toContain('讲了品质和性价比，算化解');
    // The judge still reads it as unaddressed: judge-eval lists exactly that disagreement.
    expect(overturned.judged.objection).toBe('unaddressed');
    expect(overturned.disagreements).toEqual(['objection']);

    const upheld = results.find((r) => r.entry.case.id === `appeal-${upheldId}`)!;
    expect(upheld.entry.case).toMatchObject({ source: 'greet-long', expect: { irrelevant: true } });
    expect(upheld.disagreements).toEqual([]);
  });

  it('students cannot download the corpus or read the queue', async () => {
    expect((await api(server, 'GET', '/api/appeals/corpus.yaml', { as: student })).status).toBe(403);
    expect((await api(server, 'GET', '/api/appeals', { as: student })).status).toBe(403);
  });
});
