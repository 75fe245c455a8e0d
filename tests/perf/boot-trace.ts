// npm run perf:trace — a Chromium performance trace of the perf page's boot (the real workbench with
// 5,000 messages and no server), and where the main thread's time went until the workbench was ready:
// top-level tasks by kind and the JavaScript profile's heaviest functions (self time). Reuses the perf
// page built by `npm run perf:client` (tests/.artifacts/perf-build-page). Writes the trace (open it in
// Chromium's Performance panel) to tests/.artifacts/boot-trace.json. Options: --messages N (5000), --runs N (3).
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../e2e/browser.ts';
import { serveDir } from './static-server.ts';

const { values } = parseArgs({
  options: { messages: { type: 'string', default: '5000' }, runs: { type: 'string', default: '3' } },
});
const root = resolve(import.meta.dirname, '../..');
// BOOT_TRACE_DIR: another build of the perf page (e.g. `vite build --minify false`, for readable names).
const dir = process.env.BOOT_TRACE_DIR ?? join(root, 'tests/.artifacts/perf-build-page');
if (!existsSync(join(dir, 'perf.html')))
  throw new Error('run `npm run perf:client` first (it builds the perf page)');

const { server, port } = await serveDir(dir);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; type?: string } };
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const browser = await launchChromium();
try {
  for (let run = 0; run < Number(values.runs); run++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'],
    });
    await page.goto(`http://127.0.0.1:${port}/perf.html?messages=${values.messages}`);
    await page.waitForFunction(
      () => (window as unknown as { __kefuPerf: { readyAt: number | null } }).__kefuPerf.readyAt !== null,
    );
    const probe = await page.evaluate(() => {
      const p = (window as unknown as { __kefuPerf: { readyAt: number; seedMs: number } }).__kefuPerf;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const paints = Object.fromEntries(
        performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]),
      );
      return {
        readyAt: p.readyAt,
        seedMs: p.seedMs,
        responseEnd: nav.responseEnd,
        domInteractive: nav.domInteractive,
        domContentLoaded: nav.domContentLoadedEventEnd,
        ...paints,
      };
    });
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    if (run === 0) writeFileSync(join(root, 'tests/.artifacts/boot-trace.json'), JSON.stringify(trace));

    // The renderer's main thread, from the navigation's commit to the end of the trace (just after ready).
    const thread = trace.traceEvents.find(
      (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
    );
    const main = trace.traceEvents.filter(
      (e) => e.pid === thread?.pid && e.tid === thread?.tid && e.ph === 'X',
    );
    const kinds = new Map<string, number>();
    for (const e of main) {
      if (
        [
          'FunctionCall',
          'EventDispatch',
          'Layout',
          'UpdateLayoutTree',
          'v8.evaluateModule',
          'v8.compileModule',
          'RunMicrotasks',
          'FireAnimationFrame',
          'Paint',
          'MinorGC',
          'MajorGC',
        ].includes(e.name)
      )
        kinds.set(e.name, (kinds.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    }
    const scrolls = main
      .filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'scroll')
      .reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
    kinds.set('scroll handlers', scrolls);
    // JS self time by function (the profile covers navigation to ready).
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const file = n.callFrame.url.split('/').pop() ?? '';
      const key = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    console.log(
      `\nrun ${run + 1}: ${JSON.stringify(probe, (_, v) => (typeof v === 'number' ? Math.round(v) : v))}`,
    );
    console.log('  main thread by kind (ms; FunctionCall and EventDispatch include the layouts they force):');
    for (const [k, v] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 12))
      console.log(`    ${v.toFixed(1).padStart(7)}  ${k}`);
    console.log('  JavaScript self time (ms):');
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18))
      console.log(`    ${v.toFixed(1).padStart(7)}  ${k}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
