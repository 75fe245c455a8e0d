// GET /api/scenarios lists the scenarios the way the course is built: the course's units in teaching order,
// and for each scenario its unit, its products' names and its skills (what the home and the drill form group
// and search by).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, seedUser, startServer, type TestServer, type TestUser } from './helpers/server.ts';

let server: TestServer;
let student: TestUser;

beforeAll(async () => {
  server = await startServer();
  student = await seedUser(server.app, 'student', 'list-stu');
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('the scenario list', () => {
  it('names the course units in order and places every scenario in one, with product names and skills', async () => {
    const res = await api(server, 'GET', '/api/scenarios', { as: student });
    expect(res.status).toBe(200);
    expect(res.body.units.map((u: { name: string }) => u.name)).toEqual([
      '欢迎与响应',
      '商品知识',
      '话术运用',
      '促成交易',
      '催付与跟进',
      '售后处理',
      '综合实战',
    ]);
    const jacket = res.body.scenarios.find((s: { id: string }) => s.id === 'jacket-colour-size');
    expect(jacket).toMatchObject({
      unit: 'welcome',
      productNames: ['女款轻薄短款羽绒服'],
      skills: ['first-response', 'stock-out', 'sizing'],
    });
    const unitIds = new Set(res.body.units.map((u: { id: string }) => u.id));
    for (const s of res.body.scenarios) expect(unitIds.has(s.unit)).toBe(true);
  });
});
