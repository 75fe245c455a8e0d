// Grades are computed one way: the class report, export.csv, grades.csv and a student's report in the
// class count the same conversations — this class's drills once ended, and solo practice where the class
// includes it — and give the same system score and grade. A drill of another class, and a conversation still
// open, count for none.
import type { ClassReportResponse, StudentReportResponse } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playConversation } from '../e2e/staff-server.ts';
import { ManualClock } from './helpers/manual-clock.ts';
import { api, seedUser, startServer, type TestServer, type TestUser } from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;
let instructorA: TestUser;
let instructorB: TestUser;
let student: TestUser;
let classA: string;
let classB: string;

const SETTINGS = {
  scenarioIds: ['price-objection'],
  shoppersPerStudent: 1,
  arrivalIntervalSeconds: 0,
  concurrency: 1,
  durationMinutes: 5,
};

/** A drill of `classId` with one buyer for the student, run to its end (nobody answers). */
async function runDrill(owner: TestUser, classId: string, title: string): Promise<void> {
  const drill = await api(server, 'POST', `/api/classes/${classId}/drills`, {
    as: owner,
    body: { title, settings: SETTINGS },
  });
  expect(drill.status).toBe(200);
  const id = drill.body.drill.id;
  expect((await api(server, 'POST', `/api/drills/${id}/start`, { as: owner })).status).toBe(200);
  expect((await api(server, 'POST', `/api/drills/${id}/join`, { as: student })).status).toBe(200);
  await clock.advanceBy(6 * 60_000);
  expect((await api(server, 'GET', `/api/drills/${id}`, { as: owner })).body.drill.status).toBe('finished');
}

function csvLines(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
}

/** The file name a CSV download is saved under (Content-Disposition's UTF-8 name). */
function filenameOf(res: { headers: Headers }): string {
  return decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!);
}

/** A CSV export asked for in a language it is not written in: a clear 400. */
async function expectUnknownLanguageRefused(url: string): Promise<void> {
  const bad = await api(server, 'GET', `${url}?lang=fr`, { as: instructorA });
  expect(bad.status).toBe(400);
  expect(bad.body.error.code).toBe('bad-request');
}

beforeAll(async () => {
  clock = new ManualClock(Date.UTC(2026, 10, 20, 2, 0, 0));
  server = await startServer({ clock, seedSource: () => 7 });
  instructorA = await seedUser(server.app, 'instructor', 'grades_inst_a');
  instructorB = await seedUser(server.app, 'instructor', 'grades_inst_b');
  student = await seedUser(server.app, 'student', 'grades_student');
  for (const [owner, name] of [
    [instructorA, 'A 班'],
    [instructorB, 'B 班'],
  ] as const) {
    const cls = await api(server, 'POST', '/api/classes', { as: owner, body: { name } });
    await api(server, 'POST', '/api/classes/join', {
      as: student,
      body: { joinCode: cls.body.class.joinCode },
    });
    if (owner === instructorA) classA = cls.body.class.id;
    else classB = cls.body.class.id;
  }
  // Class A counts solo practice in its grade; class B (as a new class does) only its drills.
  const solo = await api(server, 'PATCH', `/api/classes/${classA}`, {
    as: instructorA,
    body: { gradeSolo: true },
  });
  expect(solo.body.class.gradeSolo).toBe(true);
  await playConversation(server, clock, student, 'price-objection'); // solo, ended: counts for A
  await runDrill(instructorA, classA, 'A 班演练'); // counts for A only
  await runDrill(instructorB, classB, 'B 班演练'); // counts for B only
  // Still open: counts for nobody.
  await api(server, 'POST', '/api/practice', { as: student, body: { scenarioId: 'jacket-colour-size' } });
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('one grade per class', () => {
  it.each([
    ['A', () => classA, () => instructorA],
    ['B', () => classB, () => instructorB],
  ])(
    'class %s: report, export.csv, grades.csv and the student report count the same',
    async (_, cls, owner) => {
      const classId = cls();
      const report = await api<ClassReportResponse>(server, 'GET', `/api/reports/classes/${classId}`, {
        as: owner(),
      });
      expect(report.status).toBe(200);
      const row = report.body.rows.find((r) => r.student.id === student.user.id)!;
      // This class's drill, and solo practice in A; not the other class's drill, not the open conversation.
      expect(row.conversations).toBe(classId === classA ? 2 : 1);

      const exported = csvLines(
        (await api(server, 'GET', `/api/reports/classes/${classId}/export.csv`, { as: owner() })).text,
      );
      const exportRow = exported.find((cells) => cells[0] === 'grades_student')!;
      const column = (name: string) => exportRow[exported[0]!.indexOf(name)];
      expect(Number(column('对话数'))).toBe(row.conversations);
      expect(Number(column('系统分'))).toBe(row.grade.system);
      expect(Number(column('成交'))).toBe(row.paid);
      expect(Number(column('其中买家来时已付款'))).toBe(row.paidOnArrival);
      // The goals of reception, as the table shows them: the same figures as the student report's.
      const percent = (share: number | null) => (share === null ? '' : String(Math.round(share * 1000) / 10));
      expect(column('三分钟回复率(%)')).toBe(percent(row.within3MinRate));
      expect(column('询单转化率(%)')).toBe(percent(row.conversionRate));
      expect(column('客单价(元)')).toBe(
        row.averageOrderAmount === null ? '' : String(row.averageOrderAmount),
      );
      expect(column('回头客留存(%)')).toBe(percent(row.returningKeptRate));
      expect(row.within3MinRate).not.toBeNull();

      const grades = csvLines(
        (await api(server, 'GET', `/api/reports/classes/${classId}/grades.csv`, { as: owner() })).text,
      );
      const studentRows = grades.filter((cells) => cells[0] === 'grades_student');
      expect(studentRows.map((cells) => cells[2]).sort()).toEqual(
        ['自主练习', `${classId === classA ? 'A' : 'B'} 班演练`].sort(),
      );
      // grades.csv lists every reception of the class, graded or not: solo practice and the drill.
      expect(studentRows.reduce((sum, cells) => sum + Number(cells[3]), 0)).toBe(2);
      const system = grades[0]!.indexOf('系统分(全部)');
      for (const cells of studentRows) expect(Number(cells[system])).toBe(row.grade.system);

      const own = await api<StudentReportResponse>(
        server,
        'GET',
        `/api/reports/students/${student.user.id}?classId=${classId}`,
        { as: owner() },
      );
      expect(own.body.aggregate?.metrics.conversations).toBe(row.conversations);
      const goals = own.body.aggregate!.metrics;
      expect([row.within3MinRate, row.conversionRate, row.averageOrderAmount, row.returningKeptRate]).toEqual(
        [goals.within3MinRate, goals.conversionRate, goals.averageOrderAmount, goals.returningKeptRate],
      );
      expect(own.body.grade).toEqual(row.grade);
    },
  );

  it('writes grades.csv in the UI language asked for (zh-CN unless said), and refuses an unknown one', async () => {
    const url = `/api/reports/classes/${classA}/grades.csv`;
    const zh = await api(server, 'GET', url, { as: instructorA });
    const en = await api(server, 'GET', `${url}?lang=en`, { as: instructorA });
    expect(en.status).toBe(200);
    const [zhHeader, ...zhRows] = csvLines(zh.text);
    const [enHeader, ...enRows] = csvLines(en.text);
    expect(zhHeader!.slice(0, 4)).toEqual(['用户名', '姓名', '演练', '对话数']);
    expect(enHeader!.slice(0, 4)).toEqual(['Username', 'Name', 'Drill', 'Conversations']);
    expect(enHeader).toHaveLength(zhHeader!.length);
    for (const cell of enHeader!) expect(cell).not.toMatch(/\p{Script=Han}/u);
    // The same rows, solo practice named in English; the drill keeps the title its teacher gave it.
    expect(enRows.map((cells) => cells[2]).sort()).toEqual(['A 班演练', 'Solo practice']);
    expect(enRows.map((cells) => cells.filter((_, i) => i !== 2))).toEqual(
      zhRows.map((cells) => cells.filter((_, i) => i !== 2)),
    );
    expect(filenameOf(en)).toBe('A 班-grades.csv');
    expect(filenameOf(zh)).toBe('A 班-成绩.csv');
    await expectUnknownLanguageRefused(url);
  });

  it('writes export.csv in the UI language asked for (zh-CN unless said), and refuses an unknown one', async () => {
    const url = `/api/reports/classes/${classA}/export.csv`;
    const zh = await api(server, 'GET', url, { as: instructorA });
    const zhAsked = await api(server, 'GET', `${url}?lang=zh-CN`, { as: instructorA });
    const en = await api(server, 'GET', `${url}?lang=en`, { as: instructorA });
    expect(en.status).toBe(200);
    expect(zhAsked.text).toBe(zh.text);
    const [zhHeader, ...zhRows] = csvLines(zh.text);
    const [enHeader, ...enRows] = csvLines(en.text);
    expect(zhHeader!.slice(0, 3)).toEqual(['用户名', '姓名', '对话数']);
    expect(enHeader!.slice(0, 3)).toEqual(['Username', 'Name', 'Conversations']);
    expect(enHeader).toHaveLength(zhHeader!.length);
    for (const cell of enHeader!) expect(cell).not.toMatch(/\p{Script=Han}/u);
    // One row per student, the same figures: export.csv has no label inside its rows to translate.
    expect(enRows.length).toBeGreaterThan(0);
    expect(enRows).toEqual(zhRows);
    // Not grades.csv's name: both files can be saved in one folder.
    expect(filenameOf(en)).toBe('A 班-student-summary.csv');
    expect(filenameOf(zh)).toBe('A 班-学员汇总.csv');
    await expectUnknownLanguageRefused(url);
  });

  it('refuses a repeated query parameter with a clear 400, not a server error', async () => {
    const res = await api(
      server,
      'GET',
      `/api/reports/students/${student.user.id}?classId=${classA}&classId=${classB}`,
      { as: student },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad-request');
    expect(res.body.error.message).toMatch(/classId/);
  });
});
