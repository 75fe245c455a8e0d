#!/usr/bin/env node
// Entry of the `kefu` workspace bin: runs the TypeScript CLI through tsx (Node 20 cannot run .ts itself).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsxCli = require.resolve('tsx/cli');
const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'kefu.ts');
const result = spawnSync(process.execPath, [tsxCli, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
