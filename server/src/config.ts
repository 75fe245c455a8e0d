// Server options, and how they are read from the environment (documented in the README's server section).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root. This module sits two folders below it both as source (server/src/config.ts) and in
 * the build (server/dist/main.js bundles it), so the default folders do not depend on where the server was
 * started from, nor on npm's variables.
 */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerOptions {
  /** Where the SQLite file lives (unused with `databaseUrl`). */
  dataDir: string;
  /** `postgres://…` runs on PostgreSQL (several processes may share it); null: SQLite in `dataDir`. */
  databaseUrl: string | null;
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
  /** PostgreSQL: a dead process's conversations are taken over after this long without its heartbeat. */
  leaseMs: number;
  /** SIGTERM: how long /readyz answers 503 before the sockets are handed over (for the proxy to notice). */
  drainDelayMs: number;
  /** Solo practice follows the learning path: a student starts only scenarios of units opened to them. */
  pathInOrder: boolean;
}

/** A setting the server cannot start with; `main.ts` prints its message alone, without a stack. */
export class ConfigError extends Error {}

/** Options from environment variables; relative paths are taken from `root` (the repository). */
export function optionsFromEnv(env: NodeJS.ProcessEnv, root: string = REPOSITORY_ROOT): ServerOptions {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT 无效：${env.PORT}（应为 0–65535 的整数）`);
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL 只支持 PostgreSQL（postgres://用户:密码@主机:端口/库名）；不设置则使用 SQLite',
    );
  }
  const path = env.LEARNING_PATH || 'ordered';
  if (path !== 'ordered' && path !== 'open') {
    throw new ConfigError(`LEARNING_PATH 无效：${path}（ordered：单元按顺序开放；open：全部开放）`);
  }
  return {
    dataDir: resolve(root, env.DATA_DIR || 'data'),
    databaseUrl,
    port,
    host: env.HOST || '0.0.0.0',
    publicOrigin: env.PUBLIC_ORIGIN ? env.PUBLIC_ORIGIN.replace(/\/$/, '') : null,
    scenariosDir: resolve(root, env.SCENARIOS_DIR || 'scenarios'),
    clientDir: resolve(root, env.CLIENT_DIR || 'client/dist'),
    logger: env.LOG !== '0' && env.LOG !== 'false',
    sessionTtlMs: (Number(env.SESSION_DAYS) || 14) * 24 * 60 * 60 * 1000,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    leaseMs: seconds(env, 'LEASE_SECONDS', 10, 1) * 1000,
    drainDelayMs: seconds(env, 'DRAIN_DELAY_SECONDS', 0, 0) * 1000,
    pathInOrder: path === 'ordered',
  };
}

function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new ConfigError(`${name} 无效：${raw}（秒数，至少 ${min}）`);
  return value;
}
