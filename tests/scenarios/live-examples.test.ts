// The three live examples of issue #8, played like `kefu play` on the shipped scenarios: each correct reply
// in the trainees' own words must get no violation (before, each cost the student the buyer).
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import { playScript } from '../../shared/src/proof/play.ts';
import { PROOF_SEEDS } from '../../shared/src/proof/prove.ts';
import { loadLibrary } from '../../shared/src/scenario/load.ts';
import type { AgentScript } from '../../shared/src/scenario/schema.ts';

const { library } = loadLibrary(readLibrary('scenarios'));

const play = (scenario: string, script: AgentScript, seed: number) =>
  playScript(library, scenario, script, { seed });

const EXAMPLES: { scenario: string; reply: string; script: AgentScript }[] = [
  {
    scenario: 'mooncake-shelf-life',
    reply: '抱歉亲，新疆属于偏远地区，冷链暂时发不了哦~',
    script: [
      { wait: 'reply', after: 2, say: '亲，冷冻保质期30天哦~' },
      {
        wait: 'reply',
        after: 5,
        say: '收到后要放冰箱冷冻室，零下18度冷冻保存，冷藏会化的，吃之前回温20分钟就好~',
      },
      { wait: 'reply', after: 4, say: '抱歉亲，新疆属于偏远地区，冷链暂时发不了哦~' },
      { wait: 'reply', after: 5, say: '成都可以发的，走顺丰冷链，发货后1到3天送达，喜欢可以直接拍下哦~' },
      { wait: 'reply', after: 3, phrase: 'js2' },
    ],
  },
  ...['穿M的刚好', '亲拍M就行'].map((sizeReply) => ({
    scenario: 'jacket-colour-size',
    reply: sizeReply,
    script: [
      {
        wait: 'reply' as const,
        after: 2,
        say: '亲，酒红色缺货了哦，黑色、米白色和雾霾蓝都有现货，您看看喜欢哪个~',
      },
      { wait: 'reply' as const, after: 5, say: sizeReply },
      {
        wait: 'reply' as const,
        after: 4,
        say: '这款是标准尺码，按平时穿的码拍就行，喜欢的话可以直接拍下哦~',
      },
      { wait: 'reply' as const, after: 3, phrase: 'js2' },
    ],
  })),
  {
    scenario: 'price-objection',
    reply: '亲，店铺有满299减20的券，再送您一双袜子，拍下吧~',
    script: [
      { wait: 'reply', after: 2, say: '亲，米白色有现货的，S到XL码都有~' },
      { wait: 'reply', after: 5, say: '亲，店铺有满299减20的券，再送您一双袜子，拍下吧~' },
      { wait: 'reply', after: 3, phrase: 'js2' },
    ],
  },
];

describe('the live examples of issue #8 get no violation', () => {
  it.each(
    EXAMPLES.map(
      (e) => [e.scenario, e.script[e.scenario === 'price-objection' ? 1 : 2]!.say ?? '', e] as const,
    ),
  )('%s: "%s"', (_scenario, _reply, { scenario, script }) => {
    for (const seed of PROOF_SEEDS) {
      const { report } = play(scenario, script, seed);
      expect(report.violations.map((v) => v.rule)).toEqual([]);
      expect(report.score).toBeGreaterThanOrEqual(90);
    }
  });
});
