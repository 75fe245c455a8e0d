// The rubric preview: a draft rubric (the body of a rubric save, nothing saved) scored by the server on the
// class's graded conversations of the last 7 days, each with the scenario version it was played with. What
// it says a student's score would be is what the reports give once that rubric is saved and used; only the
// class's staff may ask, and a bad rubric is refused with its code.
import { randomUUID } from 'node:crypto';
import {
  type ClassReportResponse,
  type ConversationReportResponse,
  playScript,
  type RubricPreviewResponse,
  roundTo1,
  type SaveRubricBody,
} from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './helpers/manual-clock.ts';
import { api, seedUser, startApp, type TestServer, type TestUser } from './helpers/server.ts';

const NOW = Date.UTC(2026, 10, 25, 2, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const SCENARIO = 'price-objection';

let server: TestServer;
let instructor: TestUser;
let otherInstructor: TestUser;
let student: TestUser;
let other: TestUser;
let classId: string;

/** Stricter benchmarks and speed weighted more: the counter-example's slow replies cost more. */
const DRAFT: SaveRubricBody = {
  basedOn: 'default',
  name: '电商2401班 评分标准',
  weights: { responsiveness: 50, accuracy: 10, phraseUse: 10, salesActions: 10, courtesy: 10, outcome: 10 },
  thresholds: { firstResponseSeconds: 1, responseSeconds: 5 },
};

/**
 * A conversation of `student` as the live server logs it: the shopper machine's events for `script`,
 * ended, in the event log, recorded with `rubricId` (the class's rubric when it was played).
 */
async function seedPlayed(
  who: TestUser,
  script: 'model' | 'counter',
  start: number,
  rubricId = 'default',
): Promise<string> {
  const { app } = server;
  const scenario = app.catalog.library.buyers.get(SCENARIO)!;
  const steps = script === 'model' ? scenario.modelAnswer : scenario.counterExamples[0]!.script;
  const { events } = playScript(app.catalog.library, SCENARIO, steps, { seed: 3, start });
  const id = randomUUID();
  await app.eventLog.open(
    {
      id,
      student_id: who.user.id,
      drill_id: null,
      slot: null,
      scenario_id: SCENARIO,
      scenario_version: app.catalog.versionOf(SCENARIO)!,
      rubric_id: rubricId,
      seed: 3,
      status: 'ended',
      started_at: start,
      ended_at: events[events.length - 1]!.at,
      last_seq: events.length,
      wake_at: null,
      fence: 0,
    },
    events,
  );
  return id;
}

const preview = (as: TestUser, body: unknown, id = classId) =>
  api(server, 'POST', `/api/reports/classes/${id}/rubric-preview`, { as, body });

beforeAll(async () => {
  server = await startApp({ clock: new ManualClock(NOW) });
  instructor = await seedUser(server.app, 'instructor', 'preview_inst');
  otherInstructor = await seedUser(server.app, 'instructor', 'preview_other_inst');
  student = await seedUser(server.app, 'student', 'preview_student');
  other = await seedUser(server.app, 'student', 'preview_student_2');
  const cls = await api(server, 'POST', '/api/classes', { as: instructor, body: { name: '电商2401班' } });
  classId = cls.body.class.id;
  // Solo practice counts in this class's grade: the preview scores what counts.
  await api(server, 'PATCH', `/api/classes/${classId}`, { as: instructor, body: { gradeSolo: true } });
  await api(server, 'POST', '/api/classes', { as: otherInstructor, body: { name: '电商2402班' } });
  for (const who of [student, other]) {
    const joined = await api(server, 'POST', '/api/classes/join', {
      as: who,
      body: { joinCode: cls.body.class.joinCode },
    });
    expect(joined.status).toBe(200);
  }
  await seedPlayed(student, 'model', NOW - DAY);
  await seedPlayed(student, 'counter', NOW - 2 * DAY);
  await seedPlayed(other, 'counter', NOW - 3 * DAY);
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('rubric preview', () => {
  it("gives each student's score now (the class report's) and under the draft (the report once it is saved)", async () => {
    const res = await preview(instructor, DRAFT);
    expect(res.status).toBe(200);
    const rows: RubricPreviewResponse['rows'] = res.body.rows;
    const report = await api<ClassReportResponse>(server, 'GET', `/api/reports/classes/${classId}`, {
      as: instructor,
    });
    // Save the draft and use it for the class, then log the same plays as conversations under it.
    const saved = await api(server, 'POST', '/api/studio/rubrics', { as: instructor, body: DRAFT });
    expect(saved.status).toBe(200);
    const rubricId = saved.body.rubricId as string;
    expect(
      (await api(server, 'PATCH', `/api/classes/${classId}`, { as: instructor, body: { rubricId } })).status,
    ).toBe(200);
    const scoreUnder = async (who: TestUser, script: 'model' | 'counter', start: number) => {
      const id = await seedPlayed(who, script, start, rubricId);
      const r = await api<ConversationReportResponse>(server, 'GET', `/api/reports/conversations/${id}`, {
        as: instructor,
      });
      return r.body.report.score;
    };
    const expected = {
      [student.user.id]: roundTo1(
        ((await scoreUnder(student, 'model', NOW - DAY)) +
          (await scoreUnder(student, 'counter', NOW - 2 * DAY))) /
          2,
      ),
      [other.user.id]: await scoreUnder(other, 'counter', NOW - 3 * DAY),
    };

    expect(rows.map((r) => r.student.displayName).sort()).toEqual(
      ['测试preview_student', '测试preview_student_2'].sort(),
    );
    for (const row of rows) {
      const now = report.body.rows.find((r) => r.student.id === row.student.id)!;
      expect(row.conversations).toBe(now.conversations);
      expect(row.before).toBe(now.averageScore);
      expect(row.after).toBe(expected[row.student.id]);
      expect(row.delta).toBe(roundTo1(row.after - row.before));
    }
    // The draft does change something (so the equality above is not the old score twice).
    expect(rows.some((r) => r.after !== r.before)).toBe(true);

    // The reports colour response times by the benchmarks of the rubric the class now uses.
    expect(report.body.benchmarks).toEqual({ firstResponseSeconds: 3, responseSeconds: 30 });
    const strict = { firstResponseSeconds: 1, responseSeconds: 5 };
    const classNow = await api<ClassReportResponse>(server, 'GET', `/api/reports/classes/${classId}`, {
      as: instructor,
    });
    expect(classNow.body.benchmarks).toEqual(strict);
    // The class detail carries the rubric in force (the rubric editor starts from it).
    const detail = await api(server, 'GET', `/api/classes/${classId}`, { as: instructor });
    expect(detail.body.rubric.id).toBe(rubricId);
    expect(detail.body.rubric.thresholds).toMatchObject(strict);
    expect(detail.body.rubric.weights).toEqual(DRAFT.weights);
    const inClass = await api(server, 'GET', `/api/reports/students/${student.user.id}?classId=${classId}`, {
      as: instructor,
    });
    expect(inClass.body.benchmarks).toEqual(strict);
    const everywhere = await api(server, 'GET', `/api/reports/students/${student.user.id}`, {
      as: instructor,
    });
    expect(everywhere.body.benchmarks).toEqual({ firstResponseSeconds: 3, responseSeconds: 30 });
  });

  it('leaves out conversations older than 7 days', async () => {
    const late = await seedUser(server.app, 'student', 'preview_student_old');
    const cls = await api(server, 'GET', `/api/classes/${classId}`, { as: instructor });
    await api(server, 'POST', '/api/classes/join', { as: late, body: { joinCode: cls.body.class.joinCode } });
    await seedPlayed(late, 'model', NOW - 8 * DAY);
    const res = await preview(instructor, DRAFT);
    expect(res.status).toBe(200);
    const rows: RubricPreviewResponse['rows'] = res.body.rows;
    expect(rows.some((r) => r.student.id === late.user.id)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("is for the class's staff only: a student gets 403, another class's instructor 404", async () => {
    const asStudent = await preview(student, DRAFT);
    expect(asStudent.status).toBe(403);
    expect(asStudent.body.error.code).toBe('forbidden');
    const asOther = await preview(otherInstructor, DRAFT);
    expect(asOther.status).toBe(404);
    expect(asOther.body.error.code).toBe('class-not-found');
    // The same answer as the class report gives them.
    const report = await api(server, 'GET', `/api/reports/classes/${classId}`, { as: otherInstructor });
    expect(report.status).toBe(asOther.status);
    expect(report.body.error.code).toBe(asOther.body.error.code);
  });

  it('refuses a bad rubric with its code, as saving does, and saves nothing', async () => {
    const before = (await api(server, 'GET', '/api/studio/files', { as: instructor })).body.files.length;
    const zero = await preview(instructor, {
      ...DRAFT,
      weights: { responsiveness: 0, accuracy: 0, phraseUse: 0, salesActions: 0, courtesy: 0, outcome: 0 },
    });
    expect(zero.status).toBe(400);
    expect(zero.body.error.code).toBe('rubric-weights-zero');
    const unknown = await preview(instructor, { ...DRAFT, basedOn: 'no-such-rubric' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('rubric-not-found');
    const negative = await preview(instructor, {
      ...DRAFT,
      weights: { ...DRAFT.weights, responsiveness: -5 },
    });
    expect(negative.status).toBe(400);
    const saving = await api(server, 'POST', '/api/studio/rubrics', {
      as: instructor,
      body: { ...DRAFT, weights: { ...DRAFT.weights, responsiveness: -5 } },
    });
    expect(negative.body.error.code).toBe(saving.body.error.code);
    expect((await api(server, 'GET', '/api/studio/files', { as: instructor })).body.files.length).toBe(
      before,
    );
  });
});
