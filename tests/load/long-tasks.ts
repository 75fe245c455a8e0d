// Long tasks of a CPU profile: `npx tsx tests/load/long-tasks.ts FILE.cpuprofile [--over MS]` (default 5 ms).
// A task is a stretch of consecutive samples in which the thread was not idle; each is told by what started
// it (the event loop's entry: a timer, a socket read, setImmediate, an HTTP request…) and by the functions of
// ours (server/src, shared/src) and the packages it spent its time in. For the load benchmark's measured
// window: `LOAD_WINDOW_CPU_PROF=FILE npm run load -- …` (docs/performance.md, eighth session).
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('用法：npx tsx tests/load/long-tasks.ts FILE.cpuprofile [--over MS]');
const overIndex = process.argv.indexOf('--over');
const overMs = overIndex > 0 ? Number(process.argv[overIndex + 1]) : 5;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** Root → leaf frames of a sample's node. */
function stackOf(id: number): ProfileNode[] {
  const stack: ProfileNode[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
  return stack.reverse();
}

const where = (f: CallFrame) => {
  const path = f.url.replace(/^file:\/\//, '');
  const short = path.includes('/node_modules/')
    ? path.slice(path.lastIndexOf('/node_modules/') + 14).split('/')[0]!
    : path.split('/').slice(-1)[0]!;
  return `${f.functionName || '(anonymous)'} ${short}${f.url ? `:${f.lineNumber + 1}` : ''}`;
};

/** What started the task: the event loop's entry into JavaScript. */
function entryOf(stack: ProfileNode[]): string {
  const names = stack.map((n) => n.callFrame.functionName);
  const leaf = names[names.length - 1] ?? '';
  if (leaf === '(garbage collector)') return 'GC';
  if (names.includes('processTimers') || names.includes('listOnTimeout')) return 'timer';
  if (names.includes('processImmediate')) return 'setImmediate';
  if (names.includes('processTicksAndRejections')) return 'microtasks/nextTick';
  if (names.includes('onStreamRead') || names.includes('onread')) return 'socket read';
  if (names.includes('parserOnIncoming') || names.includes('parserOnHeadersComplete')) return 'HTTP request';
  if (names.includes('afterWriteDispatched') || names.includes('onWriteComplete')) return 'socket write done';
  if (leaf === '(program)') return '(program: native, no JS frame)';
  return names[1] ?? leaf;
}

/** The innermost frame of ours, else the innermost package, else the leaf. */
function ownerOf(stack: ProfileNode[]): string {
  for (let i = stack.length - 1; i >= 0; i--) {
    const url = stack[i]!.callFrame.url;
    if (url.includes('/server/src/') || url.includes('/shared/src/')) return where(stack[i]!.callFrame);
  }
  for (let i = stack.length - 1; i >= 0; i--)
    if (stack[i]!.callFrame.url.includes('/node_modules/')) return where(stack[i]!.callFrame);
  return where(stack[stack.length - 1]!.callFrame);
}

interface Task {
  start: number;
  ms: number;
  entries: Map<string, number>;
  owners: Map<string, number>;
}
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

const tasks: Task[] = [];
let t = 0;
let current: Task | null = null;
let busyMs = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // this sample lasts until the next one
  t += (profile.timeDeltas[i] ?? 0) / 1000;
  const stack = stackOf(profile.samples[i]!);
  const leaf = stack[stack.length - 1]!.callFrame.functionName;
  if (leaf === '(idle)') {
    if (current) tasks.push(current);
    current = null;
    continue;
  }
  busyMs += dt;
  current ??= { start: t, ms: 0, entries: new Map(), owners: new Map() };
  current.ms += dt;
  add(current.entries, entryOf(stack), dt);
  add(current.owners, ownerOf(stack), dt);
}
if (current) tasks.push(current);

const top = (m: Map<string, number>, n: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(' · ');

const long = tasks.filter((task) => task.ms >= overMs);
console.log(
  `${(t / 1000).toFixed(1)} s profiled, busy ${(busyMs / 1000).toFixed(2)} s in ${tasks.length} tasks; ` +
    `${long.length} of ${overMs} ms or more (${long.reduce((s, x) => s + x.ms, 0).toFixed(0)} ms)`,
);
const entries = new Map<string, number>();
for (const task of long) for (const [k, v] of task.entries) add(entries, k, v);
console.log(`long tasks' time by entry (ms): ${top(entries, 8)}`);
const owners = new Map<string, number>();
for (const task of long) for (const [k, v] of task.owners) add(owners, k, v);
console.log(`long tasks' time by function (ms): ${top(owners, 12)}`);
console.log('the longest:');
for (const task of [...long].sort((a, b) => b.ms - a.ms).slice(0, 12)) {
  console.log(
    `  ${task.ms.toFixed(1)} ms at ${(task.start / 1000).toFixed(2)} s — ${top(task.entries, 4)} — ${top(task.owners, 5)}`,
  );
}
