// New catalogue files made in the studio (新建商品 / 新建品类 / 新建话术库, issue #8 item 6): the starting
// template of each kind saves as a 草稿 as it is; a new file is refused with file:line:col when invalid or
// when it takes another file's id, and at a path that is no place for one; 发布 goes through the same proof,
// and a new product published this way is what a new scenario can be written about — and it proves.
import { newCataloguePath, newCatalogueTemplate } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, seedUser, startApp, type TestServer, type TestUser } from './helpers/server.ts';

const PRODUCT_ID = 'studio-hoodie';
const PRODUCT = newCataloguePath('scenarios/', 'product', PRODUCT_ID);
const CATEGORY = newCataloguePath('scenarios/', 'category', 'studio-sports');
const PHRASES = newCataloguePath('scenarios/', 'phrases', 'studio-phrases');
/** The template product, named and priced by its author. */
const HOODIE = newCatalogueTemplate('product', PRODUCT_ID)
  .replace('name: 新商品', 'name: 连帽卫衣')
  .replace('aliases: [这款新商品]', 'aliases: [卫衣, 这件卫衣]')
  .replace('price: 99', 'price: 129');

/** A buyer asking about the new product's stock, haggling, then buying: proven by its model answer. */
const HOODIE_SCENARIO = `id: hoodie-haggle
title: 卫衣嫌贵
description: 顾客问卫衣白色有没有货，嫌贵想砍价。
difficulty: 2
stage: pre-sale
unit: closing
skills: [bargaining, objection]
mood: calm
products: [${PRODUCT_ID}]
goal: paid
concession: 20
persona:
  name: 小周
  nudges: [在吗？]
  farewell: [那算了吧]
beats:
  - id: ask-stock
    say: [白色还有货吗？]
    ask: ${PRODUCT_ID}.colour.白色
    simple: true
  - id: haggle
    say: [129有点贵啊，能便宜点不？]
    objection: price
  - id: buy
    say: [好吧 那我用券拍一件]
    order: { product: ${PRODUCT_ID} }
    pay: true
modelAnswer:
  - { after: 2, say: 亲，白色有现货的~ }
  - { after: 4, action: discount, amount: 20 }
  - { wait: none, after: 2, say: 亲，给您发了一张20元的店铺券，券后109，很划算，可以直接拍下哦~ }
  - { after: 3, phrase: js2 }
counterExamples:
  - name: 不回复
    script: []
    violations: [unanswered, buyer-left]
`;

/** A 发布 proves the whole library on the server: seconds alone, much longer on a busy machine. */
const PUBLISHES = 120_000;

let server: TestServer;
let instructor: TestUser;
let student: TestUser;

beforeAll(async () => {
  server = await startApp();
  instructor = await seedUser(server.app, 'instructor', 'new-file-author');
  student = await seedUser(server.app, 'student', 'new-file-student');
});
afterAll(async () => {
  await server.close();
  server.cleanup();
});

const saveFile = (path: string, text: string, as = instructor) =>
  api(server, 'POST', '/api/studio/catalogue', { as, body: { path, text } });
const publishFile = (path: string, version: string) =>
  api(server, 'POST', '/api/studio/catalogue/publish', { as: instructor, body: { path, version } });
const studioFiles = async () => (await api(server, 'GET', '/api/studio/files', { as: instructor })).body;
const history = async (path: string) =>
  (
    await api(server, 'GET', `/api/studio/catalogue/history?path=${encodeURIComponent(path)}`, {
      as: instructor,
    })
  ).body.versions;

describe('new catalogue files in the studio', () => {
  it('saves the template of each kind as a draft, as it is, that nothing plays yet', async () => {
    for (const [kind, path, id] of [
      ['category', CATEGORY, 'studio-sports'],
      ['phrases', PHRASES, 'studio-phrases'],
    ] as const) {
      const res = await saveFile(path, newCatalogueTemplate(kind, id, 'xhs9'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ path, created: true });
    }
    const product = await saveFile(PRODUCT, HOODIE);
    expect(product.status).toBe(200);
    const body = await studioFiles();
    expect(body.catalogueDrafts.map((d: { path: string }) => d.path).sort()).toEqual(
      [CATEGORY, PHRASES, PRODUCT].sort(),
    );
    // Drafts are not in the library: not listed as its files, not a product scenarios may name.
    expect(body.files.map((f: { path: string }) => f.path)).not.toContain(PRODUCT);
    expect(server.app.catalog.library.products.has(PRODUCT_ID)).toBe(false);
    const scenario = await api(server, 'POST', '/api/studio/scenarios', {
      as: instructor,
      body: { text: HOODIE_SCENARIO },
    });
    expect(scenario.status).toBe(400);
    expect(scenario.body.error.code).toBe('scenario-invalid');
    expect(await history(PRODUCT)).toMatchObject([{ status: 'draft', current: false, publishedAt: null }]);
  });

  it('refuses a new file that takes the id of another one, at its position, and saves nothing', async () => {
    const path = newCataloguePath('scenarios/', 'product', 'second-jacket');
    const res = await saveFile(path, newCatalogueTemplate('product', 'down-jacket'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('catalogue-invalid');
    expect(res.body.error.message).toMatch(
      /scenarios\/products\/second-jacket\.yaml:4:5 id "down-jacket" 已被 scenarios\/products\/down-jacket\.yaml 使用/,
    );
    // The same for a phrase library (a product's id is another kind's: no clash).
    const phrases = await saveFile(PHRASES, newCatalogueTemplate('phrases', 'service', 'xhs8'));
    expect(phrases.body.error.code).toBe('catalogue-invalid');
    expect(phrases.body.error.message).toContain('id "service" 已被 scenarios/phrases/service.yaml 使用');
    expect(await history(path)).toEqual([]);
    expect(server.app.catalog.library.products.get('down-jacket')?.name).not.toBe('新商品');
  });

  it('refuses an invalid new file with file:line:col, and a path that is no place for one', async () => {
    const broken = HOODIE.replace('price: 129', 'price: 一百');
    const res = await saveFile(newCataloguePath('scenarios/', 'product', 'broken-hoodie'), broken);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('catalogue-invalid');
    expect(res.body.error.message).toMatch(/scenarios\/products\/broken-hoodie\.yaml:\d+:\d+ price/);
    for (const path of [
      'scenarios/buyers/new-buyer.yaml',
      'scenarios/products/Hoodie.yaml',
      'scenarios/products/../hoodie.yaml',
      'scenarios/products/sub/hoodie.yaml',
      'elsewhere/products/hoodie.yaml',
      'scenarios/rubrics/new.yaml',
    ]) {
      const bad = await saveFile(path, HOODIE);
      expect(bad.status, path).toBe(400);
      expect(bad.body.error.code, path).toBe('catalogue-file-unknown');
    }
    expect(server.app.catalog.library.products.has(PRODUCT_ID)).toBe(false);
  });

  it('is for authors only', async () => {
    const res = await saveFile(newCataloguePath('scenarios/', 'product', 'student-made'), HOODIE, student);
    expect(res.status).toBe(403);
  });

  it(
    'publishes a new product through the proof, and a new scenario about it proves and plays',
    async () => {
      const saved = await saveFile(PRODUCT, HOODIE);
      expect(saved.body.created).toBe(false);
      const published = await publishFile(PRODUCT, saved.body.version);
      expect(published.status).toBe(200);
      // No scenario names the new product yet: its publication can change no proof.
      expect(published.body).toMatchObject({ status: 'published', affected: [], proved: [] });
      expect(server.app.catalog.library.products.get(PRODUCT_ID)?.name).toBe('连帽卫衣');
      const body = await studioFiles();
      expect(body.files.find((f: { path: string }) => f.path === PRODUCT)).toMatchObject({
        origin: 'studio',
        text: HOODIE,
      });
      expect(body.catalogueDrafts.map((d: { path: string }) => d.path)).not.toContain(PRODUCT);
      expect(await history(PRODUCT)).toMatchObject([
        { status: 'published', current: true, publishedBy: '测试new-file-author' },
      ]);

      // A new scenario about it: saved, then published — which the server only does once its proof passes.
      const scenario = await api(server, 'POST', '/api/studio/scenarios', {
        as: instructor,
        body: { text: HOODIE_SCENARIO },
      });
      expect(scenario.status).toBe(200);
      const publication = await api(server, 'POST', '/api/studio/scenarios/hoodie-haggle/publish', {
        as: instructor,
        body: { version: scenario.body.version, classId: null },
      });
      expect(publication.status).toBe(200);
      const practice = await api(server, 'POST', '/api/practice', {
        as: student,
        body: { scenarioId: 'hoodie-haggle' },
      });
      expect(practice.status).toBe(200);
      const ctx = await server.app.catalog.context(
        'hoodie-haggle',
        server.app.catalog.versionOf('hoodie-haggle')!,
        'default',
      );
      expect(ctx.products.map((p) => p.name)).toEqual(['连帽卫衣']);
    },
    PUBLISHES,
  );

  it(
    'refuses to publish a new product once another file took its id',
    async () => {
      const path = newCataloguePath('scenarios/', 'product', 'hoodie-again');
      const text = HOODIE.replace(`id: ${PRODUCT_ID}`, 'id: hoodie-again');
      const saved = await saveFile(path, text);
      expect(saved.status).toBe(200);
      // Meanwhile another new file declares the same id and is published first.
      const rival = newCataloguePath('scenarios/', 'product', 'hoodie-rival');
      const rivalSaved = await saveFile(rival, text);
      expect(rivalSaved.status).toBe(200);
      expect((await publishFile(rival, rivalSaved.body.version)).status).toBe(200);
      const res = await publishFile(path, saved.body.version);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('catalogue-invalid');
      expect(res.body.error.message).toContain(
        'id "hoodie-again" 已被 scenarios/products/hoodie-rival.yaml 使用',
      );
    },
    PUBLISHES,
  );

  it('keeps the new product and the scenario about it after a restart', async () => {
    await server.close();
    server = await startApp({ dataDir: server.dataDir });
    expect(server.app.catalog.library.products.get(PRODUCT_ID)?.name).toBe('连帽卫衣');
    expect(server.app.catalog.library.buyers.has('hoodie-haggle')).toBe(true);
  });
});
