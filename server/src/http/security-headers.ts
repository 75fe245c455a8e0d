// Security headers on every response: a Content-Security-Policy under which the workbench, the studio's
// editor (CodeMirror injects its styles) and the charts (ECharts draws on canvas, sets inline styles) work,
// while nothing from another origin is loaded and no page of ours can be framed. Plain http on a campus
// network must keep working, so no upgrade-insecure-requests, and HSTS only when the public origin is https.
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  // WebAssembly may be compiled (the studio's proofs judge with jieba's WebAssembly); JavaScript eval stays off.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // CodeMirror and ECharts set styles from script; styles cannot run code.
  'style-src': ["'self'", "'unsafe-inline'"],
  // Buyer avatars are the library's own files; data: and blob: for generated images (chart export).
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  // The API and Socket.IO (its WebSocket included) on our own origin only.
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export default fp(
  async (app, opts: { https: boolean }) => {
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      frameguard: { action: 'deny' },
      strictTransportSecurity: opts.https ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false } : false,
      referrerPolicy: { policy: 'same-origin' },
    });
  },
  { name: 'security-headers' },
);
