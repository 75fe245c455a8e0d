// Vite config for the workbench. The dev server proxies the API and the socket to the Fastify server,
// so the browser stays same-origin and the HttpOnly session cookie just works.

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { routes } from '../shared/src/protocol.ts';

const server = process.env.KEFU_SERVER ?? 'http://127.0.0.1:3000';

const ROUTE_LINKS = 'virtual:kefu-route-links';
/**
 * The route table's methods and paths as plain data (client/src/api/route-links.ts): the browser builds
 * URLs from them and is typed by the table, but does not download zod and the schemas to do so.
 */
function routeLinks(): Plugin {
  const links = Object.fromEntries(
    Object.entries(routes).map(([group, table]) => [
      group,
      Object.fromEntries(Object.entries(table).map(([name, { method, path }]) => [name, { method, path }])),
    ]),
  );
  return {
    name: 'kefu-route-links',
    resolveId: (id) => (id === ROUTE_LINKS ? `\0${ROUTE_LINKS}` : null),
    load: (id) => (id === `\0${ROUTE_LINKS}` ? `export const routes = ${JSON.stringify(links)};` : null),
  };
}

export default defineConfig({
  plugins: [react(), routeLinks()],
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/socket.io': { target: server, ws: true, changeOrigin: false },
    },
  },
  // The studio proves in a module worker (it imports the shared core and loads jieba's WebAssembly).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // The perf page (5,000 seeded messages) is a second entry, only built when asked for.
    rollupOptions: process.env.KEFU_PERF_BUILD
      ? { input: { main: 'index.html', perf: 'perf.html', perfBare: 'perf-bare.html' } }
      : undefined,
  },
});
