// `npm run test:cluster`: a throwaway PostgreSQL (Debian's postgresql package), the server suite on it (every
// repository and live-practice test, the storage tests per dialect), then two real server processes against
// each other (tests/cluster/). The cluster is stopped and deleted however this ends.
import { spawn } from 'node:child_process';
import { startPostgres, type ThrowawayPostgres } from './postgres.ts';

let postgres: ThrowawayPostgres | null = null;
const stop = () => {
  postgres?.stop();
  postgres = null;
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stop();
    process.exit(130);
  });
}

function vitest(label: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args], {
      stdio: 'inherit',
      env,
    });
    child.on('exit', (code) => {
      console.log(
        `\n${label}: ${code === 0 ? '通过' : '失败'}，用时 ${((performance.now() - t0) / 1000).toFixed(0)} 秒`,
      );
      resolve(code ?? 1);
    });
  });
}

const t0 = performance.now();
try {
  postgres = await startPostgres();
  console.log(
    `临时 PostgreSQL：127.0.0.1:${postgres.port}（${((performance.now() - t0) / 1000).toFixed(1)} 秒）`,
  );
  const env = { ...process.env, KEFU_TEST_PG: postgres.url };
  // While working on something: `-- --cluster-only` runs just the two-process tests; `-- <vitest args>` just
  // those server tests on PostgreSQL (e.g. a file and -t "a name").
  const args = process.argv.slice(2);
  const only = args.filter((a) => a !== '--cluster-only');
  const suite = args.includes('--cluster-only')
    ? 0
    : await vitest(
        '服务器测试（PostgreSQL）',
        ['--project', 'node', ...(only.length > 0 ? only : ['tests/server'])],
        env,
      );
  const cluster =
    suite === 0 && only.length === 0 ? await vitest('双进程测试', ['--project', 'cluster'], env) : suite;
  process.exitCode = suite === 0 && cluster === 0 ? 0 : 1;
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  stop();
  console.log(`test:cluster 总用时 ${((performance.now() - t0) / 1000).toFixed(0)} 秒`);
}
