// Drafts and 发布 in the scenario studio, and who may change what (issue #14.3, #13.5): a save is a draft
// nobody plays; publishing is refused unless the server's proof of that version passes, and may reach one
// class only; a scenario is its creator's (and admins'); shipped scenarios are read-only; 复制后编辑 makes
// an owned copy. Every rule over HTTP, for every role it concerns.
import { readFileSync } from 'node:fs';
import { contentHash } from '@kefu/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, seedUser, startApp, type TestServer, type TestUser } from './helpers/server.ts';

const PRICE = readFileSync('scenarios/buyers/price-objection.yaml', 'utf8');
/** A scenario of one's own: the shipped price objection under another id and title. */
const scenario = (id: string, title: string) =>
  PRICE.replace(/^id: .*$/m, `id: ${id}`).replace(/^title: .*$/m, `title: ${title}`);
/** Valid, but its first counter-example claims a violation it does not produce: the proof fails. */
const unproven = (id: string, title: string) =>
  scenario(id, title).replace('violations: [discount-exceeded]', 'violations: [rude-language]');

let server: TestServer;
let owner: TestUser;
let other: TestUser;
let admin: TestUser;
let trainer: TestUser;
let studentA: TestUser;
let studentB: TestUser;
let classA: string;
let classB: string;

const save = (as: TestUser, text: string) =>
  api(server, 'POST', '/api/studio/scenarios', { as, body: { text } });
const publish = (as: TestUser, id: string, version: string, classId: string | null = null) =>
  api(server, 'POST', `/api/studio/scenarios/${id}/publish`, { as, body: { version, classId } });
const studioEntry = async (as: TestUser, id: string) =>
  (await api(server, 'GET', '/api/studio/files', { as })).body.scenarios.find(
    (s: { id: string }) => s.id === id,
  );
const listed = async (as: TestUser, query = '') =>
  (await api(server, 'GET', `/api/scenarios${query}`, { as })).body.scenarios.map(
    (s: { id: string }) => s.id,
  );
const drill = (as: TestUser, classId: string, scenarioId: string) =>
  api(server, 'POST', `/api/classes/${classId}/drills`, {
    as,
    body: {
      title: '演练',
      settings: {
        scenarioIds: [scenarioId],
        shoppersPerStudent: 1,
        arrivalIntervalSeconds: 0,
        concurrency: 1,
        durationMinutes: 5,
      },
    },
  });
const practise = (as: TestUser, scenarioId: string) =>
  api(server, 'POST', '/api/practice', { as, body: { scenarioId } });
const pathIds = async (as: TestUser) =>
  (await api(server, 'GET', '/api/course/path', { as })).body.progress.units.flatMap(
    (u: { scenarios: { id: string }[] }) => u.scenarios.map((s) => s.id),
  );

async function classWith(instructor: TestUser, name: string, student: TestUser): Promise<string> {
  const created = await api(server, 'POST', '/api/classes', { as: instructor, body: { name } });
  await api(server, 'POST', '/api/classes/join', {
    as: student,
    body: { joinCode: created.body.class.joinCode },
  });
  return created.body.class.id;
}

beforeAll(async () => {
  server = await startApp();
  owner = await seedUser(server.app, 'instructor', 'owner');
  other = await seedUser(server.app, 'instructor', 'other');
  admin = await seedUser(server.app, 'admin', 'admin');
  trainer = await seedUser(server.app, 'trainer', 'trainer');
  studentA = await seedUser(server.app, 'student', 'stu-a');
  studentB = await seedUser(server.app, 'student', 'stu-b');
  classA = await classWith(owner, '电商一班', studentA);
  classB = await classWith(other, '电商二班', studentB);
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('a save is a draft', () => {
  let version = '';

  it('is listed in its owner’s studio as 草稿, nowhere a student or a drill could pick it', async () => {
    const saved = await save(owner, scenario('draft-one', '草稿一'));
    expect(saved.status).toBe(200);
    version = saved.body.version;
    expect(await studioEntry(owner, 'draft-one')).toMatchObject({
      title: '草稿一',
      status: 'draft',
      publication: null,
      draftVersion: version,
      editable: true,
      owner: { id: owner.user.id, displayName: '测试owner' },
    });
    for (const who of [studentA, studentB, owner, admin])
      expect(await listed(who)).not.toContain('draft-one');
    expect(await listed(owner, `?classId=${classA}`)).not.toContain('draft-one');
    const practice = await practise(studentA, 'draft-one');
    expect(practice.status).toBe(404);
    expect(practice.body.error.code).toBe('scenario-not-found');
    const refused = await drill(owner, classA, 'draft-one');
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('unknown-scenario');
    expect(await pathIds(studentA)).not.toContain('draft-one');
  });

  it('is seen by admins but not by another instructor', async () => {
    expect(await studioEntry(admin, 'draft-one')).toMatchObject({ status: 'draft', editable: true });
    expect(await studioEntry(other, 'draft-one')).toBeUndefined();
    const files = (await api(server, 'GET', '/api/studio/files', { as: other })).body.files;
    expect(files.some((f: { path: string }) => f.path.includes('draft-one'))).toBe(false);
  });

  it('can be tried (试玩) by its owner, playing that version, and by nobody else', async () => {
    const tried = await api(server, 'POST', '/api/studio/scenarios/draft-one/try', {
      as: owner,
      body: { version },
    });
    expect(tried.status).toBe(200);
    expect(tried.body.conversations[0]).toMatchObject({ scenarioId: 'draft-one', scenarioTitle: '草稿一' });
    const stranger = await api(server, 'POST', '/api/studio/scenarios/draft-one/try', {
      as: other,
      body: { version },
    });
    expect(stranger.status).toBe(404);
  });
});

describe('发布', () => {
  it('is refused when the server’s proof of that version fails, with what to do, and publishes nothing', async () => {
    const saved = await save(owner, unproven('shaky', '没证明的场景'));
    expect(saved.status).toBe(200);
    const res = await publish(owner, 'shaky', saved.body.version);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('scenario-proof-failed');
    expect(res.body.error.message).toMatch(/没有通过验证.*反例「一口气让利 50 元」不符.*修改并保存后再发布/);
    expect(await listed(studentA)).not.toContain('shaky');
    expect(await studioEntry(owner, 'shaky')).toMatchObject({ status: 'draft', publication: null });
  });

  it('is refused for a version that was never saved', async () => {
    const res = await publish(owner, 'draft-one', 'ffffffffffffffff');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('scenario-version-not-found');
  });

  it('makes the proven version what students, drills and the course path play', async () => {
    const saved = await save(owner, scenario('everyone', '全员场景'));
    const res = await publish(owner, 'everyone', saved.body.version);
    expect(res.status).toBe(200);
    expect(res.body.publication).toMatchObject({
      version: saved.body.version,
      classId: null,
      className: null,
    });
    for (const who of [studentA, studentB]) expect(await listed(who)).toContain('everyone');
    expect((await practise(studentB, 'everyone')).body.conversations[0].scenarioTitle).toBe('全员场景');
    expect((await drill(other, classB, 'everyone')).status).toBe(200);
    expect(await pathIds(studentB)).toContain('everyone');
    expect(await studioEntry(owner, 'everyone')).toMatchObject({ status: 'published', publishedText: null });
    // Another instructor sees it now (to copy it), but not as theirs.
    expect(await studioEntry(other, 'everyone')).toMatchObject({ status: 'published', editable: false });
  });

  it('an edit of a published scenario is a new draft: the published version plays until the next 发布', async () => {
    const first = (await studioEntry(owner, 'everyone')).publication.version;
    const edited = await save(owner, scenario('everyone', '全员场景（改）'));
    expect(edited.status).toBe(200);
    const entry = await studioEntry(owner, 'everyone');
    expect(entry).toMatchObject({
      status: 'published',
      draftVersion: edited.body.version,
      title: '全员场景（改）',
    });
    expect(entry.publication.version).toBe(first);
    expect(entry.publishedText).toContain('title: 全员场景\n');
    // Others see the published text, not the draft.
    expect(await studioEntry(other, 'everyone')).toMatchObject({ title: '全员场景', draftVersion: null });
    expect((await practise(studentA, 'everyone')).body.conversations[0].scenarioTitle).toBe('全员场景');
    expect((await drill(owner, classA, 'everyone')).body.drill.versions.everyone).toBe(first);

    expect((await publish(owner, 'everyone', edited.body.version)).status).toBe(200);
    expect((await practise(studentA, 'everyone')).body.conversations[0].scenarioTitle).toBe('全员场景（改）');
    expect(await studioEntry(owner, 'everyone')).toMatchObject({ publishedText: null });
  });

  it('to one class: only that class’s students and drills get it', async () => {
    const saved = await save(owner, scenario('class-a-only', '一班专用'));
    const res = await publish(owner, 'class-a-only', saved.body.version, classA);
    expect(res.status).toBe(200);
    expect(res.body.publication).toMatchObject({ classId: classA, className: '电商一班' });
    expect(await listed(studentA)).toContain('class-a-only');
    expect(await listed(studentB)).not.toContain('class-a-only');
    expect(await pathIds(studentA)).toContain('class-a-only');
    expect(await pathIds(studentB)).not.toContain('class-a-only');
    expect((await practise(studentA, 'class-a-only')).status).toBe(200);
    expect((await practise(studentB, 'class-a-only')).status).toBe(404);
    expect((await drill(owner, classA, 'class-a-only')).status).toBe(200);
    expect((await drill(other, classB, 'class-a-only')).body.error.code).toBe('unknown-scenario');
    // The drill form asks for one class's list.
    expect(await listed(owner, `?classId=${classA}`)).toContain('class-a-only');
    expect(await listed(other, `?classId=${classB}`)).not.toContain('class-a-only');
    expect((await api(server, 'GET', `/api/scenarios?classId=${classA}`, { as: other })).status).toBe(404);
  });

  it('only to a class of one’s own', async () => {
    const version = (await studioEntry(owner, 'class-a-only')).draftVersion;
    const res = await publish(owner, 'class-a-only', version, classB);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('publish-class-forbidden');
    expect(res.body.error.message).toMatch(/自己的班级/);
    expect((await studioEntry(owner, 'class-a-only')).publication.classId).toBe(classA);
  });
});

describe('ownership', () => {
  it('another instructor cannot save, publish or delete someone’s scenario: 403 with 复制后编辑', async () => {
    const overwrite = await save(other, scenario('everyone', '抢来的'));
    expect(overwrite.status).toBe(403);
    expect(overwrite.body.error.code).toBe('scenario-not-owner');
    expect(overwrite.body.error.message).toMatch(/另一位讲师.*复制后编辑/);
    const version = (await studioEntry(owner, 'everyone')).draftVersion;
    expect((await publish(other, 'everyone', version)).body.error.code).toBe('scenario-not-owner');
    const del = await api(server, 'DELETE', '/api/studio/scenarios/everyone', { as: other });
    expect(del.status).toBe(403);
    expect(del.body.error.code).toBe('scenario-not-owner');
    // An unpublished draft of someone else's is not even there for them.
    expect((await publish(other, 'draft-one', version)).status).toBe(404);
    expect((await studioEntry(owner, 'everyone')).title).toBe('全员场景（改）');
  });

  it('admins may change anyone’s scenario', async () => {
    const saved = await save(admin, scenario('draft-one', '草稿一（管理员改）'));
    expect(saved.status).toBe(200);
    expect(await studioEntry(owner, 'draft-one')).toMatchObject({
      title: '草稿一（管理员改）',
      owner: { id: owner.user.id },
    });
    expect((await publish(admin, 'draft-one', saved.body.version)).status).toBe(200);
  });

  it('shipped scenarios are read-only for everyone, admins included', async () => {
    for (const who of [owner, admin]) {
      const res = await save(who, PRICE.replace('title: 嫌贵砍价', 'title: 改了'));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('scenario-read-only');
      expect(res.body.error.message).toMatch(/嫌贵砍价.*自带.*复制后编辑/);
    }
    const version = (await studioEntry(owner, 'price-objection')).version;
    expect((await publish(owner, 'price-objection', version)).body.error.code).toBe('scenario-read-only');
    const del = await api(server, 'DELETE', '/api/studio/scenarios/price-objection', { as: admin });
    expect(del.body.error.code).toBe('scenario-read-only');
    expect(await studioEntry(owner, 'price-objection')).toMatchObject({
      status: 'shipped',
      editable: false,
      owner: null,
    });
    expect((await practise(studentA, 'price-objection')).body.conversations[0].scenarioTitle).toBe(
      '嫌贵砍价',
    );
  });

  it('trainers and students reach none of it', async () => {
    for (const who of [trainer, studentA]) {
      const calls = [
        api(server, 'POST', '/api/studio/scenarios/everyone/publish', {
          as: who,
          body: { version: 'ffffffffffffffff', classId: null },
        }),
        api(server, 'POST', '/api/studio/scenarios/everyone/copy', { as: who }),
        api(server, 'DELETE', '/api/studio/scenarios/everyone', { as: who }),
        api(server, 'POST', '/api/studio/scenarios/everyone/try', {
          as: who,
          body: { version: 'ffffffffffffffff' },
        }),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
    }
  });
});

describe('复制后编辑', () => {
  it('copies a shipped scenario as an owned draft: new id, title …（副本）, where it came from', async () => {
    const res = await api(server, 'POST', '/api/studio/scenarios/price-objection/copy', { as: other });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      scenarioId: 'price-objection-copy',
      title: '嫌贵砍价（副本）',
      created: true,
    });
    expect(await studioEntry(other, 'price-objection-copy')).toMatchObject({
      title: '嫌贵砍价（副本）',
      status: 'draft',
      editable: true,
      owner: { id: other.user.id },
      copiedFrom: { id: 'price-objection', title: '嫌贵砍价' },
    });
    const files = (await api(server, 'GET', '/api/studio/files', { as: other })).body.files;
    const copy = files.find((f: { path: string }) => f.path === 'studio/buyers/price-objection-copy.yaml');
    // The rest of the file (comments, beats) as it was.
    expect(copy.text).toBe(
      PRICE.replace('id: price-objection', 'id: price-objection-copy').replace(
        'title: 嫌贵砍价',
        'title: 嫌贵砍价（副本）',
      ),
    );
    expect(await listed(studentB)).not.toContain('price-objection-copy');
    // The copy is the copier's: they publish it.
    expect((await publish(other, 'price-objection-copy', res.body.version, classB)).status).toBe(200);
    expect(await listed(studentB)).toContain('price-objection-copy');
  });

  it('a second copy gets the next free id', async () => {
    const res = await api(server, 'POST', '/api/studio/scenarios/price-objection/copy', { as: owner });
    expect(res.body.scenarioId).toBe('price-objection-copy-2');
  });

  it('copies someone else’s published version, never their draft; their drafts cannot be copied', async () => {
    const res = await api(server, 'POST', '/api/studio/scenarios/everyone/copy', { as: other });
    expect(res.status).toBe(200);
    expect(res.body.title).toBe('全员场景（改）（副本）');
    await save(owner, scenario('everyone', '全员场景（又改了）'));
    const again = await api(server, 'POST', '/api/studio/scenarios/everyone/copy', { as: other });
    expect(again.body.title).toBe('全员场景（改）（副本）');
    expect((await api(server, 'POST', '/api/studio/scenarios/shaky/copy', { as: other })).status).toBe(404);
  });
});

describe('deleting', () => {
  it('takes a published scenario out of every list; what was played keeps its version', async () => {
    const played = await practise(studentA, 'class-a-only');
    const conversationId = played.body.conversations[0].id;
    const res = await api(server, 'DELETE', '/api/studio/scenarios/class-a-only', { as: owner });
    expect(res.status).toBe(200);
    expect(await listed(studentA)).not.toContain('class-a-only');
    expect(await studioEntry(owner, 'class-a-only')).toBeUndefined();
    const conversation = await api(server, 'GET', `/api/conversations/${conversationId}`, {
      as: studentA,
    });
    expect(conversation.status).toBe(200);
    expect(conversation.body.conversation.scenarioTitle).toBe('一班专用');
  });
});

describe('after a restart', { timeout: 120_000 }, () => {
  it('drafts are still drafts and what was published still plays where it was published', async () => {
    const saved = await save(owner, scenario('kept', '重启前'));
    expect((await publish(owner, 'kept', saved.body.version, classA)).status).toBe(200);
    await save(owner, scenario('kept', '重启前（草稿）'));
    await server.close();
    server = await startApp({ dataDir: server.dataDir });
    expect(await listed(studentA)).toContain('kept');
    expect(await listed(studentB)).not.toContain('kept');
    expect((await practise(studentA, 'kept')).body.conversations[0].scenarioTitle).toBe('重启前');
    expect(await studioEntry(owner, 'kept')).toMatchObject({ title: '重启前（草稿）', status: 'published' });
    expect(await studioEntry(owner, 'shaky')).toMatchObject({ status: 'draft' });
    expect(await listed(studentA)).not.toContain('shaky');
  });
});

describe('the migration', { timeout: 120_000 }, () => {
  it('keeps scenarios saved before drafts existed published to every class, with no owner (admins edit them)', async () => {
    const old = await startApp();
    const db = old.app.database.db;
    const text = scenario('legacy-one', '旧版保存的场景');
    await old.app.scenarioVersions.record(
      'legacy-one',
      contentHash(text),
      text,
      'studio/buyers/legacy-one.yaml',
      1,
    );
    // As the database was before migration 0006: its saves, no studio_items (nor what later migrations added).
    await sql`DROP TABLE studio_items`.execute(db);
    await sql`DROP INDEX conversations_student_status`.execute(db);
    for (const table of ['guess_failures', 'login_devices', 'mutexes', 'audit_log', 'proof_verdicts'])
      await sql`DROP TABLE ${sql.table(table)}`.execute(db);
    await sql`DELETE FROM kysely_migration WHERE name >= '0006-studio-items'`.execute(db);
    await old.close();
    const migrated = await startApp({ dataDir: old.dataDir });
    try {
      const student = await seedUser(migrated.app, 'student', 'legacy-student');
      const instructor = await seedUser(migrated.app, 'instructor', 'legacy-teacher');
      const chief = await seedUser(migrated.app, 'admin', 'legacy-admin');
      const ids = (await api(migrated, 'GET', '/api/scenarios', { as: student })).body.scenarios.map(
        (s: { id: string }) => s.id,
      );
      expect(ids).toContain('legacy-one');
      const files = await api(migrated, 'GET', '/api/studio/files', { as: instructor });
      expect(files.body.scenarios.find((s: { id: string }) => s.id === 'legacy-one')).toMatchObject({
        status: 'published',
        owner: null,
        editable: false,
        publication: { classId: null },
      });
      const edit = scenario('legacy-one', '旧版保存的场景（改）');
      expect(
        (await api(migrated, 'POST', '/api/studio/scenarios', { as: instructor, body: { text: edit } }))
          .status,
      ).toBe(403);
      expect(
        (await api(migrated, 'POST', '/api/studio/scenarios', { as: chief, body: { text: edit } })).status,
      ).toBe(200);
    } finally {
      await migrated.close();
      migrated.cleanup();
    }
  });
});
