#!/usr/bin/env node
// Entry of the `kefu` workspace bin: runs the TypeScript CLI from its source through tsx, registered in this
// process (Node 20 cannot run .ts itself). The CLI is an authoring tool used in the repository next to the
// scenarios, so it runs the source rather than a build: never stale, nothing to build before `kefu check`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/kefu.ts');
