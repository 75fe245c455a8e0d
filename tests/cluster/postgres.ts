// A throwaway PostgreSQL cluster from Debian's `postgresql` package: initdb into a temp folder, its own free
// port on 127.0.0.1 and its socket in that folder, no system service. initdb refuses to run as root, so as
// root it runs as the `postgres` user. `stop()` shuts it down and deletes the folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayPostgres {
  /** Superuser URL of the `postgres` database. */
  url: string;
  port: number;
  stop(): void;
}

/** The newest installed server's bin folder (PG_BIN overrides). */
export function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      '没有找到 PostgreSQL（initdb）：请安装 Debian 的 postgresql 软件包（apt-get install postgresql）',
    );
  }
  return join(root, versions[0]!, 'bin');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no free port'));
      });
    });
  });
}

/** Runs a PostgreSQL binary as the cluster's owner (`postgres` when we are root). */
function asOwner(bin: string, args: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', bin, ...args] : [bin, ...args];
}

function run(command: string[], what: string): void {
  const result = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${what} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
}

export async function startPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'kefu-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const pgCtl = (args: string[]) => asOwner(join(bin, 'pg_ctl'), ['-D', data, ...args]);
  let started = false;
  const stop = () => {
    if (started) {
      const [command, ...args] = pgCtl(['stop', '-m', 'immediate', '-w']);
      spawnSync(command!, args);
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const initdb = ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'];
    run(asOwner(join(bin, 'initdb'), initdb), 'initdb');
    // Loopback only, its own socket folder; room for two servers' pools, the tests and the adapters.
    appendFileSync(
      join(data, 'postgresql.conf'),
      [
        '',
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'max_connections = 200',
        'shared_buffers = 64MB',
        '',
      ].join('\n'),
    );
    run(pgCtl(['start', '-w', '-t', '60', '-l', join(dir, 'server.log')]), 'pg_ctl start');
    started = true;
  } catch (err) {
    stop();
    throw err;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop };
}
