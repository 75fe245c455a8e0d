// The server as production runs it: the build (server/dist/main.js, made by the same code as `npm run build`
// when missing or stale) in plain Node, no TypeScript loader. A port that is taken or a bad setting ends the
// start with one Chinese line saying what to do and exit code 1 (no stack trace), and leaves nothing half
// done — the first admin is created, and its password printed, by the next start that succeeds.
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.js';
import { isStale, ROOT, TARGETS } from '../../scripts/build-state.js';
import { SCENARIOS_DIR, tempDataDir } from './helpers/server.ts';

const dataDir = tempDataDir();
let blocker: Server;
let takenPort = 0;
const children: ChildProcess[] = [];

const SERVER = join(ROOT, TARGETS.server.outDir, TARGETS.server.entry);

beforeAll(async () => {
  if (isStale('server')) await build(['server']);
  blocker = createServer();
  await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
  takenPort = (blocker.address() as { port: number }).port;
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await new Promise((done) => blocker.close(done));
  rmSync(dataDir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the server with `env` on top of a test setup; resolves when it exits or has printed its URL. */
function startServerProcess(env: Record<string, string>): Promise<Run & { child: ChildProcess }> {
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', SCENARIOS_DIR, CLIENT_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const run = { child, code: null as number | null, stdout: '', stderr: '' };
  return new Promise((done) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      run.stdout += chunk.toString();
      if (run.stdout.includes('客服实训已启动')) done(run);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      run.stderr += chunk.toString();
    });
    child.once('exit', (code) => {
      run.code = code;
      done(run);
    });
  });
}

describe('starting the server', () => {
  it('names the taken port and PORT in one Chinese line, exits 1, and creates no admin', async () => {
    const run = await startServerProcess({ PORT: String(takenPort) });
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`端口 ${takenPort} 已被占用`);
    expect(lines[0]).toMatch(/PORT=\d+ npm start/);
    expect(run.stderr).not.toMatch(/Error|\bat /);
    expect(run.stdout).not.toContain('一次性密码');
  });

  it('refuses a bad PORT the same way', async () => {
    const run = await startServerProcess({ PORT: 'eighty' });
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd()).toBe('PORT 无效：eighty（应为 0–65535 的整数）');
  });

  it('after a failed start, the next start on a free port creates the admin and prints its password', async () => {
    const run = await startServerProcess({ PORT: '0', LOG: '0' });
    expect(run.code).toBeNull();
    expect(run.stdout).toMatch(/一次性密码：\S{12}/);
    const url = /客服实训已启动：(\S+)/.exec(run.stdout)![1]!;
    expect((await fetch(`${url}/api/auth/me`)).status).toBe(401);
    await new Promise((done) => {
      run.child.once('exit', done);
      run.child.kill('SIGTERM');
    });
    expect(run.child.exitCode).toBe(0);
  });
});
