// @ts-check
// `npm start`: builds what is missing or out of date (so `npm ci && npm start` works on a fresh clone), then
// runs the built server in this process with plain Node. With an up-to-date build nothing is compiled and
// neither Vite nor esbuild is needed.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, staleTargets, TARGETS } from './build-state.js';

const NAMES = { client: '工作台', server: '服务器' };

const stale = staleTargets();
if (stale.length > 0) {
  console.log(`正在构建${stale.map((target) => NAMES[target]).join('和')}（首次启动或源码有改动）…`);
  try {
    const { build } = await import('./build.js');
    await build(stale);
  } catch (err) {
    const { code, message } = /** @type {NodeJS.ErrnoException} */ (err);
    if (code !== 'ERR_MODULE_NOT_FOUND' || !/'(vite|esbuild)'/.test(message)) throw err;
    console.error(
      '构建缺失或已过期，而本机没有安装构建工具（Vite、esbuild）：请先运行 npm ci（不加 --omit=dev），或在别处 npm run build 后连同 client/dist 和 server/dist 一起部署',
    );
    process.exit(1);
  }
}
// Stack traces in the log point at the TypeScript sources.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(ROOT, TARGETS.server.outDir, TARGETS.server.entry)).href);
