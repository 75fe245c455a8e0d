// The staff routes (server/src/routes/staff.ts): role checks, the per-drill grade CSV, studio saves that
// become versions the library plays, and class rubrics. Bad input changes nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playConversation } from '../e2e/staff-server.ts';
import { ManualClock } from './helpers/manual-clock.ts';
import { api, seedUser, startServer, type TestServer, type TestUser } from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;
let owner: TestUser;
let otherInstructor: TestUser;
let trainer: TestUser;
let student: TestUser;
let classId: string;

const PRICE = readFileSync('scenarios/buyers/price-objection.yaml', 'utf8');

beforeAll(async () => {
  clock = new ManualClock(Date.UTC(2026, 10, 20, 2, 0, 0));
  server = await startServer({ clock, seedSource: () => 11 });
  owner = await seedUser(server.app, 'instructor', 'owner1');
  otherInstructor = await seedUser(server.app, 'instructor', 'other1');
  trainer = await seedUser(server.app, 'trainer', 'trainer1');
  student = await seedUser(server.app, 'student', 'stu,=1');
  const created = await api(server, 'POST', '/api/classes', { as: owner, body: { name: '电商"2401"班' } });
  classId = created.body.class.id;
  await api(server, 'PATCH', `/api/classes/${classId}`, { as: owner, body: { gradeSolo: true } });
  await api(server, 'POST', '/api/classes/join', {
    as: student,
    body: { joinCode: created.body.class.joinCode },
  });
  await api(server, 'POST', `/api/classes/${classId}/members`, {
    as: owner,
    body: { userId: trainer.user.id, role: 'trainer' },
  });
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('grades CSV', () => {
  it('is UTF-8 with BOM, one row per student per drill, with the final grade; Excel formulas defused', async () => {
    await playConversation(server, clock, student, 'price-objection');
    await api(server, 'POST', '/api/evaluations', {
      as: trainer,
      body: { studentId: student.user.id, classId, score: 80, comment: '' },
    });
    const res = await api(server, 'GET', `/api/reports/classes/${classId}/grades.csv`, { as: trainer });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toContain('总评');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"stu,=1"');
    expect(lines[1]).toContain('自主练习');
    // system 100 (weight 60) and mentor 80 (weight 10): (6000 + 800) / 70 = 97.1
    expect(lines[1]!.split(',').at(-1)).toBe('97.1');
  });

  it('is refused to students and to staff of other classes', async () => {
    const asStudent = await api(server, 'GET', `/api/reports/classes/${classId}/grades.csv`, { as: student });
    expect(asStudent.status).toBe(404);
    expect(asStudent.body.error.message).toMatch(/不存在|没有权限/);
    const asOther = await api(server, 'GET', `/api/reports/classes/${classId}/grades.csv`, {
      as: otherInstructor,
    });
    expect(asOther.status).toBe(404);
    const anonymous = await api(server, 'GET', `/api/reports/classes/${classId}/grades.csv`, { as: null });
    expect(anonymous.status).toBe(401);
  });
});

describe('studio', () => {
  it('lists the library sources for instructors only', async () => {
    const ok = await api(server, 'GET', '/api/studio/files', { as: owner });
    expect(ok.status).toBe(200);
    expect(ok.body.files.some((f: { path: string }) => f.path.endsWith('buyers/price-objection.yaml'))).toBe(
      true,
    );
    // The page lists scenarios and products without parsing a file; the judge's corpus is not its business.
    expect(ok.body.scenarios.find((s: { id: string }) => s.id === 'price-objection')).toMatchObject({
      title: '嫌贵砍价',
      products: ['down-jacket'],
      origin: 'library',
      path: expect.stringMatching(/buyers\/price-objection\.yaml$/),
    });
    expect(ok.body.products).toContainEqual({ id: 'down-jacket', name: expect.any(String) });
    expect(ok.body.files.filter((f: { path: string }) => f.path.includes('/corpus/'))).toEqual([]);
    for (const who of [trainer, student]) {
      const res = await api(server, 'GET', '/api/studio/files', { as: who });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it('refuses an invalid scenario with its errors in Chinese and saves nothing', async () => {
    const broken = PRICE.replace('id: price-objection', 'id: broken-one').replace(
      'products: [down-jacket]',
      'products: [down-jackex]',
    );
    const res = await api(server, 'POST', '/api/studio/scenarios', { as: owner, body: { text: broken } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('没有保存');
    expect(res.body.error.message).toMatch(/:10:\d+ /);
    const files = await api(server, 'GET', '/api/studio/files', { as: owner });
    expect(files.body.files.filter((f: { origin: string }) => f.origin === 'studio')).toEqual([]);
  });

  it('publishes a saved version that new practice plays; the old version stays for reports', async () => {
    const own = PRICE.replace('id: price-objection', 'id: my-price');
    const first = await api(server, 'POST', '/api/studio/scenarios', { as: owner, body: { text: own } });
    await api(server, 'POST', '/api/studio/scenarios/my-price/publish', {
      as: owner,
      body: { version: first.body.version, classId: null },
    });
    const old = await api(server, 'POST', '/api/practice', { as: student, body: { scenarioId: 'my-price' } });
    const oldVersion = first.body.version;
    const edited = own.replace('title: 嫌贵砍价', 'title: 嫌贵砍价（新版）');
    const saved = await api(server, 'POST', '/api/studio/scenarios', { as: owner, body: { text: edited } });
    expect(saved.status).toBe(200);
    expect(saved.body.created).toBe(true);
    expect(saved.body.version).not.toBe(oldVersion);
    const again = await api(server, 'POST', '/api/studio/scenarios', { as: owner, body: { text: edited } });
    expect(again.body).toMatchObject({ created: false, version: saved.body.version });
    const published = await api(server, 'POST', '/api/studio/scenarios/my-price/publish', {
      as: owner,
      body: { version: saved.body.version, classId: null },
    });
    expect(published.status).toBe(200);
    const after = await api(server, 'GET', '/api/scenarios', { as: student });
    const summary = after.body.scenarios.find((s: { id: string }) => s.id === 'my-price');
    expect(summary).toMatchObject({ title: '嫌贵砍价（新版）', version: saved.body.version });
    const practice = await api(server, 'POST', '/api/practice', {
      as: student,
      body: { scenarioId: 'my-price' },
    });
    expect(practice.body.conversations[0].scenarioTitle).toBe('嫌贵砍价（新版）');
    const drill = await api(server, 'POST', `/api/classes/${classId}/drills`, {
      as: owner,
      body: {
        title: '新版演练',
        settings: {
          scenarioIds: ['my-price'],
          shoppersPerStudent: 1,
          arrivalIntervalSeconds: 0,
          concurrency: 1,
          durationMinutes: 5,
        },
      },
    });
    expect(drill.body.drill.versions['my-price']).toBe(saved.body.version);
    // The conversation played earlier still names the version it used.
    const conv = await api(server, 'GET', `/api/conversations/${old.body.conversations[0].id}`, {
      as: owner,
    });
    expect(conv.body.conversation.scenarioTitle).toBe('嫌贵砍价');
    const row = await server.app.conversations.get(old.body.conversations[0].id);
    expect(row?.scenario_version).toBe(oldVersion);
  });

  it('refuses saves from trainers and students', async () => {
    for (const who of [trainer, student]) {
      const res = await api(server, 'POST', '/api/studio/scenarios', { as: who, body: { text: PRICE } });
      expect(res.status).toBe(403);
    }
  });
});

describe('class rubrics', () => {
  const body = {
    basedOn: 'default',
    name: '本班标准',
    weights: { responsiveness: 50 },
    thresholds: { firstResponseSeconds: 5, responseSeconds: 20 },
  };

  it('saves a rubric named by its content, usable by the class', async () => {
    const saved = await api(server, 'POST', '/api/studio/rubrics', { as: owner, body });
    expect(saved.status).toBe(200);
    expect(saved.body.rubricId).toMatch(/^r-[0-9a-f]+$/);
    const patched = await api(server, 'PATCH', `/api/classes/${classId}`, {
      as: owner,
      body: { rubricId: saved.body.rubricId },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.class.rubricId).toBe(saved.body.rubricId);
    const same = await api(server, 'POST', '/api/studio/rubrics', { as: owner, body });
    expect(same.body).toEqual({ rubricId: saved.body.rubricId, created: false });
  });

  it('refuses bad weights in Chinese and wrong roles', async () => {
    const bad = await api(server, 'POST', '/api/studio/rubrics', {
      as: owner,
      body: { ...body, weights: { responsiveness: -1 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('权重不能为负');
    const zero = await api(server, 'POST', '/api/studio/rubrics', {
      as: owner,
      body: {
        ...body,
        weights: { responsiveness: 0, accuracy: 0, phraseUse: 0, salesActions: 0, courtesy: 0, outcome: 0 },
      },
    });
    expect(zero.status).toBe(400);
    expect(zero.body.error.message).toContain('不能全为 0');
    for (const who of [trainer, student]) {
      expect((await api(server, 'POST', '/api/studio/rubrics', { as: who, body })).status).toBe(403);
    }
  });
});
