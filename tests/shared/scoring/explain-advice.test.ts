// Every explanation a student reads, over the whole library and three students — one who does everything
// right (the model answer), one who does everything wrong (silent, or prompt replies that dodge everything),
// and one who does half (the model answer's first half, then nothing): each says what to do instead, in both
// languages, and shows no placeholder, empty quote or catalogue id.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { playScript, scoreEvents } from '../../../shared/src/proof/play.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import type { AgentScript, RuleId } from '../../../shared/src/scenario/schema.ts';
import { RULE_DIMENSION } from '../../../shared/src/scoring/dimensions.ts';
import type { Violation } from '../../../shared/src/scoring/report.ts';
import { createShopperContext } from '../../../shared/src/shopper/context.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const rubric = library.rubrics.get('default')!;

/** What each rule's explanation tells the student to do instead (zh-CN, en). */
const ADVICE: Record<RuleId, [RegExp, RegExp]> = {
  'slow-first-response': [/：买家进店要第一时间回应/, /: greet a new shopper at once/],
  'slow-response': [/：一时答不上，先回一句「稍等/, /: when you need to check, say so first/],
  unanswered: [/：买家的每条消息都要回复/, /: reply to every message/],
  'buyer-left': [/：每条消息都要及时回复/, /: reply to every message in time/],
  'buyer-gave-up': [/：(正面回答|先正面化解|先在订单里改好)/, /: (answer|address|change the order)/],
  'phrase-irrelevant': [/[；:]\s*(应回答|先回答)/, /; (the answer is|answer what)/],
  'phrase-rigid': [/：简单问题用一句话直接回答/, /: answer a simple question in one sentence/],
  'phrase-repeated': [/：(针对买家这一句换个说法|等买家回应了再发)/, /(in other words|wait for the shopper)/],
  'no-follow-up': [/：买家不说话时主动问一句/, /: when a shopper goes quiet, ask after them/],
  'no-order-prompt': [
    /下单邀请要放在回答里一起说/,
    /Put the invitation in the answer itself|put the invitation/,
  ],
  'no-payment-reminder': [/：拍下未付时要及时催付/, /remind the buyer to pay/],
  'returning-not-acknowledged': [
    /(开头就认出老顾客|再认出老顾客)/,
    /(Greet them as a returning customer|greet them as)/,
  ],
  'question-evaded': [/：(正确答案是|查看右侧商品知识)/, /: (the answer is|check the product knowledge)/],
  'wrong-fact': [/：(正确的是|回答前先核对)/, /: (the right answer is|check the product knowledge)/],
  'objection-unaddressed': [/：针对这个顾虑给出具体的理由或办法/, /: give a concrete reason or remedy/],
  'order-not-updated': [/：先在订单里改好再告诉买家/, /: change the order first/],
  'discount-exceeded': [/：让利要在店铺授权范围内/, /: stay within the shop's concession/],
  'missed-cross-sell': [/：听到需求就推荐能满足它的商品/, /: recommend a product that meets it/],
  'off-platform-contact': [/沟通和交易都留在平台内/, /keep every conversation and payment on the platform/],
  'banned-claim': [/：换成具体、可证实的说法/, /: say something specific and provable/],
  'rude-language': [/：对买家要始终礼貌/, /: stay courteous/],
};

/** Prompt, polite replies that answer nothing. */
const dodger: AgentScript = Array.from({ length: 8 }, () => ({
  wait: 'reply' as const,
  after: 2,
  say: '亲，放心哈，我们家东西都很好的',
}));

/** The three students on every scenario, and the counter-examples: every explanation the library gives. */
function everyViolation(): { where: string; zh: Violation; en: Violation }[] {
  const out: { where: string; zh: Violation; en: Violation }[] = [];
  for (const scenario of library.buyers.values()) {
    const ctx = createShopperContext(library, scenario.id, rubric);
    const model = scenario.modelAnswer;
    const students: [string, AgentScript][] = [
      ['right', model],
      ['silent', []],
      ['dodger', dodger],
      ['half', model.slice(0, Math.ceil(model.length / 2))],
      ...scenario.counterExamples.map((c): [string, AgentScript] => [c.name, c.script]),
    ];
    for (const [name, script] of students) {
      const { events, report } = playScript(library, scenario.id, script, { seed: 1 });
      if (name === 'right') expect(report.violations, scenario.id).toEqual([]);
      const en = scoreEvents(ctx, events, 'en').violations;
      report.violations.forEach((zh, i) => {
        out.push({ where: `${scenario.id} / ${name}`, zh, en: en[i]! });
      });
    }
  }
  return out;
}

describe('explanations over the library', () => {
  const all = everyViolation();

  it('say what to do instead, for every rule, in both languages', () => {
    const missing = all.flatMap(({ where, zh, en }) => {
      const [zhAdvice, enAdvice] = ADVICE[zh.rule];
      return zhAdvice.test(zh.message) && enAdvice.test(en.message)
        ? []
        : [`${where} ${zh.rule}: ${zh.message} | ${en.message}`];
    });
    expect(missing).toEqual([]);
    // The library's students meet nearly every rule (the rest are covered by their own rule tests).
    const seen = new Set(all.map((v) => v.zh.rule));
    expect(seen.size).toBeGreaterThanOrEqual(18);
  });

  it('show no placeholder, empty quote or id', () => {
    const bad = all.flatMap(({ where, zh, en }) =>
      [zh.message, en.message]
        .filter((m) => /\?(?!")|「」|""|undefined|NaN|\[object|\b[a-z]+(-[a-z]+)+\.[a-z]/.test(m))
        .map((m) => `${where}: ${m}`),
    );
    expect(bad).toEqual([]);
  });

  it('a buyer who left is charged where its cause is: no reply → responsiveness, replies without the answer → accuracy', () => {
    for (const { where, zh } of all) {
      if (zh.rule === 'buyer-left') expect(zh.message, where).toMatch(/都没有等到回复|等不及回复/);
      if (zh.rule === 'buyer-gave-up') expect(zh.message, where).toMatch(/^买家的消息都有回复/);
    }
    expect(RULE_DIMENSION['buyer-left']).toBe('responsiveness');
    expect(RULE_DIMENSION['buyer-gave-up']).toBe('accuracy');
  });
});
