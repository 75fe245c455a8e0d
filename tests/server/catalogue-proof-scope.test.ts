// 发布 of a catalogue file proves only the scenarios whose proof reads what it changed (a product: those
// that name it, even only in a recommendation; a category: those of its products), keeps the verdicts of
// content it proved before, and never lets a kept pass stand for changed content.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, seedUser, startApp, type TestServer, type TestUser } from './helpers/server.ts';

const SCARF = 'scenarios/products/wool-scarf.yaml';
const ELECTRONICS = 'scenarios/categories/electronics.yaml';
const JACKET = 'scenarios/products/down-jacket.yaml';
const scarfText = readFileSync(SCARF, 'utf8');
const jacketText = readFileSync(JACKET, 'utf8');
const SCARF_A = scarfText.replace('aliases: [围巾,', 'aliases: [围脖, 围巾,');
const SCARF_B = scarfText.replace('aliases: [围巾,', 'aliases: [羊毛围脖, 围巾,');
const JACKET_A = jacketText.replace('这款羽绒服]', '这款羽绒服, 羽绒外套]');
/** 黑色 out of stock: 羽绒服选颜色和尺码's model answer says it is in stock. */
const JACKET_A_NO_BLACK = JACKET_A.replace(
  '      - value: 黑色\n        aliases: [黑的, 经典黑]\n',
  '      - value: 黑色\n        aliases: [黑的, 经典黑]\n        inStock: false\n',
);

let server: TestServer;
let instructor: TestUser;

beforeAll(async () => {
  server = await startApp();
  instructor = await seedUser(server.app, 'instructor', 'scope-author');
});
afterAll(async () => {
  await server.close();
  server.cleanup();
});

async function publish(path: string, text: string) {
  const saved = await api(server, 'POST', '/api/studio/catalogue', { as: instructor, body: { path, text } });
  expect(saved.status).toBe(200);
  return api(server, 'POST', '/api/studio/catalogue/publish', {
    as: instructor,
    body: { path, version: saved.body.version },
  });
}

/** The scenarios played now whose file names `word` anywhere. */
function naming(word: string): string[] {
  const { library } = server.app.catalog;
  return [...library.buyers]
    .filter(([, scenario]) => JSON.stringify(scenario).includes(word))
    .map(([id]) => id)
    .sort();
}

describe('publishing a catalogue file proves what it can affect', () => {
  it('a product proves the scenarios that name it, here only in a recommendation, and no other', async () => {
    const expected = ['mid-jacket-every-order-change', 'north-trip-cross-sell'];
    expect(naming('wool-scarf')).toEqual(expected);
    for (const id of expected) {
      expect(server.app.catalog.library.buyers.get(id)?.products).not.toContain('wool-scarf');
    }
    const res = await publish(SCARF, SCARF_A);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'published', affected: expected, proved: expected });
    expect(server.app.catalog.library.products.get('wool-scarf')?.aliases).toContain('围脖');
  });

  it('changed content is proven again; content proven before keeps its verdict', async () => {
    const expected = naming('wool-scarf');
    const other = await publish(SCARF, SCARF_B);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ status: 'published', affected: expected, proved: expected });
    const back = await publish(SCARF, SCARF_A);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'published', affected: expected, proved: [] });
  });

  it('a category proves the scenarios of its products', async () => {
    const { library } = server.app.catalog;
    const products = [...library.products.values()].filter((p) => p.category === 'electronics');
    expect(products.map((p) => p.id).sort()).toEqual(['basic-earbuds', 'wireless-earbuds']);
    const expected = [...new Set(products.flatMap((p) => naming(p.id)))].sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(library.buyers.size);
    const text = readFileSync(ELECTRONICS, 'utf8').replace('terms: [开发票,', 'terms: [开个发票, 开发票,');
    const res = await publish(ELECTRONICS, text);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'published', affected: expected, proved: expected });
  });

  it('a pass kept for one content never stands for another: the breaking change is proven and refused', async () => {
    const expected = naming('down-jacket');
    const passed = await publish(JACKET, JACKET_A);
    expect(passed.status).toBe(200);
    expect(passed.body).toMatchObject({ status: 'published', affected: expected, proved: expected });
    const versionBefore = server.app.catalog.versionOf('jacket-colour-size');
    const res = await publish(JACKET, JACKET_A_NO_BLACK);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('catalogue-breaks-scenarios');
    expect(res.body.error.params.count).toBe(1);
    // The scenario, where its failing script is written, and what went wrong.
    expect(res.body.error.message).toMatch(
      /“羽绒服选颜色和尺码”（scenarios\/buyers\/jacket-colour-size\.yaml:\d+:\d+ 标准答案：.*wrong-fact/,
    );
    expect(server.app.catalog.versionOf('jacket-colour-size')).toBe(versionBefore);
  });

  it('a scenario that no longer loads is refused at its error', async () => {
    const renamed = scarfText.replace('id: wool-scarf', 'id: wool-scarf-2');
    const res = await publish(SCARF, renamed);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('catalogue-breaks-scenarios');
    expect(res.body.error.params.count).toBe(2);
    expect(res.body.error.message).toMatch(
      /scenarios\/buyers\/north-trip-cross-sell\.yaml:\d+:\d+ [^）]*未知的商品 "wool-scarf"/,
    );
    expect(server.app.catalog.library.products.has('wool-scarf')).toBe(true);
  });
});
