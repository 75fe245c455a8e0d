// Proof verdicts are kept in the database, by proof key and the prover's code: a server started again (or
// another process on the same database) does not prove again what was proven, and a verdict stands only
// for the key it was stored under. SQLite here; PostgreSQL with `npm run test:cluster -- <this file>`.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { api, seedUser, startApp, type TestServer, type TestUser } from './helpers/server.ts';

const SCARF = 'scenarios/products/wool-scarf.yaml';
const scarfText = readFileSync(SCARF, 'utf8');
const SCARF_A = scarfText.replace('aliases: [围巾,', 'aliases: [围脖, 围巾,');
const NAMING_SCARF = ['mid-jacket-every-order-change', 'north-trip-cross-sell'];

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
  servers[0]?.cleanup();
});

async function publish(server: TestServer, as: TestUser, text: string) {
  const saved = await api(server, 'POST', '/api/studio/catalogue', { as, body: { path: SCARF, text } });
  expect(saved.status).toBe(200);
  return api(server, 'POST', '/api/studio/catalogue/publish', {
    as,
    body: { path: SCARF, version: saved.body.version },
  });
}

describe('proof verdicts shared through the database', () => {
  it('a server started again proves nothing the one before it proved, and proves what it did not', async () => {
    const first = await startApp();
    servers.push(first);
    const author = await seedUser(first.app, 'instructor', 'shared-author');
    const a = await publish(first, author, SCARF_A);
    expect(a.body).toMatchObject({ status: 'published', affected: NAMING_SCARF, proved: NAMING_SCARF });
    const rows = await first.app.database.db.selectFrom('proof_verdicts').select('key').execute();
    expect(rows).toHaveLength(NAMING_SCARF.length);
    await first.close();

    // Its memory is gone: the shipped scarf was never proven (the first server started with it in force).
    const second = await startApp({ dataDir: first.dataDir });
    servers.push(second);
    const back = await publish(second, author, scarfText);
    expect(back.body).toMatchObject({ status: 'published', affected: NAMING_SCARF, proved: NAMING_SCARF });
    // The first server's verdicts stand for the same content: nothing proven again.
    const again = await publish(second, author, SCARF_A);
    expect(again.body).toMatchObject({ status: 'published', affected: NAMING_SCARF, proved: [] });
    expect(second.app.catalog.library.products.get('wool-scarf')?.aliases).toContain('围脖');
    // Two servers started, six scenarios proven.
  }, 120_000);
});
