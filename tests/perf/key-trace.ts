// A Chromium performance trace of typing in the perf page's composer (the real workbench with 5,000
// messages and no server) next to typing in a bare <textarea> on the same page load: what the renderer's
// main thread does per keystroke (event handlers by event type, style recalculation and how many elements
// it touched, layout, paint, timers, garbage collection) and the JavaScript profile's heaviest functions.
// Reuses the perf page built by `npm run perf:client` (tests/.artifacts/perf-build-page); KEY_TRACE_DIR=
// another build of it (e.g. `vite build --minify false`, for readable function names). Writes the first
// run's traces (open them in Chromium's Performance panel) to tests/.artifacts/key-trace.json and
// key-trace-bare.json.
// Options: --messages N (5000), --keys N (60), --runs N (2).
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser.ts';
import { serveDir } from './static-server.ts';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '5000' },
    keys: { type: 'string', default: '60' },
    runs: { type: 'string', default: '2' },
  },
});
const keys = Number(values.keys);
const root = resolve(import.meta.dirname, '../..');
const dir = process.env.KEY_TRACE_DIR ?? join(root, 'tests/.artifacts/perf-build-page');
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
  args?: {
    name?: string;
    elementCount?: number;
    data?: { type?: string; functionName?: string; url?: string };
    beginData?: { dirtyObjects?: number; totalObjects?: number };
  };
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const TYPED = 'qin zhe kuan yu rong fu hei se he mi bai se dou you xian huo 165 de shen gao jian yi na M ma ';
const KINDS = [
  'EventDispatch',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]! : 0;
};

/** Types `keys` keys into the focused field under a trace; returns the per-keystroke breakdown. */
async function traceTyping(page: Page, label: string, write: string | null): Promise<void> {
  const browser = page.context().browser()!;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, {
    categories: ['toplevel', 'devtools.timeline', 'v8.execute', 'blink.user_timing', 'v8'],
  });
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(TYPED[i % TYPED.length]!);
    await page.waitForTimeout(80);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await cdp.detach();
  if (write) writeFileSync(join(root, `tests/.artifacts/${write}`), JSON.stringify(trace));

  const thread = trace.traceEvents.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid !== undefined,
  );
  const main = trace.traceEvents
    .filter((e) => e.pid === thread?.pid && e.tid === thread?.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const keydowns = main.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  // Each keystroke's window: from its keydown to the next one (the page is otherwise idle while typing).
  const perKey: Map<string, number>[] = keydowns.map(() => new Map());
  for (const e of main) {
    let k = -1;
    for (let i = keydowns.length - 1; i >= 0; i--)
      if (keydowns[i]!.ts <= e.ts) {
        k = i;
        break;
      }
    if (k < 0) continue;
    const bucket = perKey[k]!;
    const add = (name: string, ms: number) => bucket.set(name, (bucket.get(name) ?? 0) + ms);
    const ms = (e.dur ?? 0) / 1000;
    if (e.name === 'ThreadControllerImpl::RunTask') add('all tasks (main thread busy)', ms);
    else if (e.name === 'EventDispatch') add(`EventDispatch ${e.args?.data?.type}`, ms);
    else if (KINDS.includes(e.name)) add(e.name, ms);
    if (e.name === 'UpdateLayoutTree') add('  elements restyled', e.args?.elementCount ?? 0);
    if (e.name === 'Layout') add('  layout objects dirty', e.args?.beginData?.dirtyObjects ?? 0);
  }
  const names = [...new Set(perKey.flatMap((m) => [...m.keys()]))].sort();
  console.log(`\n${label}: ${keydowns.length} keystrokes traced; per keystroke (median / p95 / total):`);
  for (const name of names) {
    const xs = perKey.map((m) => m.get(name) ?? 0);
    const total = xs.reduce((a, b) => a + b, 0);
    console.log(
      `  ${median(xs).toFixed(2).padStart(7)} ${p95(xs).toFixed(2).padStart(7)} ${total.toFixed(1).padStart(8)}  ${name}`,
    );
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const file = n.callFrame.url.split('/').pop() ?? '';
    const key = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  self.delete('(idle) :0');
  console.log('  JavaScript self time over all keystrokes (ms):');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`    ${v.toFixed(1).padStart(7)}  ${k}`);
}

const browser = await launchChromium();
try {
  for (let run = 0; run < Number(values.runs); run++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await page.goto(`http://127.0.0.1:${port}/perf.html?messages=${values.messages}`);
    await page.waitForFunction(
      () => (window as unknown as { __kefuPerf: { readyAt: number | null } }).__kefuPerf.readyAt !== null,
    );
    await page.getByRole('combobox', { name: '输入消息' }).click();
    await traceTyping(page, `run ${run + 1}, the composer`, run === 0 ? 'key-trace.json' : null);
    await page.locator('textarea.perf-bare').click();
    await traceTyping(
      page,
      `run ${run + 1}, the bare textarea on the same page`,
      run === 0 ? 'key-trace-bare.json' : null,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
