// Catalogue files edited in the studio (issue #8 item 6): a save is a 草稿 validated with positions; 发布 is
// refused, naming the scenarios, when one no longer proves; accepted, the judge of new conversations uses the
// new words while a running conversation keeps its catalogue; versions list who and when; authors only.
import { readFileSync } from 'node:fs';
import { contentHash, judgeReply } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVED_PER_ANSWER } from '../../server/src/studio/catalogue-editor.ts';
import { api, seedUser, startApp, type TestServer, type TestUser } from './helpers/server.ts';

const LEXICON = 'scenarios/lexicon.yaml';
const JACKET = 'scenarios/products/down-jacket.yaml';
const lexiconText = readFileSync(LEXICON, 'utf8');
const jacketText = readFileSync(JACKET, 'utf8');
/** 老铁 as a colloquial way to welcome a returning customer: unknown to the shipped lexicon. */
const LEXICON_WITH_LAOTIE = lexiconText.replace('terms: [老顾客, 老客户,', 'terms: [老铁, 老顾客, 老客户,');
/** 黑色 out of stock: 羽绒服选颜色和尺码's model answer says it is in stock. */
const JACKET_NO_BLACK = jacketText.replace(
  '      - value: 黑色\n        aliases: [黑的, 经典黑]\n',
  '      - value: 黑色\n        aliases: [黑的, 经典黑]\n        inStock: false\n',
);
const SCENARIO = 'mid-returning-remind-diapers';

let server: TestServer;
let instructor: TestUser;
let trainer: TestUser;
let student: TestUser;

beforeAll(async () => {
  server = await startApp();
  instructor = await seedUser(server.app, 'instructor', 'cat-author');
  trainer = await seedUser(server.app, 'trainer', 'cat-trainer');
  student = await seedUser(server.app, 'student', 'cat-student');
});
afterAll(async () => {
  await server.close();
  server.cleanup();
});

/** Does the judge of `version` of the scenario read 老铁您好呀 as welcoming a returning customer? */
async function welcomesLaotie(version: string): Promise<boolean> {
  const ctx = await server.app.catalog.context(SCENARIO, version, 'default');
  return judgeReply(ctx, { messages: [], items: [], hasOrder: false }, { text: '老铁您好呀' } as never)
    .acknowledges;
}

const publishLexicon = (version: string) =>
  api(server, 'POST', '/api/studio/catalogue/publish', { as: instructor, body: { path: LEXICON, version } });

const drafts = async () =>
  (await api(server, 'GET', '/api/studio/files', { as: instructor })).body.catalogueDrafts;

describe('catalogue files in the studio', () => {
  it('are for authors only: students and trainers get 403', async () => {
    for (const who of [student, trainer]) {
      const save = await api(server, 'POST', '/api/studio/catalogue', {
        as: who,
        body: { path: LEXICON, text: LEXICON_WITH_LAOTIE },
      });
      expect(save.status).toBe(403);
      const publish = await api(server, 'POST', '/api/studio/catalogue/publish', {
        as: who,
        body: { path: LEXICON, version: 'x' },
      });
      expect(publish.status).toBe(403);
      const history = await api(server, 'GET', `/api/studio/catalogue/history?path=${LEXICON}`, { as: who });
      expect(history.status).toBe(403);
    }
    expect(await drafts()).toEqual([]);
  });

  it('refuses an invalid file with its positions (file:line:col) and saves nothing', async () => {
    const broken = jacketText.replace('price: 299', 'price: 二百九十九');
    const res = await api(server, 'POST', '/api/studio/catalogue', {
      as: instructor,
      body: { path: JACKET, text: broken },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('catalogue-invalid');
    expect(res.body.error.message).toContain('没有保存');
    expect(res.body.error.message).toMatch(/scenarios\/products\/down-jacket\.yaml:7:\d+ /);
    const history = await api(server, 'GET', `/api/studio/catalogue/history?path=${JACKET}`, {
      as: instructor,
    });
    expect(history.body.versions.map((v: { status: string }) => v.status)).toEqual(['shipped']);
    expect(await drafts()).toEqual([]);
  });

  it('refuses a quick phrase with an unknown variable, naming where it is, and saves nothing', async () => {
    const path = 'scenarios/phrases/shop.yaml';
    const text = readFileSync(path, 'utf8').replace("'{买家}您好，欢迎光临~", "'{买家名}您好，欢迎光临~");
    const res = await api(server, 'POST', '/api/studio/catalogue', { as: instructor, body: { path, text } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('catalogue-invalid');
    expect(res.body.error.message).toMatch(
      /scenarios\/phrases\/shop\.yaml:\d+:\d+ groups\[0\]\.phrases\[\d+\]\.text 第 1 个字起的 \{买家名\} 不是话术变量/,
    );
    expect(await drafts()).toEqual([]);
  });

  it('refuses a file that is not a catalogue file', async () => {
    const res = await api(server, 'POST', '/api/studio/catalogue', {
      as: instructor,
      body: { path: 'scenarios/buyers/price-objection.yaml', text: 'id: x' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('catalogue-file-unknown');
  });

  it('refuses to publish a change that breaks a scenario, naming it, and changes nothing', async () => {
    const versionBefore = server.app.catalog.versionOf('jacket-colour-size');
    const saved = await api(server, 'POST', '/api/studio/catalogue', {
      as: instructor,
      body: { path: JACKET, text: JACKET_NO_BLACK },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.created).toBe(true);
    expect(await drafts()).toEqual([
      expect.objectContaining({ path: JACKET, version: saved.body.version, savedBy: '测试cat-author' }),
    ]);
    // The draft is not used yet.
    expect(server.app.catalog.library.products.get('down-jacket')?.facts.colour).toMatchObject({
      options: expect.arrayContaining([expect.objectContaining({ value: '黑色', inStock: true })]),
    });
    const res = await api(server, 'POST', '/api/studio/catalogue/publish', {
      as: instructor,
      body: { path: JACKET, version: saved.body.version },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('catalogue-breaks-scenarios');
    // The scenario, where its failing script is written, and what it got wrong.
    expect(res.body.error.message).toMatch(
      /“羽绒服选颜色和尺码”（scenarios\/buyers\/jacket-colour-size\.yaml:\d+:\d+ 标准答案：/,
    );
    expect(res.body.error.message).toContain('没有发布');
    expect(res.body.error.params.count).toBe(1);
    // The same as data, for the studio to say in its language: the rule the model answer now triggers.
    expect(res.body.error.proof).toEqual([
      {
        scenarioId: 'jacket-colour-size',
        title: '羽绒服选颜色和尺码',
        file: 'scenarios/buyers/jacket-colour-size.yaml',
        line: expect.any(Number),
        col: expect.any(Number),
        kind: 'model',
        script: 'modelAnswer',
        extra: [expect.objectContaining({ rule: 'wrong-fact' })],
        missing: [],
        lowScore: expect.toSatisfy((s: number | null) => s === null || s < 90),
        other: [],
      },
    ]);
    expect(res.body.error.message).toMatch(
      new RegExp(`jacket-colour-size\\.yaml:${res.body.error.proof[0].line}:${res.body.error.proof[0].col} `),
    );
    expect(server.app.catalog.versionOf('jacket-colour-size')).toBe(versionBefore);
    const history = await api(server, 'GET', `/api/studio/catalogue/history?path=${JACKET}`, {
      as: instructor,
    });
    expect(history.body.versions).toMatchObject([
      { status: 'draft', current: false, savedBy: '测试cat-author', publishedAt: null },
      { status: 'shipped', current: true, savedBy: null },
    ]);
  });

  it('publishes a change that keeps every scenario proving: new conversations judge with it, running ones keep theirs', async () => {
    const before = await api(server, 'POST', '/api/practice', {
      as: student,
      body: { scenarioId: SCENARIO },
    });
    expect(before.status).toBe(200);
    const running = await server.app.conversations.get(before.body.conversations[0].id);
    expect(running).toBeDefined();
    expect(await welcomesLaotie(running!.scenario_version)).toBe(false);

    const saved = await api(server, 'POST', '/api/studio/catalogue', {
      as: instructor,
      body: { path: LEXICON, text: LEXICON_WITH_LAOTIE },
    });
    expect(saved.status).toBe(200);
    // The lexicon is read by every judgement: every scenario is proven again, in steps that say how far
    // the proof got (asked again with the same body until it is done).
    const every = [...server.app.catalog.library.buyers.keys()].sort();
    const steps: unknown[] = [];
    let published = await publishLexicon(saved.body.version);
    while (published.body.status === 'proving') {
      steps.push(published.body);
      expect(server.app.catalog.versionOf(SCENARIO)).toBe(running!.scenario_version);
      published = await publishLexicon(saved.body.version);
    }
    const total = every.length;
    expect(steps).toEqual(
      Array.from({ length: Math.ceil(total / PROVED_PER_ANSWER) - 1 }, (_, i) => ({
        status: 'proving',
        done: (i + 1) * PROVED_PER_ANSWER,
        total,
      })),
    );
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', affected: every });
    expect(published.body.proved).toEqual(every.slice(steps.length * PROVED_PER_ANSWER));
    expect(published.body.catalogueVersion).not.toBe('');

    // New practice plays the scenario under the new catalogue, and its judge knows 老铁.
    const version = server.app.catalog.versionOf(SCENARIO)!;
    expect(version).not.toBe(running!.scenario_version);
    expect(version).toContain(published.body.catalogueVersion);
    const after = await api(server, 'POST', '/api/practice', { as: student, body: { scenarioId: SCENARIO } });
    const fresh = await server.app.conversations.get(after.body.conversations[0].id);
    expect(fresh!.scenario_version).toBe(version);
    expect(await welcomesLaotie(fresh!.scenario_version)).toBe(true);
    // The conversation started before keeps the catalogue it started with.
    expect(await welcomesLaotie(running!.scenario_version)).toBe(false);

    const history = await api(server, 'GET', `/api/studio/catalogue/history?path=${LEXICON}`, {
      as: instructor,
    });
    expect(history.body.versions).toMatchObject([
      {
        status: 'published',
        current: true,
        version: saved.body.version,
        savedBy: '测试cat-author',
        publishedBy: '测试cat-author',
        publishedAt: expect.any(Number),
      },
      { status: 'shipped', current: false },
    ]);
    const files = await api(server, 'GET', '/api/studio/files', { as: instructor });
    expect(files.body.files.find((f: { path: string }) => f.path === LEXICON)).toMatchObject({
      origin: 'studio',
      text: LEXICON_WITH_LAOTIE,
    });
    // The jacket draft is still open; the lexicon has none.
    expect(files.body.catalogueDrafts.map((d: { path: string }) => d.path)).toEqual([JACKET]);
  });

  it('keeps the catalogue a conversation started with when its scenario was replaced in between', async () => {
    const started = await api(server, 'POST', '/api/practice', {
      as: student,
      body: { scenarioId: 'price-objection' },
    });
    const row = await server.app.conversations.get(started.body.conversations[0].id);
    // A new version of the scenario plays from now on (as a studio save does); the one played is kept.
    const catalog = server.app.catalog;
    const scenario = catalog.library.buyers.get('price-objection')!;
    const path = catalog.library.files.get('price-objection')!;
    const edited = readFileSync(path, 'utf8').replace('title: 嫌贵砍价', 'title: 嫌贵砍价（新版）');
    await server.app.scenarioVersions.record(
      'price-objection',
      contentHash(edited),
      edited,
      path,
      Date.now(),
    );
    catalog.adopt('price-objection', contentHash(edited), path, scenario, null);
    const text = jacketText.replace('这款羽绒服]', '这款羽绒服, 羽绒外套]');
    const saved = await api(server, 'POST', '/api/studio/catalogue', {
      as: instructor,
      body: { path: JACKET, text },
    });
    const published = await api(server, 'POST', '/api/studio/catalogue/publish', {
      as: instructor,
      body: { path: JACKET, version: saved.body.version },
    });
    expect(published.status).toBe(200);
    const aliasesIn = async (version: string) =>
      (await catalog.context('price-objection', version, 'default')).products[0]?.aliases ?? [];
    expect(await aliasesIn(catalog.versionOf('price-objection')!)).toContain('羽绒外套');
    expect(await aliasesIn(row!.scenario_version)).not.toContain('羽绒外套');
  });

  it('keeps the published catalogue after a restart', async () => {
    const version = server.app.catalog.versionOf(SCENARIO);
    await server.close();
    server = await startApp({ dataDir: server.dataDir });
    expect(server.app.catalog.versionOf(SCENARIO)).toBe(version);
    expect(await welcomesLaotie(version!)).toBe(true);
  });
});
