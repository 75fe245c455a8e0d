// One port serves the built client (SPA: unknown paths get index.html) and the API (unknown API paths get
// a JSON error, never the page).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startApp, type TestServer, tempDataDir } from './helpers/server.ts';

let server: TestServer;
const clientDir = tempDataDir();

beforeAll(async () => {
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>客服实训</title><div id="root"></div>');
  writeFileSync(join(clientDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  server = await startApp({ clientDir });
});
afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('serving the client', () => {
  it('serves index.html at / and for client-side routes', async () => {
    for (const path of ['/', '/workbench', '/reports/classes/x']) {
      const res = await api(server, 'GET', path, { origin: null });
      expect(res.status, path).toBe(200);
      expect(res.text).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a long cache', async () => {
    const res = await api(server, 'GET', '/assets/app-abc123.js', { origin: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('answers unknown API paths with JSON, not the page', async () => {
    const res = await api(server, 'GET', '/api/does-not-exist', { origin: null });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'route-not-found' } });
  });
});
