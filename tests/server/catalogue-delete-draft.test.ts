// 删除草稿 of a new catalogue file (新建品类 / 新建话术库, never published): only who saved it or an admin may
// throw it away — every saved version goes and the studio no longer lists it; another instructor gets 403,
// a student is not let in, and a shipped file is refused with its own code (it is in the catalogue's history).
import { newCataloguePath, newCatalogueTemplate } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, seedUser, startApp, type TestServer, type TestUser } from './helpers/server.ts';

const CATEGORY = newCataloguePath('scenarios/', 'category', 'throwaway-sports');
const PHRASES = newCataloguePath('scenarios/', 'phrases', 'throwaway-phrases');

let server: TestServer;
let author: TestUser;
let other: TestUser;
let admin: TestUser;
let student: TestUser;

beforeAll(async () => {
  server = await startApp();
  author = await seedUser(server.app, 'instructor', 'draft-author');
  other = await seedUser(server.app, 'instructor', 'draft-other');
  admin = await seedUser(server.app, 'admin', 'draft-admin');
  student = await seedUser(server.app, 'student', 'draft-student');
});
afterAll(async () => {
  await server.close();
  server.cleanup();
});

const save = (path: string, text: string, as = author) =>
  api(server, 'POST', '/api/studio/catalogue', { as, body: { path, text } });
const remove = (path: string, as: TestUser) =>
  api(server, 'DELETE', `/api/studio/catalogue?path=${encodeURIComponent(path)}`, { as });
const draftPaths = async () =>
  (await api(server, 'GET', '/api/studio/files', { as: admin })).body.catalogueDrafts.map(
    (d: { path: string }) => d.path,
  );

describe('删除草稿 of a new catalogue file', () => {
  it('lets its author delete every saved version; refuses other instructors and students', async () => {
    expect((await save(CATEGORY, newCatalogueTemplate('category', 'throwaway-sports', 'xhs1'))).status).toBe(
      200,
    );
    expect((await save(CATEGORY, newCatalogueTemplate('category', 'throwaway-sports', 'xhs2'))).status).toBe(
      200,
    );
    expect(await draftPaths()).toContain(CATEGORY);

    const refused = await remove(CATEGORY, other);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('catalogue-draft-not-owner');
    expect((await remove(CATEGORY, student)).status).toBe(403);
    expect(await draftPaths()).toContain(CATEGORY);

    const done = await remove(CATEGORY, author);
    expect(done.status).toBe(200);
    expect(await draftPaths()).not.toContain(CATEGORY);
    const history = await api(
      server,
      'GET',
      `/api/studio/catalogue/history?path=${encodeURIComponent(CATEGORY)}`,
      {
        as: author,
      },
    );
    expect(history.body.versions).toEqual([]);
    const again = await remove(CATEGORY, author);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('catalogue-draft-not-found');
  });

  it('lets an admin delete anyone’s draft', async () => {
    expect((await save(PHRASES, newCatalogueTemplate('phrases', 'throwaway-phrases', 'xhs3'))).status).toBe(
      200,
    );
    expect((await remove(PHRASES, admin)).status).toBe(200);
    expect(await draftPaths()).not.toContain(PHRASES);
  });

  it('refuses a shipped file with its own code', async () => {
    const files = (await api(server, 'GET', '/api/studio/files', { as: author })).body.files as {
      path: string;
    }[];
    const lexicon = files.find((f) => f.path.endsWith('lexicon.yaml'))!.path;
    const res = await remove(lexicon, admin);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('catalogue-file-published');
    expect(res.body.error.message).toContain('不能删除');
  });
});
