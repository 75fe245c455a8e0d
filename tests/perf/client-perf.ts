// npm run perf:client — the workbench's client-side budget, measured on a production build:
//  1. initial JS (entry + statically imported chunks, gzip) of the normal build;
//  2. in headless Chromium (the system's /usr/bin/chromium; never downloaded), on the perf page (the real
//     workbench with 5,000 messages in the open conversation and no server): time until the workbench is
//     ready, keystroke latency while typing in the composer against bare <textarea>s typed into in turn, key
//     by key (see `measure`), and the DOM size.
// Writes tests/.artifacts/perf-client.json. Options: --messages N (5000), --keys N (120 per field and page
// load), --runs N (3 page loads), --json (the last line is then one JSON object: initialJsGzipKb,
// keystrokeP95Ms, bareKeystrokeP95Ms, readyP50Ms, and bareSamePageKeystrokeP95Ms, keystrokeRatioPerRun).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser.ts';
import { serveDir } from './static-server.ts';

// Issue 12's goals: typing within 1.3× the bare textarea's p95 in the same run, ready within 500 ms.
const TARGETS = { initialJsGzipKb: 120, keyToPaintP95VsBare: 1.3, readyP50Ms: 500 };

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '5000' },
    keys: { type: 'string', default: '120' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});
const messages = Number(values.messages);
const keys = Number(values.keys);
const runs = Number(values.runs);

const root = resolve(import.meta.dirname, '../..');
const clientDir = join(root, 'client');
const artifacts = join(root, 'tests/.artifacts');
const normalOut = join(artifacts, 'perf-build');
const perfOut = join(artifacts, 'perf-build-page');
mkdirSync(artifacts, { recursive: true });

function build(outDir: string, env: Record<string, string> = {}): void {
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: clientDir,
      env: { ...process.env, ...env },
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error(`vite build failed (${outDir})`);
}

/** The JS a first visit downloads before anything renders: the entry script and its modulepreloads. */
function initialJs(outDir: string): { files: { file: string; bytes: number; gzip: number }[]; gzip: number } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  const files = [...new Set([...srcs, ...preloads])].map((href) => {
    const content = readFileSync(join(outDir, href.replace(/^\//, '')));
    return { file: href, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
  return { files, gzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** One keystroke as the pages' probe (client/src/perf/keystroke-probe.ts) recorded it. */
interface KeySample {
  target: string;
  commit: number | null;
  paint: number | null;
}

console.log('building the workbench (normal build and perf page)…');
build(normalOut);
build(perfOut, { KEFU_PERF_BUILD: '1' });
const initial = initialJs(normalOut);

const { server, port } = await serveDir(perfOut);
// One browser per field: headless Chromium throttles the frames and tasks of every page but the one in
// front, so the three pages typed into in turn must each be the only page of their browser.
const browsers = await Promise.all([launchChromium(), launchChromium(), launchChromium()]);

/** The three fields typed into, in turn, on every page load. */
const TARGETS_TYPED = ['composer', 'bareSamePage', 'bareBlank'] as const;
type Target = (typeof TARGETS_TYPED)[number];
// Each field's first keys of a page load are not counted (the same for every field): JIT and first-use costs.
const WARM_UP = 5;
// The composer sends every SEND_EVERY of its keys; the bare fields are emptied at the same pace.
const SEND_EVERY = 20;

interface Samples {
  paint: number[];
  commit: number[];
}
interface Run {
  ready: number;
  byTarget: Record<Target, Samples>;
}
interface Measured {
  runs: Run[];
  domNodes: number;
  domNodesAfterTyping: number;
}

// Pinyin as typed on a keyboard: with an IME every Chinese character starts as Latin keystrokes.
const TYPED = 'qin zhe kuan yu rong fu hei se he mi bai se dou you xian huo 165 de shen gao jian yi na M ma ';

const readKeys = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __kefuKeys?: KeySample[]; __kefuPerf?: { keys: KeySample[] } };
    return w.__kefuKeys ?? w.__kefuPerf!.keys;
  });

async function openPerfPage(browser: Browser, count: number): Promise<{ page: Page; ready: number }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/perf.html?messages=${count}`);
  await page.waitForFunction(
    () => (window as unknown as { __kefuPerf: { readyAt: number | null } }).__kefuPerf.readyAt !== null,
    null,
    { timeout: 60_000 },
  );
  const ready = await page.evaluate(
    () => (window as unknown as { __kefuPerf: { readyAt: number } }).__kefuPerf.readyAt,
  );
  return { page, ready };
}

/**
 * Every page load types `keys` keys into each of three fields, one key at a time in turn, so that whatever
 * else the machine is doing lands alike on all three: the workbench's composer; a bare <textarea> outside
 * React on a second perf page (the same workbench, history and timers); and a bare <textarea> alone on a
 * blank page. Each field has its own page (in its own browser) and keeps its focus, so no keystroke follows
 * a focus change; one probe module times all three. The composer sends every SEND_EVERY keys, just before one of its own keys
 * (so what a send leaves to do lands on the composer; Enter itself is not timed), and the bare fields are
 * emptied at the same pace.
 */
async function measure(count: number, times: number): Promise<Measured> {
  const out: Measured = { runs: [], domNodes: 0, domNodesAfterTyping: 0 };
  for (let run = 0; run < times; run++) {
    const { page, ready } = await openPerfPage(browsers[0]!, count);
    out.domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const { page: second } = await openPerfPage(browsers[1]!, count);
    const blank = await browsers[2]!.newPage({ viewport: { width: 1366, height: 800 } });
    await blank.goto(`http://127.0.0.1:${port}/perf-bare.html`);
    const fields: Record<Target, { page: Page; locator: Locator }> = {
      composer: { page, locator: page.getByRole('combobox', { name: '输入消息' }) },
      bareSamePage: { page: second, locator: second.locator('textarea.perf-bare') },
      bareBlank: { page: blank, locator: blank.locator('textarea.perf-bare') },
    };
    for (const target of TARGETS_TYPED) await fields[target].locator.click();
    for (let i = 0; i < keys; i++) {
      const key = TYPED[i % TYPED.length]!;
      // The order within a round turns, so no field always follows another.
      const order = [...TARGETS_TYPED.slice(i % 3), ...TARGETS_TYPED.slice(0, i % 3)];
      for (const target of order) {
        const field = fields[target];
        if (i > 0 && i % SEND_EVERY === 0) {
          if (target === 'composer') {
            await field.page.keyboard.press('Enter');
            await field.page.waitForTimeout(80);
          } else await field.locator.evaluate((el: HTMLTextAreaElement) => (el.value = ''));
        }
        // A brisk typist's pace (about 12 keys a second), so each keystroke is measured on its own.
        await field.page.keyboard.press(key);
        await field.page.waitForTimeout(80);
      }
    }
    await page.waitForTimeout(200);
    const byTarget = {} as Record<Target, Samples>;
    for (const target of TARGETS_TYPED) {
      const samples = await readKeys(fields[target].page);
      const expected = target === 'composer' ? 'composer' : 'bare';
      if (samples.length !== keys || samples.some((k) => k.target !== expected))
        throw new Error(`${target}: ${samples.length} keystrokes recorded, ${keys} typed`);
      const counted = samples.slice(WARM_UP);
      byTarget[target] = {
        paint: counted.flatMap((k) => (k.paint === null ? [] : [k.paint])),
        commit: counted.flatMap((k) => (k.commit === null ? [] : [k.commit])),
      };
    }
    out.runs.push({ ready, byTarget });
    out.domNodesAfterTyping = await page.evaluate(() => document.getElementsByTagName('*').length);
    await Promise.all([page.close(), second.close(), blank.close()]);
  }
  return out;
}

let main: Measured;
let baseline: Measured;
try {
  main = await measure(messages, runs);
  // The same page with a short history: what typing costs here when the history is not a factor.
  baseline = await measure(10, 1);
} finally {
  await Promise.all(browsers.map((b) => b.close()));
  server.close();
}

const pooled = (m: Measured, target: Target, kind: keyof Samples) =>
  m.runs.flatMap((r) => r.byTarget[target][kind]);
const perRun = main.runs.map((r) => {
  const p95 = (xs: number[]) => stats(xs).p95;
  const composer = p95(r.byTarget.composer.paint);
  const bare = p95(r.byTarget.bareBlank.paint);
  const bareSamePage = p95(r.byTarget.bareSamePage.paint);
  return {
    readyMs: Math.round(r.ready * 10) / 10,
    keyToPaintP95Ms: { composer, bareBlank: bare, bareSamePage },
    ratio: Math.round((composer / bare) * 100) / 100,
    ratioSamePage: Math.round((composer / bareSamePage) * 100) / 100,
  };
});

const result = {
  at: new Date().toISOString(),
  messages,
  keystrokesPerRun: keys,
  runs,
  method: { interleaved: 'one key per field in turn', warmUpKeysUncounted: WARM_UP, fields: TARGETS_TYPED },
  initialJs: { gzipKb: Math.round((initial.gzip / 1024) * 10) / 10, files: initial.files },
  workbenchReadyMs: stats(main.runs.map((r) => r.ready)),
  keyToPaintMs: stats(pooled(main, 'composer', 'paint')),
  keyToCommitMs: stats(pooled(main, 'composer', 'commit')),
  domNodes: main.domNodes,
  domNodesAfterTyping: main.domNodesAfterTyping,
  bareTextarea: {
    keyToPaintMs: stats(pooled(main, 'bareBlank', 'paint')),
    keyToCommitMs: stats(pooled(main, 'bareBlank', 'commit')),
  },
  bareTextareaSamePage: {
    keyToPaintMs: stats(pooled(main, 'bareSamePage', 'paint')),
    keyToCommitMs: stats(pooled(main, 'bareSamePage', 'commit')),
  },
  perRun,
  baseline10Messages: {
    workbenchReadyMs: stats(baseline.runs.map((r) => r.ready)),
    keyToPaintMs: stats(pooled(baseline, 'composer', 'paint')),
    keyToCommitMs: stats(pooled(baseline, 'composer', 'commit')),
  },
  targets: TARGETS,
};
writeFileSync(join(artifacts, 'perf-client.json'), `${JSON.stringify(result, null, 2)}\n`);

const ok = (pass: boolean) => (pass ? 'ok' : 'OVER');
const ratio = result.keyToPaintMs.p95 / result.bareTextarea.keyToPaintMs.p95;
const ratios = perRun.map((r) => r.ratio);
console.log(`
Workbench client performance (${messages} messages in the open conversation, ${runs} page loads, each typing
${keys} keys into the composer and into two bare <textarea>s, one key each in turn, the first ${WARM_UP} of each not counted)
  initial JS (gzip)           ${result.initialJs.gzipKb} KB   target ≤ ${TARGETS.initialJsGzipKb} KB  ${ok(result.initialJs.gzipKb <= TARGETS.initialJsGzipKb)}
  workbench ready             p50 ${result.workbenchReadyMs.p50} ms, max ${result.workbenchReadyMs.max} ms (navigation start → newest message on screen)   target p50 ≤ ${TARGETS.readyP50Ms} ms  ${ok(result.workbenchReadyMs.p50 <= TARGETS.readyP50Ms)}
  keystroke → paint           p50 ${result.keyToPaintMs.p50} ms, p95 ${result.keyToPaintMs.p95} ms, max ${result.keyToPaintMs.max} ms (n ${result.keyToPaintMs.n})   ×${ratio.toFixed(2)} the bare textarea's p95, target ≤ ${TARGETS.keyToPaintP95VsBare}×  ${ok(ratio <= TARGETS.keyToPaintP95VsBare)}
  keystroke → DOM committed   p50 ${result.keyToCommitMs.p50} ms, p95 ${result.keyToCommitMs.p95} ms, max ${result.keyToCommitMs.max} ms
  bare <textarea>, blank page keystroke → paint p50 ${result.bareTextarea.keyToPaintMs.p50} ms, p95 ${result.bareTextarea.keyToPaintMs.p95} ms (n ${result.bareTextarea.keyToPaintMs.n}); → DOM p50 ${result.bareTextarea.keyToCommitMs.p50} ms, p95 ${result.bareTextarea.keyToCommitMs.p95} ms
  bare <textarea>, perf page  keystroke → paint p50 ${result.bareTextareaSamePage.keyToPaintMs.p50} ms, p95 ${result.bareTextareaSamePage.keyToPaintMs.p95} ms (n ${result.bareTextareaSamePage.keyToPaintMs.n}); → DOM p50 ${result.bareTextareaSamePage.keyToCommitMs.p50} ms, p95 ${result.bareTextareaSamePage.keyToCommitMs.p95} ms
  per page load               ${perRun.map((r) => `p95 ${r.keyToPaintP95Ms.composer} vs ${r.keyToPaintP95Ms.bareBlank} (same page ${r.keyToPaintP95Ms.bareSamePage}) ms ×${r.ratio}`).join('; ')}
  ratio spread                ×${Math.min(...ratios)}–×${Math.max(...ratios)} between page loads
  DOM nodes                   ${result.domNodes} at ready, ${result.domNodesAfterTyping} after typing
  same page, 10 messages      ready ${result.baseline10Messages.workbenchReadyMs.p50} ms; keystroke → paint p95 ${result.baseline10Messages.keyToPaintMs.p95} ms, → DOM p95 ${result.baseline10Messages.keyToCommitMs.p95} ms
  → tests/.artifacts/perf-client.json`);
if (values.json)
  console.log(
    JSON.stringify({
      initialJsGzipKb: result.initialJs.gzipKb,
      keystrokeP95Ms: result.keyToPaintMs.p95,
      bareKeystrokeP95Ms: result.bareTextarea.keyToPaintMs.p95,
      readyP50Ms: result.workbenchReadyMs.p50,
      bareSamePageKeystrokeP95Ms: result.bareTextareaSamePage.keyToPaintMs.p95,
      keystrokeRatioPerRun: ratios,
    }),
  );
