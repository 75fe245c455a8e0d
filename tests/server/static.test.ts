// One port serves the built client (SPA: unknown paths get index.html) and the API (unknown API paths get
// a JSON error, never the page).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer, tempDataDir } from './helpers/server.ts';

let server: TestServer;
const clientDir = tempDataDir();

beforeAll(async () => {
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>客服实训</title><div id="root"></div>');
  writeFileSync(join(clientDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  server = await startServer({ clientDir });
});
afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('serving the client', () => {
  it('serves index.html at / and for client-side routes', async () => {
    for (const path of ['/', '/workbench', '/reports/classes/x']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a long cache', async () => {
    const res = await fetch(`${server.url}/assets/app-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('answers unknown API paths with JSON, not the page', async () => {
    const res = await fetch(`${server.url}/api/does-not-exist`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'route-not-found' } });
  });
});
