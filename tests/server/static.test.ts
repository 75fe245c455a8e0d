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

  it('serves a build made while the server runs (npm run build beside a running server): its new assets, not the page', async () => {
    // The new index.html names assets the server did not see at start; serving the page for them would
    // leave every browser that loads it with a blank screen until a restart.
    writeFileSync(join(clientDir, 'assets', 'app-def456.js'), 'console.log(2)');
    const res = await api(server, 'GET', '/assets/app-def456.js', { origin: null });
    expect(res.status).toBe(200);
    expect(res.text).toBe('console.log(2)');
    expect(res.headers.get('content-type')).toContain('javascript');
  });

  it("answers an asset that is not there with 404, not the page (an old build's chunk after an update)", async () => {
    const res = await api(server, 'GET', '/assets/gone-111111.js', { origin: null });
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('<div id="root">');
  });

  it('answers unknown API paths with JSON, not the page', async () => {
    const res = await api(server, 'GET', '/api/does-not-exist', { origin: null });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'route-not-found' } });
  });
});
