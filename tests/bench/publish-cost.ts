// What one 发布 of a catalogue file costs the server: CPU ms (process.cpuUsage, the app runs in this process;
// its prover threads included) and wall ms of its save (保存草稿, which validates) and of its publication
// (which proves), for a product that few scenarios name, a product that many name, the lexicon (every
// scenario), and a product changed back to content proven before (nothing to prove again). The first
// publication of a process also loads the segmenter and parses the library once. Run at low priority on a
// shared machine: `nice -n 19 npx tsx tests/bench/publish-cost.ts` (figures in docs/performance.md).
import { readFileSync } from 'node:fs';
import { api, seedUser, startApp } from '../server/helpers/server.ts';

const CHANGES = [
  {
    name: 'product named by 2 scenarios (wool-scarf)',
    path: 'scenarios/products/wool-scarf.yaml',
    edit: (text: string) => text.replace('aliases: [围巾,', 'aliases: [围脖, 围巾,'),
  },
  {
    name: 'product named by 11 scenarios (down-jacket)',
    path: 'scenarios/products/down-jacket.yaml',
    edit: (text: string) => text.replace('这款羽绒服]', '这款羽绒服, 羽绒外套]'),
  },
  {
    name: 'lexicon (every scenario)',
    path: 'scenarios/lexicon.yaml',
    edit: (text: string) => text.replace('terms: [老顾客, 老客户,', 'terms: [老铁, 老顾客, 老客户,'),
  },
  {
    name: 'wool-scarf changed again',
    path: 'scenarios/products/wool-scarf.yaml',
    edit: (text: string) => text.replace('aliases: [围巾,', 'aliases: [羊毛围脖, 围巾,'),
  },
  {
    name: 'wool-scarf back to its first change (verdicts kept)',
    path: 'scenarios/products/wool-scarf.yaml',
    edit: (text: string) => text.replace('aliases: [围巾,', 'aliases: [围脖, 围巾,'),
  },
];

const ms = (micros: number) => Math.round(micros / 1000);

async function measure<T>(work: () => Promise<T>): Promise<{ value: T; cpu: number; wall: number }> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, cpu: ms(used.user + used.system), wall: Math.round(performance.now() - wall) };
}

const server = await startApp();
try {
  const author = await seedUser(server.app, 'instructor', 'bench-author');
  console.log(`${server.app.catalog.library.buyers.size} scenarios`);
  for (const change of CHANGES) {
    const text = change.edit(readFileSync(change.path, 'utf8'));
    const save = await measure(() =>
      api(server, 'POST', '/api/studio/catalogue', { as: author, body: { path: change.path, text } }),
    );
    if (save.value.status !== 200) throw new Error(`save ${change.path}: ${save.value.status}`);
    // A publication that proves many scenarios answers in steps (status proving) until it is done.
    let answers = 0;
    const publish = await measure(async () => {
      for (;;) {
        answers++;
        const res = await api(server, 'POST', '/api/studio/catalogue/publish', {
          as: author,
          body: { path: change.path, version: save.value.body.version },
        });
        if (res.status !== 200) throw new Error(`publish ${change.path}: ${res.status}`);
        if (res.body.status !== 'proving') return res;
      }
    });
    const { proved, affected } = publish.value.body as { proved: number | string[]; affected?: string[] };
    const count = Array.isArray(proved) ? proved.length : proved;
    console.log(
      `${change.name}: save cpu ${save.cpu} ms (wall ${save.wall}) · publish cpu ${publish.cpu} ms (wall ${publish.wall}) in ${answers} answers, affected ${affected?.length ?? count}, proved by the last answer ${count}`,
    );
  }
} finally {
  await server.close();
  server.cleanup();
}
