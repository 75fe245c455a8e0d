// Vitest global setup of the browser tests: the workbench exactly as `npm start` serves it — client/dist,
// built by the same code as `npm run build`, and only when it is missing or older than its sources — handed
// to every e2e file (inject('clientDir')).
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from '../../scripts/build.js';
import { isStale, ROOT, TARGETS } from '../../scripts/build-state.js';

declare module 'vitest' {
  export interface ProvidedContext {
    clientDir: string;
  }
}

export default async function buildClient(project: TestProject): Promise<void> {
  if (isStale('client')) await build(['client']);
  project.provide('clientDir', join(ROOT, TARGETS.client.outDir));
}
