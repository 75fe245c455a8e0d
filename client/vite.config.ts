// Vite config for the workbench. The dev server proxies the API and the socket to the Fastify server,
// so the browser stays same-origin and the HttpOnly session cookie just works.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = process.env.KEFU_SERVER ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
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
      ? { input: { main: 'index.html', perf: 'perf.html' } }
      : undefined,
  },
});
