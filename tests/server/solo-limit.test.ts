// The cap on one person's solo practice running at once holds when the requests arrive together — two tabs,
// a double click, or a script firing twenty at once — for practice and for the studio's 试玩 alike: the
// extra ones get 409 too-many-open in Chinese and open nothing.
import type { PracticeResponse } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_OPEN_SOLO } from '../../server/src/practice/solo-limit.ts';
import { api, seedUser, startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

const openSolo = async (as: Awaited<ReturnType<typeof seedUser>>) =>
  (await api<PracticeResponse>(server, 'GET', '/api/conversations?status=open', { as })).body.conversations
    .length;

describe(`at most ${MAX_OPEN_SOLO} solo conversations at once`, () => {
  it('holds for twenty practice starts sent at once', async () => {
    const student = await seedUser(server.app, 'student', 'solo_racer');
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(server, 'POST', '/api/practice', { as: student, body: { mix: 1 } }),
      ),
    );
    const refused = results.filter((r) => r.status !== 200);
    expect(results.length - refused.length).toBe(MAX_OPEN_SOLO);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('too-many-open');
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await openSolo(student)).toBe(MAX_OPEN_SOLO);
  });

  it('holds for fifteen studio try-outs sent at once', async () => {
    const instructor = await seedUser(server.app, 'instructor', 'solo_try_racer');
    const copy = await api(server, 'POST', '/api/studio/scenarios/price-objection/copy', { as: instructor });
    expect(copy.status).toBe(200);
    const results = await Promise.all(
      Array.from({ length: 15 }, () =>
        api(server, 'POST', `/api/studio/scenarios/${copy.body.scenarioId}/try`, {
          as: instructor,
          body: { version: copy.body.version },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(MAX_OPEN_SOLO);
    expect(results.filter((r) => r.status === 409)).toHaveLength(15 - MAX_OPEN_SOLO);
    expect(await openSolo(instructor)).toBe(MAX_OPEN_SOLO);
  });
});
