// Server options, and how they are read from the environment (documented in the README's server section).
import { resolve } from 'node:path';

export interface ServerOptions {
  /** Where the SQLite file lives. */
  dataDir: string;
  port: number;
  host: string;
  /** The origin browsers use to reach the server (http://host:port); state-changing requests must come from it. */
  publicOrigin: string | null;
  scenariosDir: string;
  /** Built client to serve (SPA); null or missing folder: API only. */
  clientDir: string | null;
  logger: boolean;
  /** Session lifetime. */
  sessionTtlMs: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (login limits are per address). */
  trustProxy: boolean;
}

export function optionsFromEnv(env: NodeJS.ProcessEnv, cwd: string): ServerOptions {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${env.PORT}`);
  return {
    dataDir: resolve(cwd, env.DATA_DIR || 'data'),
    port,
    host: env.HOST || '0.0.0.0',
    publicOrigin: env.PUBLIC_ORIGIN ? env.PUBLIC_ORIGIN.replace(/\/$/, '') : null,
    scenariosDir: resolve(cwd, env.SCENARIOS_DIR || 'scenarios'),
    clientDir: resolve(cwd, env.CLIENT_DIR || 'client/dist'),
    logger: env.LOG !== '0' && env.LOG !== 'false',
    sessionTtlMs: (Number(env.SESSION_DAYS) || 14) * 24 * 60 * 60 * 1000,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  };
}
