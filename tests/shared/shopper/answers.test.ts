// Which open questions a reply answers, answers wrongly, dodges or leaves pending, read with the shipped
// library: several questions at once, conditional policies.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { type JudgeContext, judgeReply, type OpenItem } from '../../../shared/src/shopper/judge.ts';
import { createMatcher } from '../../../shared/src/text/index.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const contextOf = (...ids: string[]): JudgeContext => {
  const products = ids.map((id) => library.products.get(id)!);
  return { library, products, matcher: createMatcher(library.lexicon, products) };
};
const judge = (ctx: JudgeContext, text: string, asks: string[]) => {
  const items: OpenItem[] = asks.map((ask, i) => ({ messageId: `b${i + 1}`, ask }));
  return judgeReply(
    ctx,
    { messages: items.map((i) => i.messageId), items, hasOrder: false },
    { id: 'a1', text, source: 'typed' },
  );
};

describe('several questions at once', () => {
  const romper = contextOf('baby-romper');
  const asks = ['baby-romper.safety', 'baby-romper.opening'];

  it('answering one passes the other over (the buyer waits for it: no dodge yet)', () => {
    const j = judge(romper, 'A类的亲，宝妈放心~', asks);
    expect(j.stated).toEqual(['b1']);
    expect(j.passedOver).toEqual(['b2']);
    expect(j.evaded).toEqual([]);
  });

  it('answering one wrongly and not the other: one wrong, one passed over', () => {
    const j = judge(romper, 'B类的亲', asks);
    expect(j.wrong).toEqual(['b1']);
    expect(j.passedOver).toEqual(['b2']);
  });

  it('answering both passes none over; a hold answers and passes over nothing', () => {
    expect(judge(romper, 'A类的，按扣开档', asks).passedOver).toEqual([]);
    const hold = judge(romper, '稍等亲，我帮您查一下', asks);
    expect([hold.passedOver, hold.evaded, hold.stated]).toEqual([[], [], []]);
  });
});

describe('return policies in any wording, by category and case', () => {
  const cream = contextOf('soothing-cream');
  const mooncake = contextOf('mooncake-box');
  const flask = contextOf('vacuum-flask');
  const verdict = (ctx: JudgeContext, text: string, ask: string) => {
    const j = judge(ctx, text, [ask]);
    return j.stated.length > 0 ? 'stated' : j.wrong?.length ? 'wrong' : j.evaded.length ? 'evaded' : 'none';
  };

  it('reads the verb 退 with its negation against the case asked', () => {
    expect(verdict(flask, '可以，七天内都能退', 'vacuum-flask.seven-day-return.用过')).toBe('wrong');
    expect(verdict(flask, '用过的杯子就不能无理由退了', 'vacuum-flask.seven-day-return.用过')).toBe('stated');
    expect(verdict(flask, '杯子不支持退货的', 'vacuum-flask.seven-day-return')).toBe('wrong');
    expect(verdict(flask, '可以退的，七天内都行', 'vacuum-flask.seven-day-return')).toBe('stated');
  });

  it('a category without 7-day returns: a promise to take it back is wrong, a quality problem is its own case', () => {
    expect(
      verdict(mooncake, '收到七天内不影响二次销售都可以申请退换货', 'mooncake-box.seven-day-return'),
    ).toBe('wrong');
    expect(verdict(mooncake, '食品不退不换的哦', 'mooncake-box.seven-day-return')).toBe('stated');
    expect(judge(mooncake, '有质量问题的话可以退', []).contradicted).toEqual([]);
  });

  it('a negator that denies the condition (未拆封) leaves the term affirmed', () => {
    expect(verdict(cream, '未拆封七天无理由', 'soothing-cream.seven-day-return')).toBe('stated');
    expect(verdict(cream, '拆封后就不支持无理由退了', 'soothing-cream.seven-day-return.拆封')).toBe('stated');
  });
});

describe('an option praised is not an option in stock', () => {
  const jacket = contextOf('down-jacket');
  it('酒红色很显气色 to 酒红色还有吗 dodges; 酒红色有货 or 酒红色没货了 answers', () => {
    const ask = ['down-jacket.colour.酒红色'];
    const praised = judge(jacket, '亲，酒红色很显气色的，很多小姐姐都选这个颜色~', ask);
    expect([praised.evaded, praised.contradicted]).toEqual([['b1'], []]);
    expect(judge(jacket, '酒红色是卖得最好的颜色', ask).contradicted).toEqual([]);
    expect(judge(jacket, '酒红色有货的', ask).wrong).toEqual(['b1']);
    expect(judge(jacket, '酒红色没货了', ask).stated).toEqual(['b1']);
  });
});

describe('a product’s own exception to its category’s return policy', () => {
  const flask = contextOf('vacuum-flask');
  it('刻了字就不能退换 is no wrong fact about the 7-day return; 刻字也能退 is', () => {
    expect(judge(flask, '刻了字的就不能退换了哦', []).contradicted).toEqual([]);
    expect(judge(flask, '刻了字也能退的', []).contradicted).toContain('vacuum-flask.seven-day-return');
  });
});

describe('a grade or version said without its name', () => {
  it('1级 answers 能效几级, 5.3 answers 蓝牙几; 二级 and 5.0 are wrong', () => {
    const washer = contextOf('drum-washer');
    const earbuds = contextOf('wireless-earbuds');
    expect(judge(washer, '1级', ['drum-washer.energy']).stated).toEqual(['b1']);
    expect(judge(washer, '亲，一级的', ['drum-washer.energy']).stated).toEqual(['b1']);
    expect(judge(washer, '二级', ['drum-washer.energy']).wrong).toEqual(['b1']);
    expect(judge(earbuds, '5.3的', ['wireless-earbuds.bluetooth']).stated).toEqual(['b1']);
    expect(judge(earbuds, '5.0的', ['wireless-earbuds.bluetooth']).wrong).toEqual(['b1']);
    // A grade of nothing asked is no answer.
    expect(judge(earbuds, '1级', ['wireless-earbuds.bluetooth']).stated).toEqual([]);
  });
});

describe('sympathy is not a contradiction', () => {
  const bedding = contextOf('bedding-set');
  it('掉色不正常 after a complaint agrees with 不掉色; 会掉色 says it fades', () => {
    expect(judge(bedding, '亲，非常抱歉，这种情况掉色是不正常的，给您退换', []).contradicted).toEqual([]);
    expect(judge(bedding, '这种情况掉色不正常', []).contradicted).toEqual([]);
    expect(judge(bedding, '会掉色的', []).contradicted).toEqual(['bedding-set.fading']);
  });
});

describe('a little is a yes', () => {
  it('有一点点 to 有荧光剂吗 says yes: wrong for a romper without any; 没有的 is right', () => {
    const romper = contextOf('baby-romper');
    expect(judge(romper, '有一点点，正常的', ['baby-romper.fluorescent']).wrong).toEqual(['b1']);
    expect(judge(romper, '没有的亲，放心', ['baby-romper.fluorescent']).stated).toEqual(['b1']);
  });
});

describe('what the product is compared with is not what it is', () => {
  it('316内胆比普通304更耐腐蚀 states 316 and claims no 304; 是304的 is wrong', () => {
    const flask = contextOf('vacuum-flask');
    const compared = judge(flask, '是316的，比304更耐腐蚀', ['vacuum-flask.material']);
    expect([compared.stated, compared.contradicted]).toEqual([['b1'], []]);
    expect(judge(flask, '316内胆比普通304更耐腐蚀', []).contradicted).toEqual([]);
    expect(judge(flask, '是304的', ['vacuum-flask.material']).wrong).toEqual(['b1']);
  });
});

describe('stock denials in everyday wording', () => {
  const flask = contextOf('vacuum-flask');
  const verdict = (text: string) => {
    const j = judge(flask, text, ['vacuum-flask.colour.樱花粉']);
    return j.stated.length > 0 ? 'stated' : j.wrong?.length ? 'wrong' : j.evaded.length ? 'evaded' : 'none';
  };

  it('reads 没得货 · 卖空了 · 断货了 · 没库存 as the sold-out option denied (right), 有库存 as claimed (wrong)', () => {
    for (const reply of [
      '樱花粉没得货了',
      '樱花粉卖空了',
      '樱花粉已经售空',
      '樱花粉断货了',
      '樱花粉暂时没库存',
      '樱花粉无库存',
    ])
      expect(verdict(reply), reply).toBe('stated');
    expect(verdict('樱花粉有库存')).toBe('wrong');
    expect(verdict('樱花粉不是没货，有的')).toBe('wrong');
  });
});

describe('how many options there are', () => {
  const jacket = contextOf('down-jacket');
  const mooncake = contextOf('mooncake-box');
  const verdict = (ctx: JudgeContext, text: string, ask: string) => {
    const j = judge(ctx, text, [ask]);
    return j.stated.length > 0 ? 'stated' : j.wrong?.length ? 'wrong' : j.evaded.length ? 'evaded' : 'none';
  };

  it('holds a count against all the options, or those in stock when its clause claims stock', () => {
    expect(verdict(jacket, '一共有4个颜色', 'down-jacket.colour')).toBe('stated');
    expect(verdict(jacket, '三个颜色有现货，酒红要等', 'down-jacket.colour')).toBe('stated');
    expect(verdict(jacket, '四种颜色都有货的', 'down-jacket.colour')).toBe('wrong');
    expect(verdict(jacket, '五色可选', 'down-jacket.colour')).toBe('wrong');
    expect(verdict(mooncake, '四种口味', 'mooncake-box.flavours')).toBe('stated');
    expect(verdict(mooncake, '有八种口味哦', 'mooncake-box.flavours')).toBe('wrong');
  });

  it('a wrong count is a wrong fact even unasked; counts that claim no number of options are left alone', () => {
    expect(judge(jacket, '我们家有六个颜色', []).contradicted).toEqual(['down-jacket.colour']);
    expect(judge(jacket, '这两个颜色都好看', []).contradicted).toEqual([]);
    expect(judge(jacket, '卡在两个码中间就拍大的', []).contradicted).toEqual([]);
    expect(judge(jacket, '大两码也能穿', []).contradicted).toEqual([]);
  });

  it('X的没有哦 denies X: a bare "yes" denied at the end of its clause reaches the option before it', () => {
    expect(verdict(mooncake, '奶黄的没有哦', 'mooncake-box.flavours.奶黄味')).toBe('wrong');
    expect(verdict(jacket, '酒红的没有哈', 'down-jacket.colour.酒红色')).toBe('stated');
  });
});

describe('when a sold-out option comes back', () => {
  const flask = contextOf('vacuum-flask'); // 樱花粉: restock 月底
  const shoes = contextOf('running-shoes'); // 荧光绿: restock 约10天; 44码: 暂不补货
  const verdict = (ctx: JudgeContext, text: string, ask: string) => {
    const j = judge(ctx, text, [ask]);
    return j.stated.length > 0 ? 'stated' : j.wrong?.length ? 'wrong' : j.evaded.length ? 'evaded' : 'none';
  };

  it('a time that meets the catalogue restock answers the question; one that misses it is wrong', () => {
    expect(verdict(shoes, '大概十来天能补上', 'running-shoes.colour.荧光绿')).toBe('stated');
    expect(verdict(shoes, '荧光绿后天就到货了', 'running-shoes.colour.荧光绿')).toBe('wrong');
    expect(verdict(shoes, '要等两个多月', 'running-shoes.colour.荧光绿')).toBe('wrong');
    expect(verdict(flask, '这个月底能补货', 'vacuum-flask.colour.樱花粉')).toBe('stated');
    expect(verdict(flask, '得等下下个月中旬了', 'vacuum-flask.colour.樱花粉')).toBe('wrong');
  });

  it('an option the shop does not restock has no restock time; a parcel time is no restock time', () => {
    expect(judge(shoes, '44码下周补货', []).contradicted).toEqual(['running-shoes.size.44码']);
    expect(judge(shoes, '荧光绿没货了，灰色的今天发货，等两三天就到', []).contradicted).toEqual([]);
  });
});

describe('a verb and 的 alone answers yes', () => {
  const jacket = contextOf('down-jacket');
  const washer = contextOf('drum-washer');
  const verdict = (ctx: JudgeContext, text: string, ask: string) => {
    const j = judge(ctx, text, [ask]);
    return j.stated.length > 0 ? 'stated' : j.wrong?.length ? 'wrong' : j.evaded.length ? 'evaded' : 'none';
  };

  it('给的 · 能送的 · 可以洗的 say yes to the yes/no question asked, right or wrong', () => {
    expect(verdict(jacket, '给的亲', 'down-jacket.return-insurance')).toBe('stated');
    expect(verdict(washer, '亲，能送的', 'drum-washer.floor-delivery')).toBe('stated');
    expect(verdict(jacket, '可以洗的哦', 'down-jacket.machine-wash')).toBe('wrong');
  });

  it('a negator, a longer phrase or a catalogue word is no bare yes', () => {
    expect(verdict(jacket, '没事的', 'down-jacket.return-insurance')).toBe('evaded');
    expect(verdict(jacket, '挺好看的', 'down-jacket.machine-wash')).toBe('evaded');
    expect(verdict(jacket, '不送的', 'down-jacket.return-insurance')).not.toBe('stated');
  });

  it('现货的 says in stock: no yes to whether it ships free or comes with insurance', () => {
    expect(verdict(jacket, '现货的亲', 'down-jacket.return-insurance')).not.toBe('stated');
    expect(verdict(jacket, '现货的，喜欢可以直接拍下哦', 'down-jacket.free-shipping')).not.toBe('stated');
  });
});

describe('a forecast is not a policy', () => {
  const jacket = contextOf('down-jacket');
  it('一般不会退 · 应该不会要退 say it will not come to that, nothing of the 7-day return', () => {
    expect(judge(jacket, '做工很好，一般不会退的', []).contradicted).toEqual([]);
    expect(judge(jacket, '放心，应该都不会要退货', []).contradicted).toEqual([]);
    expect(judge(jacket, '这款不能退的', []).contradicted).toEqual(['down-jacket.seven-day-return']);
  });
});
