// Exams: a drill with exam rules. The instructor sets a window; the exam opens and closes by the clock; each
// student starts it once and gets the whole schedule from that moment; model answers stay hidden from
// students until it closes; its results make the grade's exam part, and it has its own leaderboard.
import {
  type ClassReportResponse,
  type ClassReportRow,
  type ConversationsResponse,
  type DrillView,
  SIMULATION_EPOCH,
} from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
  newClass,
  seedUser,
  startServer,
  type TestServer,
  type TestUser,
  tempDataDir,
} from './helpers/server.ts';

const MINUTE = 60_000;
const SCENARIO = 'after-sale-complaint';

let server: TestServer;
let clock: ManualClock;
let instructor: TestUser;
let otherInstructor: TestUser;
let trainer: TestUser;
let taker: TestUser;
let absent: TestUser;
let outsider: TestUser;
let classId: string;

const settings = {
  scenarioIds: [SCENARIO],
  shoppersPerStudent: 1,
  arrivalIntervalSeconds: 0,
  concurrency: 1,
};
const examBody = (over: Record<string, unknown> = {}) => ({
  title: '期中考试',
  settings,
  opensAt: clock.now() + 10 * MINUTE,
  closesAt: clock.now() + 40 * MINUTE,
  ...over,
});

async function createExam(over: Record<string, unknown> = {}, as = instructor, cls = classId) {
  return api(server, 'POST', `/api/classes/${cls}/exams`, { as, body: examBody(over) });
}

beforeAll(async () => {
  clock = new ManualClock(SIMULATION_EPOCH);
  server = await startServer({ clock });
  instructor = await seedUser(server.app, 'instructor');
  otherInstructor = await seedUser(server.app, 'instructor');
  trainer = await seedUser(server.app, 'trainer');
  taker = await seedUser(server.app, 'student');
  absent = await seedUser(server.app, 'student');
  outsider = await seedUser(server.app, 'student');
  classId = await newClass(server, instructor, [taker, absent]);
  await newClass(server, otherInstructor, [outsider]);
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('creating an exam', () => {
  it('refuses bad windows and scenarios, and changes nothing', async () => {
    const now = clock.now();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ opensAt: now - 60 * MINUTE, closesAt: now - 30 * MINUTE }, 400, 'exam-window-past'],
      [{ opensAt: now - 30 * MINUTE, closesAt: now + 30 * MINUTE }, 400, 'exam-window-past'],
      [{ opensAt: now + 30 * MINUTE, closesAt: now + 10 * MINUTE }, 400, 'exam-window-order'],
      [{ opensAt: now + 30 * MINUTE, closesAt: now + 30 * MINUTE }, 400, 'exam-window-order'],
      [{ opensAt: now, closesAt: now + 300 * MINUTE }, 400, 'exam-window-too-long'],
      [{ settings: { ...settings, scenarioIds: ['no-such-buyer'] } }, 400, 'unknown-scenario'],
      [{ settings: { ...settings, scenarioIds: [] } }, 400, 'bad-request'],
      [{ settings: { ...settings, durationMinutes: 10 } }, 400, 'bad-request'],
    ];
    for (const [over, status, code] of cases) {
      const res = await createExam(over);
      expect([res.status, res.body.error?.code], JSON.stringify(over)).toEqual([status, code]);
    }
    const list = await api(server, 'GET', `/api/classes/${classId}/drills`, { as: instructor });
    expect(list.body.drills).toEqual([]);
  });

  it('is for the class instructor only: students, trainers and other instructors are refused', async () => {
    expect((await createExam({}, taker)).status).toBe(403);
    expect((await createExam({}, trainer)).status).toBe(403);
    const other = await createExam({}, otherInstructor);
    expect([other.status, other.body.error.code]).toEqual([404, 'class-not-found']);
  });
});

describe('an exam from opening to closing', () => {
  let exam: DrillView;
  let takerScore: number;

  it('is scheduled, cannot be started by hand or before it opens, and is invisible to other classes', async () => {
    const created = await createExam();
    expect(created.status).toBe(200);
    exam = created.body.drill;
    expect(exam).toMatchObject({ kind: 'exam', status: 'draft', graded: true });
    expect(exam.closesAt! - exam.opensAt!).toBe(30 * MINUTE);

    const start = await api(server, 'POST', `/api/drills/${exam.id}/start`, { as: instructor });
    expect([start.status, start.body.error.code]).toEqual([409, 'exam-starts-itself']);
    const early = await api(server, 'POST', `/api/drills/${exam.id}/join`, { as: taker });
    expect([early.status, early.body.error.code]).toEqual([409, 'exam-not-open']);
    expect(early.body.error.message).toBe('考试还没有开始，请到开考时间再进入');

    for (const [as, path] of [
      [outsider, `/api/drills/${exam.id}`],
      [outsider, `/api/classes/${classId}/drills`],
      [otherInstructor, `/api/drills/${exam.id}`],
      [otherInstructor, `/api/drills/${exam.id}/results`],
    ] as const) {
      expect((await api(server, 'GET', path, { as })).status, path).toBe(404);
    }
    expect((await api(server, 'POST', `/api/drills/${exam.id}/join`, { as: outsider })).status).toBe(404);
    const patch = await api(server, 'PATCH', `/api/drills/${exam.id}`, {
      as: otherInstructor,
      body: { graded: false },
    });
    expect(patch.status).toBe(404);
  });

  it('opens at its opening time; a student starts it once and gets the whole schedule', async () => {
    await clock.advanceBy(10 * MINUTE);
    const running = await api(server, 'GET', `/api/drills/${exam.id}`, { as: taker });
    expect(running.body.drill.status).toBe('running');
    expect(running.body.drill.endsAt).toBe(exam.closesAt);

    // Five minutes in: an exam's schedule starts with the student, so slot 0 still arrives.
    await clock.advanceBy(5 * MINUTE);
    const joined = await api(server, 'POST', `/api/drills/${exam.id}/join`, { as: taker });
    expect(joined.status).toBe(200);
    expect(joined.body.drill.joined).toBe(true);
    await clock.advanceBy(0);
    const mine = await api<ConversationsResponse>(server, 'GET', '/api/conversations', { as: taker });
    const inExam = mine.body.conversations.filter((c) => c.drillId === exam.id);
    expect(inExam.map((c) => c.scenarioId)).toEqual([SCENARIO]);

    const again = await api(server, 'POST', `/api/drills/${exam.id}/join`, { as: taker });
    expect([again.status, again.body.error.code]).toEqual([409, 'exam-attempt-used']);
    expect(again.body.error.message).toBe('这场考试你已经参加过了，每人只能参加一次');
  });

  it('hides model answers from the student until it closes, then shows them', async () => {
    // Not answering: the buyer leaves after 90 s and the reception ends with a mistake the advice explains.
    await clock.advanceBy(2 * MINUTE);
    const mine = await api<ConversationsResponse>(server, 'GET', '/api/conversations', { as: taker });
    const conversation = mine.body.conversations.find((c) => c.drillId === exam.id)!;
    expect(conversation.status).toBe('ended');
    const path = `/api/reports/conversations/${conversation.id}`;

    const staff = await api(server, 'GET', path, { as: instructor });
    takerScore = staff.body.report.score;
    const modelLines = staff.body.advice.flatMap((a: { model: string[] }) => a.model);
    expect(modelLines.length).toBeGreaterThan(0);

    const before = await api(server, 'GET', path, { as: taker });
    expect(before.status).toBe(200);
    expect(before.body.report.violations.length).toBeGreaterThan(0);
    expect(before.body.advice).toEqual([]);
    for (const line of modelLines) expect(before.text).not.toContain(line);

    await clock.advanceTo(exam.closesAt!);
    const closed = await api(server, 'GET', `/api/drills/${exam.id}`, { as: taker });
    expect(closed.body.drill.status).toBe('finished');
    const after = await api(server, 'GET', path, { as: taker });
    expect(after.body.advice).toEqual(staff.body.advice);
  });

  it('cannot be started after it closed', async () => {
    const late = await api(server, 'POST', `/api/drills/${exam.id}/join`, { as: absent });
    expect([late.status, late.body.error.code]).toEqual([409, 'exam-closed']);
  });

  it('makes the grade’s exam part (0 for a student who missed it) and has its own leaderboard', async () => {
    const report = await api<ClassReportResponse>(server, 'GET', `/api/reports/classes/${classId}`, {
      as: instructor,
    });
    expect(report.body.drills).toEqual([{ id: exam.id, title: '期中考试', kind: 'exam', graded: true }]);
    const rowOf = (rows: ClassReportRow[], who: TestUser) => rows.find((r) => r.student.id === who.user.id)!;
    const takerRow = rowOf(report.body.rows, taker);
    const absentRow = rowOf(report.body.rows, absent);
    // No solo practice counted and no drill: the system part is empty, the exam part is the exam's score.
    expect(takerRow.grade).toMatchObject({ system: null, exam: takerScore, total: takerScore });
    expect(absentRow.grade).toMatchObject({ system: null, exam: 0, total: 0 });

    const filtered = await api<ClassReportResponse>(
      server,
      'GET',
      `/api/reports/classes/${classId}?drillId=${exam.id}`,
      { as: instructor },
    );
    expect(filtered.body.drillId).toBe(exam.id);
    expect(rowOf(filtered.body.rows, taker)).toMatchObject({ conversations: 1, averageScore: takerScore });
    expect(rowOf(filtered.body.rows, absent)).toMatchObject({ conversations: 0, averageScore: null });

    // grades.csv: the exam's row is named as an exam, with the grade's exam part.
    const csv = (
      await api(server, 'GET', `/api/reports/classes/${classId}/grades.csv`, { as: instructor })
    ).text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    const column = (name: string) => csv[0]!.indexOf(name);
    const takerCsv = csv.filter((cells) => cells[0] === taker.user.username);
    expect(takerCsv.map((cells) => [cells[column('演练')], cells[column('考试分')]])).toEqual([
      ['考试：期中考试', String(takerScore)],
    ]);

    const board = await api(
      server,
      'GET',
      `/api/reports/classes/${classId}/leaderboard?drillId=${exam.id}&anonymous=true`,
      { as: instructor },
    );
    expect(board.status).toBe(200);
    expect(board.body.rows).toEqual([
      {
        rank: 1,
        studentId: null,
        name: null,
        average: takerRow.grade.exam,
        best: takerRow.grade.exam,
        receptions: 1,
      },
      { rank: null, studentId: null, name: null, average: null, best: null, receptions: 0 },
    ]);
    const named = await api(server, 'GET', `/api/reports/classes/${classId}/leaderboard?drillId=${exam.id}`, {
      as: instructor,
    });
    expect(named.body.rows[0].studentId).toBe(taker.user.id);
    const foreign = await api(
      server,
      'GET',
      `/api/reports/classes/${classId}/leaderboard?drillId=${exam.id}`,
      {
        as: otherInstructor,
      },
    );
    expect(foreign.status).toBe(404);
  });

  it('leaves the grade when the instructor marks it not graded', async () => {
    const patch = await api(server, 'PATCH', `/api/drills/${exam.id}`, {
      as: instructor,
      body: { graded: false },
    });
    expect([patch.status, patch.body.drill.graded]).toEqual([200, false]);
    const report = await api(server, 'GET', `/api/reports/classes/${classId}`, { as: instructor });
    for (const row of report.body.rows) expect(row.grade.exam).toBeNull();
    // Its own figures and leaderboard stay.
    const board = await api(server, 'GET', `/api/reports/classes/${classId}/leaderboard?drillId=${exam.id}`, {
      as: instructor,
    });
    expect(board.body.rows[0].receptions).toBe(1);
    expect(
      (await api(server, 'PATCH', `/api/drills/${exam.id}`, { as: taker, body: { graded: true } })).status,
    ).toBe(403);
  });
});

describe('an exam across a restart, and a reception still open at the close', () => {
  it('opens after a restart at its time, and stops an open reception at the close, judged as of then', async () => {
    const own = new ManualClock(SIMULATION_EPOCH);
    const dataDir = tempDataDir();
    const first = await startServer({ clock: own, dataDir });
    const teacher = await seedUser(first.app, 'instructor');
    const student = await seedUser(first.app, 'student');
    const cls = await first.app.classes.create('考试班', teacher.user.id, 'default', own.now());
    await first.app.classes.addMember(cls.id, student.user.id, 'student', own.now());
    const created = await api(first, 'POST', `/api/classes/${cls.id}/exams`, {
      as: teacher,
      body: {
        title: '补考',
        // A buyer who waits long: the reception is still open when the exam closes.
        settings: { ...settings, scenarioIds: ['jacket-colour-size'] },
        opensAt: own.now() + 5 * MINUTE,
        closesAt: own.now() + 6 * MINUTE,
      },
    });
    expect(created.status).toBe(200);
    const id: string = created.body.drill.id;
    await first.close();

    // Down over the opening time: the exam opens when the server is back.
    await own.advanceBy(5 * MINUTE + 1_000);
    const back = await startServer({ clock: own, dataDir });
    try {
      await own.advanceBy(0);
      expect((await api(back, 'GET', `/api/drills/${id}`, { as: student })).body.drill.status).toBe(
        'running',
      );
      expect((await api(back, 'POST', `/api/drills/${id}/join`, { as: student })).status).toBe(200);
      await own.advanceBy(20_000);
      const [row] = await back.app.conversations.listForDrill(id);
      expect(row?.status).toBe('open');

      await own.advanceTo(SIMULATION_EPOCH + 6 * MINUTE);
      const ended = await back.app.conversations.get(row!.id);
      expect([ended?.status, ended?.ended_at]).toEqual(['ended', SIMULATION_EPOCH + 6 * MINUTE]);
      const report = await api(back, 'GET', `/api/reports/conversations/${row!.id}`, { as: student });
      expect(report.body.report.stopped).toBe(true);
    } finally {
      await back.close();
      back.cleanup();
    }
  });
});

describe('one attempt, also at the same instant', () => {
  // Two 开始考试 at once both pass the route's "already started?" check before either is stored; the join
  // itself must then refuse the second. Here the second join reaches the scheduler after the first was stored.
  it('a join that was not the first starts nothing: one set of buyers', async () => {
    const racer = await seedUser(server.app, 'student');
    const cls = await newClass(server, instructor, [racer]);
    const created = await createExam({}, instructor, cls);
    expect(created.status).toBe(200);
    const id: string = created.body.drill.id;
    await clock.advanceBy(10 * MINUTE);

    const join = () => server.app.drillScheduler.join(id, racer.user.id, '抢考', clock.now(), true);
    // Exactly one is first; which one is the database's choice.
    expect((await Promise.all([join(), join()])).sort()).toEqual([false, true]);
    await clock.advanceBy(0);
    expect(await server.app.conversations.listForDrill(id)).toHaveLength(1);
    const again = await api(server, 'POST', `/api/drills/${id}/join`, { as: racer });
    expect([again.status, again.body.error.code]).toEqual([409, 'exam-attempt-used']);
  });
});
