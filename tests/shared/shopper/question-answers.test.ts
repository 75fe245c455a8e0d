// A bare answer read against the buyer's own question: the question's words said back (正的 · 能刻) say yes,
// denied (不偏大 · 不要邮费 · 不用) say no, and whether that is right depends on what the question asks (要邮费吗
// asks whether shipping is charged), read with the shipped library.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { type JudgeContext, judgeReply, type OpenItem } from '../../../shared/src/shopper/judge.ts';
import { createMatcher } from '../../../shared/src/text/index.ts';
import { echoOf } from '../../../shared/src/text/question.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const contextOf = (id: string): JudgeContext => {
  const products = [library.products.get(id)!];
  return { library, products, matcher: createMatcher(library.lexicon, products) };
};
const jacket = contextOf('down-jacket');
const shoes = contextOf('running-shoes');
const flask = contextOf('vacuum-flask');
const washer = contextOf('drum-washer');
const diapers = contextOf('baby-diapers');

/** The reply's verdict on each [ask, buyer line]; a line left out is a log written before lines were kept. */
function verdicts(ctx: JudgeContext, reply: string, asked: [string, string?][]): string[] {
  const items: OpenItem[] = asked.map(([ask, text], i) => ({
    messageId: `b${i + 1}`,
    ask,
    ...(text !== undefined && { text }),
  }));
  const j = judgeReply(
    ctx,
    { messages: items.map((i) => i.messageId), items, hasOrder: false },
    { id: 'a1', text: reply, source: 'typed' },
  );
  return items.map(({ messageId: id }) =>
    j.stated.includes(id)
      ? 'stated'
      : j.wrong?.includes(id)
        ? 'wrong'
        : j.evaded.includes(id) || j.passedOver?.includes(id)
          ? 'evaded'
          : 'pending',
  );
}
const verdict = (ctx: JudgeContext, reply: string, ask: string, line?: string) =>
  verdicts(ctx, reply, [[ask, line]])[0];

describe('a question asking which option to take has no yes/no answer', () => {
  it('a bare 没有 about something else is no answer, not a denial of the size to take', () => {
    const ask = 'down-jacket.size.M码';
    expect(verdict(jacket, '围巾我们店没有哦', ask, '我160的个子，该拍哪个码')).toBe('evaded');
    expect(verdict(jacket, '有的亲', ask, '穿什么码合适')).not.toBe('stated');
    // Asked whether it is there, a bare yes or no still answers.
    expect(verdict(jacket, '有的亲', ask, 'M码还有吗')).toBe('stated');
    expect(verdict(jacket, '没有了亲', ask, 'M码还有吗')).toBe('wrong');
    expect(verdict(jacket, 'M码就可以', ask, '我160的个子，该拍哪个码')).toBe('stated');
  });
});

describe('"only" something else is no', () => {
  const earbuds = contextOf('wireless-earbuds');
  it('a clause opening with 只 that names nothing the buyer asked about answers no', () => {
    expect(verdict(earbuds, '只支持苹果哦', 'wireless-earbuds.phones', '华为手机能连吗')).toBe('wrong');
    expect(verdict(earbuds, '只适配苹果手机', 'wireless-earbuds.phones', '小米手机能用吗')).toBe('wrong');
    expect(verdict(washer, '只能开普票哦', 'drum-washer.special-invoice', '能开专票吗')).toBe('wrong');
    expect(verdict(jacket, '只能手洗哦', 'down-jacket.machine-wash', '能丢洗衣机吗')).toBe('stated');
  });
  it('not 只要 (if), nor when another clause answers, nor when "only" names what was asked', () => {
    expect(verdict(earbuds, '只要有蓝牙都能连', 'wireless-earbuds.phones', '华为手机能连吗')).not.toBe(
      'wrong',
    );
    expect(verdict(flask, '包邮的，只发中通', 'vacuum-flask.free-shipping', '包邮吗')).toBe('stated');
    expect(verdict(washer, '只要下单备注就能开专票', 'drum-washer.special-invoice', '能开专票吗')).toBe(
      'stated',
    );
  });
});

describe('the case the buyer named', () => {
  const contradicted = (ctx: JudgeContext, reply: string, ask: string, line: string) =>
    judgeReply(
      ctx,
      { messages: ['b1'], items: [{ messageId: 'b1', ask, text: line }], hasOrder: false },
      { id: 'a1', text: reply, source: 'typed' },
    ).contradicted;
  it('reads unqualified statements of another fact in the case the buyer’s line names', () => {
    const ask = 'vacuum-flask.engraved-return';
    expect(contradicted(flask, '刻字的是定制款，不退不换的哦亲', ask, '刻了字还能退吗')).toEqual([]);
    expect(contradicted(flask, '能退的亲，七天无理由', ask, '刻了字能退不')).toContain(
      'vacuum-flask.seven-day-return.刻字',
    );
    // A case the buyer denies (没刻字) is not named: the default holds.
    expect(contradicted(flask, '七天无理由能退的', 'vacuum-flask.colour', '没刻字能退吗')).toEqual([]);
  });
  it('answers a value whose subject the buyer said with the rest of it (不退不换 for 刻字款不退不换)', () => {
    const ask = 'vacuum-flask.engraved-return';
    expect(verdict(flask, '刻字的是定制款，不退不换的哦亲', ask, '刻了字还能退吗')).toBe('stated');
    expect(verdict(flask, '刻了字的就不能退换了哦', ask, '刻了字要是不喜欢能退吗')).toBe('stated');
    expect(verdict(flask, '亲，我们杯子质量很好的', ask, '刻了字还能退吗')).not.toBe('stated');
  });
  it('a denial linked by 就 / 的话 to the asked words is their condition, not the answer (没用就能退)', () => {
    const ask = 'baby-diapers.seven-day-return.拆开';
    expect(verdict(diapers, '没用就能退的', ask, '拆开了还没用 能退吗')).toBe('wrong');
    expect(verdict(diapers, '拆开了就不能退了哦', ask, '拆开了还没用 能退吗')).toBe('stated');
  });
});

describe('numbers that speak of something else', () => {
  const judged = (ctx: JudgeContext, reply: string, items: OpenItem[]) =>
    judgeReply(
      ctx,
      { messages: items.map((i) => i.messageId), items, hasOrder: false },
      { id: 'a1', text: reply, source: 'typed' },
    );
  it('a time said of an option coming back is its restock, not the asked fact’s number', () => {
    const earbuds = contextOf('wireless-earbuds');
    const j = judged(earbuds, '颜色有白色黑色 薄荷绿要等两周', [
      { messageId: 'b1', ask: 'wireless-earbuds.battery', text: '续航多久' },
    ]);
    expect(j.wrong).toEqual([]);
    expect(j.contradicted).toEqual([]);
  });
  it('how long it lasts in use is not its shelf life (能用小半年)', () => {
    const cream = contextOf('soothing-cream');
    const price: OpenItem[] = [{ messageId: 'b1', objection: 'price', text: '太贵了' }];
    expect(judged(cream, '一瓶50g能用小半年，还送小样', price).contradicted).toEqual([]);
    expect(judged(cream, '保质期半年哦', price).contradicted).toEqual(['soothing-cream.shelf-life']);
  });
});

describe('a remedy the catalogue rules out (只换不修)', () => {
  it('offering it is wrong; ruling it out or offering the other is right', () => {
    expect(verdict(flask, '一年内寄回来给您修', 'vacuum-flask.warranty', '坏了能修吗')).toBe('wrong');
    expect(verdict(flask, '坏了可以免费修的', 'vacuum-flask.warranty', '坏了能修吗')).toBe('wrong');
    expect(verdict(flask, '一年内只换不修，不能修', 'vacuum-flask.warranty', '坏了能修吗')).toBe('stated');
    expect(verdict(flask, '一年内包换的亲', 'vacuum-flask.warranty', '坏了能修吗')).toBe('stated');
  });
});

describe('a bare answer says the question back or denies it', () => {
  it('the question said back is yes, denied is no, against what the catalogue holds', () => {
    expect(verdict(shoes, '正的哈', 'running-shoes.fit', '码数正不正呀')).toBe('stated');
    expect(verdict(shoes, '不偏，放心', 'running-shoes.fit', '会偏码吗')).toBe('stated');
    expect(verdict(jacket, '偏的', 'down-jacket.fit', '这件偏码吗')).toBe('wrong');
    expect(verdict(flask, '不要邮费的', 'vacuum-flask.free-shipping', '要邮费不')).toBe('stated');
    expect(verdict(flask, '要的亲', 'vacuum-flask.free-shipping', '寄过来要邮费吗')).toBe('wrong');
  });

  it('"none at all" before a denial denies the question’s verb (啥也没打 · 什么都没加)', () => {
    const oranges = contextOf('navel-oranges');
    expect(verdict(oranges, '纯天然的 树上现摘的 啥也没打', 'navel-oranges.wax', '有没有打蜡')).toBe(
      'stated',
    );
    expect(verdict(oranges, '什么都没打哈', 'navel-oranges.wax', '打蜡了吗')).toBe('stated');
    expect(echoOf('啥也没打', '有打蜡')).toBe('no');
    expect(echoOf('一点都不掉', '会掉色')).toBe('no');
    // Denying some other verb is no answer.
    expect(echoOf('啥也没说', '有打蜡')).toBe(undefined);
  });

  it('the shoes’ standard fit said as a predicate (码数是标准的) answers which size to take', () => {
    expect(verdict(shoes, '拍40就行哈亲，码数是标准的', 'running-shoes.fit', '平时穿40，拍多大')).toBe(
      'stated',
    );
  });

  it('advice to wash another way answers "can it go in the machine" with no', () => {
    expect(verdict(jacket, '建议手洗或者干洗哦亲', 'down-jacket.machine-wash', '能机洗吗')).toBe('stated');
    expect(
      verdict(flask, '建议手洗哦，用软毛刷刷一下就干净', 'vacuum-flask.dishwasher', '能放洗碗机吗'),
    ).toBe('stated');
  });

  it('an answer said twice over is said once (送的送的 · 有的有的)', () => {
    expect(verdict(jacket, '送的送的', 'down-jacket.return-insurance', '送不送运费险')).toBe('stated');
    expect(verdict(jacket, '包的包的', 'down-jacket.free-shipping', '包邮吗')).toBe('stated');
  });

  it('an adverb before the question’s verb still says it back (可以免费刻 · 都能发)', () => {
    expect(
      verdict(flask, '可以免费刻的，不过刻了字就不退不换了哦', 'vacuum-flask.engraving', '能刻字吗'),
    ).toBe('stated');
  });

  it('"free" answers a question about paying: no charge', () => {
    expect(verdict(washer, '安装是免费的哈，一分钱不收', 'drum-washer.installation-fee', '安装要钱吗')).toBe(
      'stated',
    );
    expect(verdict(flask, '免费的亲', 'vacuum-flask.engraving', '刻字收费吗')).toBe('stated');
  });

  it('a modal put before the question’s words still says them back (能寄的 · 会降噪的)', () => {
    const basic = contextOf('basic-earbuds');
    expect(verdict(basic, '会降噪的', 'basic-earbuds.noise-cancelling', '有没有降噪功能')).toBe('wrong');
    expect(verdict(contextOf('mooncake-box'), '能寄的亲', 'mooncake-box.remote-regions', '新疆寄不寄')).toBe(
      'wrong',
    );
  });

  it('a need denied alone (不用 · 不用不用) answers 要不要 / 需要…吗, not 能…吗', () => {
    expect(verdict(washer, '不用不用，师傅会上门', 'drum-washer.installation', '买了要自己安装吗')).toBe(
      'stated',
    );
    expect(verdict(washer, '要的哦', 'drum-washer.installation', '需要自己装不')).toBe('wrong');
    // The shoes run true to size except for wide feet: 不用 to 要不要拍大 for wide feet is wrong.
    expect(verdict(shoes, '不用的', 'running-shoes.wide-feet', '我脚背高，要不要买大点')).toBe('wrong');
    expect(verdict(jacket, '不用，平时穿啥拍啥', 'down-jacket.fit', '要不要选小一码')).toBe('stated');
    // 不用试 says there is no need to, not that there is no trial pack.
    expect(verdict(diapers, '质量放心的，不用试', 'baby-diapers.trial-pack', '可以先试用吗')).toBe('evaded');
  });

  it('a question said back answers that one question of several; the others are passed over', () => {
    const asked: [string, string][] = [
      ['vacuum-flask.engraving', '杯子上可以刻名字吗'],
      ['vacuum-flask.gift-box', '有没有手提袋'],
    ];
    expect(verdicts(flask, '可以刻的，免费', asked)).toEqual(['stated', 'evaded']);
    expect(verdicts(flask, '有手提袋', asked)).toEqual(['evaded', 'stated']);
  });

  it('a denied charge said back wins over a bare 免费的 (not a yes to 收费吗)', () => {
    expect(verdict(washer, '免费的，不另外收钱', 'drum-washer.installation-fee', '安装要另外收钱吗')).toBe(
      'stated',
    );
    expect(verdict(washer, '要另外收钱', 'drum-washer.installation-fee', '安装要另外收钱吗')).toBe('wrong');
  });

  it('the 不 of a yes/no tail asks; a 不 further off is a condition, not a denied term', () => {
    expect(verdict(jacket, '有的亲', 'down-jacket.return-insurance', '送运费险不')).toBe('stated');
    expect(verdict(flask, '可以的', 'vacuum-flask.seven-day-return.用过', '用了不满意能退吗')).toBe('wrong');
  });

  it('a yes to a question naming the value is right when the value is the catalogue’s, wrong when it is a wrong one', () => {
    expect(verdict(jacket, '是的呢', 'down-jacket.material', '里面是白鸭绒吗')).toBe('stated');
    expect(verdict(jacket, '是的呢', 'down-jacket.material', '里面是鹅绒吗')).toBe('wrong');
  });

  it('a 有的 said of an option (冰川灰有的) is that option’s, no bare yes to another question', () => {
    const asked: [string][] = [['running-shoes.colour.冰川灰'], ['running-shoes.return-insurance']];
    expect(verdicts(shoes, '冰川灰有的，很好搭', asked)).toEqual(['stated', 'evaded']);
    expect(verdicts(shoes, '有的，冰川灰有货', [['running-shoes.return-insurance']])).toEqual(['stated']);
  });

  it('answers nothing to a what / which question, nor without the buyer’s line', () => {
    expect(verdict(jacket, '不偏', 'down-jacket.fit', '尺码怎么选')).toBe('evaded');
    expect(verdict(jacket, '正的哈', 'down-jacket.fit', '偏大还是偏小')).toBe('evaded');
    expect(verdict(jacket, '正的哈', 'down-jacket.fit')).toBe('evaded');
  });
});

describe('which yes/no question a bare yes or no answers', () => {
  const cream = contextOf('soothing-cream');
  const oranges = contextOf('navel-oranges');
  it('a yes in a clause affirming another fact is that fact’s, not the question left open', () => {
    expect(
      verdicts(cream, '孕期也可以用的，成分温和', [
        ['soothing-cream.pregnancy', '孕妇能用吗'],
        ['soothing-cream.fragrance', '里面加了香精吗'],
      ]),
    ).toEqual(['stated', 'evaded']);
    expect(verdict(cream, '哺乳期也可以用的哦', 'soothing-cream.fragrance', '有香味吗')).toBe('evaded');
    expect(verdict(flask, '礼盒包装是有的哦', 'vacuum-flask.dishwasher', '能放洗碗机洗吗')).not.toBe('wrong');
  });
  it('a bare yes or no still answers when the clause names the asked fact or only denies', () => {
    expect(verdict(cream, '可以用的亲', 'soothing-cream.pregnancy', '孕妇可以用吗')).toBe('stated');
    expect(verdict(flask, '可以的 洗碗机随便洗', 'vacuum-flask.dishwasher', '能放洗碗机洗吗')).toBe('wrong');
    expect(verdict(cream, '不含香精不含酒精哦', 'soothing-cream.alcohol', '含酒精吗')).toBe('stated');
    expect(
      verdicts(cream, '孕期可以用的，也没有酒精哦', [
        ['soothing-cream.pregnancy', '孕妇能用吗'],
        ['soothing-cream.alcohol', '含酒精吗'],
      ]),
    ).toEqual(['stated', 'stated']);
  });
  it('a denial that sets a condition (不甜的话 · 如果不合身) answers nothing; a no after it still does', () => {
    expect(
      verdict(oranges, '不好吃的话联系我们给您补偿', 'navel-oranges.seven-day-return', '吃着不甜能退吗'),
    ).toBe('evaded');
    expect(
      verdict(jacket, '如果不合身的话可以给您申请点补偿', 'down-jacket.seven-day-return', '不合适能退吗'),
    ).toBe('evaded');
    expect(verdict(oranges, '不甜的话也退不了哦', 'navel-oranges.seven-day-return', '吃着不甜能退吗')).toBe(
      'stated',
    );
    expect(verdict(oranges, '不行哦，生鲜不支持无理由', 'navel-oranges.seven-day-return', '不甜能退吗')).toBe(
      'stated',
    );
    expect(
      verdict(jacket, '不合适的话七天内都可以退的', 'down-jacket.seven-day-return', '不合适能退吗'),
    ).toBe('stated');
  });
});

describe('a yes for a condition (加钱就能发 · 备注就能刻)', () => {
  const oranges = contextOf('navel-oranges');
  const mooncakes = contextOf('mooncake-box');
  const earbuds = contextOf('wireless-earbuds');
  it('answers a "can it" question about the same act, sending said with any verb', () => {
    expect(verdict(mooncakes, '多付20块就能寄', 'mooncake-box.remote-regions', '新疆能寄吗')).toBe('wrong');
    expect(verdict(oranges, '补15块运费就可以发', 'navel-oranges.remote-regions', '西藏能发吗')).toBe(
      'wrong',
    );
    expect(verdict(flask, '下单备注名字就可以刻', 'vacuum-flask.engraving', '能刻字吗')).toBe('stated');
    expect(verdict(earbuds, '打开蓝牙就能连', 'wireless-earbuds.phones', '华为手机能连吗')).toBe('stated');
    expect(verdict(flask, '把杯盖拿掉就能放', 'vacuum-flask.dishwasher', '能放洗碗机吗')).toBe('wrong');
  });
  it('not a denial, another act, or a question that is not "can it"', () => {
    expect(verdict(oranges, '青海发不了哦，加钱也发不了', 'navel-oranges.remote-regions', '青海能寄吗')).toBe(
      'stated',
    );
    expect(['evaded', 'pending']).toContain(
      verdict(flask, '付款后就能发', 'vacuum-flask.engraving', '能刻字吗'),
    );
    expect(verdict(washer, '师傅上门就能装好', 'drum-washer.installation', '需要自己装吗')).not.toBe('wrong');
  });
});
