// Vitest global setup of the browser tests: builds the workbench once, into a folder of its own, and hands
// its path to every e2e file (inject('clientDir')), so the tests never depend on a stale client/dist.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    clientDir: string;
  }
}

export default function buildClient(project: TestProject): void {
  const outDir = resolve('tests/.artifacts/e2e-client');
  const built = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: resolve('client'),
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) throw new Error('the client build for the browser tests failed');
  project.provide('clientDir', outDir);
}
