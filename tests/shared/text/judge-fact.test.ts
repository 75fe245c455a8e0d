import { describe, expect, it } from 'vitest';
import { ProductSchema } from '../../../shared/src/scenario/schema.ts';
import {
  createMatcher,
  type FactVerdict,
  findContradictions,
  judgeFact,
} from '../../../shared/src/text/index.ts';
import { jacket, lexicon, mug } from './fixtures.ts';

const products = [jacket, mug];
const matcher = createMatcher(lexicon, products);
const judge = (text: string, ref: string, asked = true): FactVerdict =>
  judgeFact(matcher, matcher.analyse(text), products, ref, asked);
const contradictions = (text: string) => findContradictions(matcher, matcher.analyse(text), products);

describe('judgeFact: one option', () => {
  it('in stock: stated when affirmed, contradicted when denied, absent when not named', () => {
    expect(judge('黑色有货的', 'down-jacket.color.黑色')).toBe('stated');
    expect(judge('黑的可以的', 'down-jacket.color.黑色')).toBe('stated');
    expect(judge('黑色卖完了', 'down-jacket.color.黑色')).toBe('contradicted');
    expect(judge('只有白色', 'down-jacket.color.黑色')).toBe('contradicted');
    expect(judge('白色有货', 'down-jacket.color.黑色')).toBe('absent');
  });

  it('sold out: stated when denied, also through 只有 another option, or by an alias in the ref', () => {
    expect(judge('红色暂时缺货了', 'down-jacket.color.红色')).toBe('stated');
    expect(judge('只有黑色和白色', 'down-jacket.color.红色')).toBe('stated');
    expect(judge('没有酒红的', 'down-jacket.color.酒红')).toBe('stated');
  });

  it('sold out: contradicted when claimed in stock, or named without denial while it is the question', () => {
    expect(judge('红色有货的', 'down-jacket.color.红色', false)).toBe('contradicted');
    expect(judge('红色的', 'down-jacket.color.红色', true)).toBe('contradicted');
    // Praising the colour asked about says nothing of its stock: a dodge (trainers, dj-colour-07).
    expect(judge('红色很好看', 'down-jacket.color.红色', true)).toBe('absent');
    expect(judge('红色很好看', 'down-jacket.color.红色', false)).toBe('absent');
    // The stock claim belongs to 黑色's clause only.
    expect(judge('红色很好看，黑色有货', 'down-jacket.color.红色', false)).toBe('absent');
  });

  it('a stock claim outweighs a denial elsewhere, and a denial outweighs a bare mention', () => {
    expect(judge('红色呢，抱歉红色卖完了', 'down-jacket.color.红色', true)).toBe('stated');
    expect(judge('红色卖完了？红色还有的', 'down-jacket.color.红色', true)).toBe('contradicted');
  });
});

describe('judgeFact: out of stock in any word of the shops', () => {
  // The shipped lexicon's negators after a term include 断了 · 断码 · 缺码 · 卖没了 (a size run broken).
  const shop = {
    ...lexicon,
    negation: { ...lexicon.negation, after: [...lexicon.negation.after, '断了', '断码了'] },
  };
  const m = createMatcher(shop, products);
  const says = (text: string, ref: string) => judgeFact(m, m.analyse(text), products, ref, true);
  it('断了 · 断码了 deny the option, alone or in a clause of its own after the option', () => {
    expect(says('XXL断了，暂时不补哦', 'down-jacket.size.XXL')).toBe('stated');
    expect(says('XXL断码了亲', 'down-jacket.size.XXL')).toBe('stated');
    expect(says('XXL这个码，断了', 'down-jacket.size.XXL')).toBe('stated');
    expect(says('L码断了', 'down-jacket.size.L')).toBe('contradicted');
    expect(says('L码有的，XXL断了', 'down-jacket.size.L')).toBe('stated');
  });
});

describe('judgeFact: which option to take', () => {
  it('recommending another option than the asked one is wrong; naming another one in stock is not', () => {
    expect(judge('拍L就够了', 'down-jacket.size.M')).toBe('contradicted');
    expect(judge('建议XL，宽松一点', 'down-jacket.size.M')).toBe('contradicted');
    expect(judge('L有货的', 'down-jacket.size.M')).toBe('absent');
    expect(judge('拍L就够了', 'down-jacket.size.M', false)).toBe('absent');
    // Praising another option recommends nothing (and answers nothing): a dodge, not a wrong fact.
    expect(judge('白色很百搭的，也好看', 'down-jacket.color.黑色')).toBe('absent');
    expect(judge('白色的也好看', 'down-jacket.color.黑色')).toBe('absent');
  });
});

describe('judgeFact: a whole options fact', () => {
  it('stated when an in-stock option is affirmed and no sold-out one claimed in stock', () => {
    expect(judge('黑色白色都有货，红色卖完了', 'down-jacket.color')).toBe('stated');
    expect(judge('有M和L', 'down-jacket.size')).toBe('stated');
  });

  it('contradicted when a sold-out option is claimed in stock or an in-stock one denied', () => {
    expect(judge('红色和黑色都有货', 'down-jacket.color')).toBe('contradicted');
    expect(judge('黑色没货了', 'down-jacket.color')).toBe('contradicted');
  });

  it('absent when only sold-out options are denied or nothing is named', () => {
    expect(judge('红色缺货', 'down-jacket.color')).toBe('absent');
    expect(judge('您好，稍等', 'down-jacket.color')).toBe('absent');
  });
});

describe('judgeFact: value facts', () => {
  it('stated by the value or an alias, contradicted by a wrong term or a denied value', () => {
    expect(judge('是90%白鸭绒的', 'down-jacket.material')).toBe('stated');
    expect(judge('白鸭绒填充', 'down-jacket.material')).toBe('stated');
    expect(judge('是鹅绒的哦', 'down-jacket.material')).toBe('contradicted');
    expect(judge('白鸭绒和鹅绒混合', 'down-jacket.material')).toBe('contradicted');
    expect(judge('不是白鸭绒', 'down-jacket.material')).toBe('contradicted');
    expect(judge('不是鹅绒，是白鸭绒', 'down-jacket.material')).toBe('stated');
    expect(judge('很保暖的', 'down-jacket.material')).toBe('absent');
  });
});

describe('judgeFact: a wrong value said of something else', () => {
  it('is no claim when said of other shops’ goods or of how long the product lasts in use', () => {
    expect(judge('别家便宜的多半是鹅绒的', 'down-jacket.material')).toBe('absent');
    expect(judge('市面上很多是灰鸭绒', 'down-jacket.material')).toBe('absent');
    expect(judge('我们是鹅绒的', 'down-jacket.material')).toBe('contradicted');
  });
});

describe('judgeFact: yes/no facts', () => {
  it('true fact: stated when affirmed, contradicted when denied', () => {
    expect(judge('包邮的', 'down-jacket.shipping')).toBe('stated');
    expect(judge('免运费哦', 'down-jacket.shipping')).toBe('stated');
    expect(judge('不包邮', 'down-jacket.shipping')).toBe('contradicted');
    expect(judge('发顺丰', 'down-jacket.shipping')).toBe('absent');
  });

  it('false fact: stated when denied, contradicted when affirmed', () => {
    expect(judge('杯子不包邮', 'mug.shipping')).toBe('stated');
    expect(judge('杯子包邮的', 'mug.shipping')).toBe('contradicted');
    // A right statement with a nuance stays right.
    expect(judge('不包邮，满99包邮', 'mug.shipping')).toBe('stated');
  });
});

describe('judgeFact: references', () => {
  it('is absent for a reference that does not resolve', () => {
    expect(judge('红色有货', 'down-jacket.colour.红色')).toBe('absent');
    expect(judge('红色有货', 'nothing.color')).toBe('absent');
  });
});

describe('findContradictions', () => {
  it('lists every fact the reply contradicts, options by their canonical value', () => {
    expect(contradictions('酒红有货的，是鹅绒的，不包邮')).toEqual([
      'down-jacket.color.红色',
      'down-jacket.material',
      'down-jacket.shipping',
    ]);
  });

  it('names a sold-out option without a stock claim without contradicting (asked = false)', () => {
    expect(contradictions('红色很显白')).toEqual([]);
  });

  it('reads each product by its own catalogue', () => {
    // The mug's red is in stock, the jacket's is not; the mug does not ship free, the jacket does.
    expect(contradictions('红色还有，包邮的')).toEqual(['down-jacket.color.红色', 'mug.shipping']);
    expect(contradictions('')).toEqual([]);
  });
});

describe('judgeFact: numbers against the catalogue', () => {
  const earbuds = ProductSchema.parse({
    id: 'earbuds',
    name: '蓝牙耳机',
    price: 399,
    facts: {
      battery: {
        kind: 'number',
        topic: 'size',
        value: 8,
        unit: '小时',
        terms: ['续航'],
        except: [{ when: ['充电仓'], value: 30 }],
      },
      delivery: { kind: 'number', topic: 'shipping', value: [2, 4], unit: '天', terms: ['到货', '送到'] },
      dispatch: { kind: 'number', topic: 'shipping', value: 48, unit: '小时', bound: 'max', terms: ['发货'] },
      weight: { kind: 'number', topic: 'size', value: 4.5, unit: '克', tolerance: 0.2, terms: ['重'] },
      warranty: { kind: 'value', topic: 'size', value: '整机保修1年', wrong: ['保修半年'] },
      'motor-warranty': { kind: 'value', topic: 'size', value: '电机保修3年' },
      'free-shipping': {
        kind: 'yesno',
        topic: 'shipping',
        value: true,
        terms: ['包邮'],
        except: [{ when: ['新疆', '西藏'], value: false }],
      },
    },
  });
  const all = [earbuds];
  const m = createMatcher(lexicon, all);
  const verdict = (text: string, ref: string) => judgeFact(m, m.analyse(text), all, ref, true);
  const wrong = (text: string) => findContradictions(m, m.analyse(text), all);

  it('states or contradicts a number in any unit and wording, conditional values by their condition', () => {
    expect(verdict('续航8小时哦', 'earbuds.battery')).toBe('stated');
    expect(verdict('八个小时', 'earbuds.battery')).toBe('stated');
    expect(verdict('配合充电仓能用30小时', 'earbuds.battery')).toBe('stated');
    expect(verdict('充电仓可以用8小时', 'earbuds.battery')).toBe('contradicted');
    expect(verdict('续航10小时', 'earbuds.battery')).toBe('contradicted');
    expect(verdict('单只4.6g', 'earbuds.weight')).toBe('stated');
    expect(verdict('单只5g', 'earbuds.weight')).toBe('contradicted');
  });

  it('reads a number said with no case named as the default case, the asked case when one was asked', () => {
    // 30小时 is the battery with the charging case: said alone, it is the earbuds' own 8 hours said wrong.
    expect(verdict('30小时', 'earbuds.battery')).toBe('contradicted');
    expect(verdict('续航有30个小时', 'earbuds.battery')).toBe('contradicted');
    expect(wrong('续航30小时')).toEqual(['earbuds.battery']);
    // Asked about the charging case, an unqualified 30 answers that case, and contradicts nothing.
    expect(verdict('一共30小时', 'earbuds.battery.充电仓')).toBe('stated');
    expect(findContradictions(m, m.analyse('30小时哦'), all, ['earbuds.battery.充电仓'])).toEqual([]);
    // Named as asked: the wrong answer is one contradiction, not also one of the bare fact.
    expect(findContradictions(m, m.analyse('8小时哦'), all, ['earbuds.battery.充电仓'])).toEqual([
      'earbuds.battery.充电仓',
    ]);
  });

  it('holds ranges and promises against a range: a reading or a promise "by X" must lie within it', () => {
    expect(verdict('两三天就到货', 'earbuds.delivery')).toBe('stated');
    expect(verdict('一般两三天', 'earbuds.delivery')).toBe('stated');
    expect(verdict('2-4天', 'earbuds.delivery')).toBe('stated');
    expect(verdict('三五天', 'earbuds.delivery')).toBe('contradicted');
    expect(verdict('后天就到', 'earbuds.delivery')).toBe('stated');
    expect(verdict('4天内送到', 'earbuds.delivery')).toBe('stated');
    // Faster than the catalogue promises, or slower than it allows.
    expect(verdict('明天就到', 'earbuds.delivery')).toBe('contradicted');
    expect(verdict('五天内送到', 'earbuds.delivery')).toBe('contradicted');
  });

  it("reads a number closing a clause in the asked fact's unit when the reply leaves the unit unsaid", () => {
    expect(verdict('付款后一般四十八', 'earbuds.dispatch')).toBe('stated');
    expect(verdict('大概48左右哦', 'earbuds.dispatch')).toBe('stated');
    expect(verdict('一般七十二', 'earbuds.dispatch')).toBe('contradicted');
    // Not asked, the bare number is said of nothing; a lone digit (送一) or a number with a word after it is no amount.
    expect(judgeFact(m, m.analyse('一般七十二'), all, 'earbuds.dispatch', false)).toBe('absent');
    expect(verdict('买二送一', 'earbuds.dispatch')).toBe('absent');
    expect(verdict('72号发', 'earbuds.dispatch')).toBe('absent');
  });

  it('holds anything within an at-most fact as right: 明天就能发 for 48小时内发货', () => {
    expect(verdict('明天就能发', 'earbuds.dispatch')).toBe('stated');
    expect(verdict('两天内发货', 'earbuds.dispatch')).toBe('stated');
    expect(verdict('付款后三五天发', 'earbuds.dispatch')).toBe('contradicted');
  });

  it('ties a number to the fact whose word stands nearest, and reads 发货后 as counting from dispatch', () => {
    expect(wrong('整机保修1年，电机保修3年')).toEqual([]);
    expect(wrong('整机保修3年电机保修1年')).toEqual(['earbuds.warranty', 'earbuds.motor-warranty']);
    expect(wrong('保修半年')).toEqual(['earbuds.warranty']);
    expect(verdict('48小时内发货，发货后一般两三天到', 'earbuds.dispatch')).toBe('stated');
    // A number about something else (the buyer's weight) is not the product's.
    expect(wrong('我163，105斤')).toEqual([]);
  });

  it('reads a yes/no fact with exceptions case by case: 新疆不包邮 is right, 新疆包邮 wrong', () => {
    expect(verdict('包邮的', 'earbuds.free-shipping')).toBe('stated');
    expect(verdict('新疆不包邮哦', 'earbuds.free-shipping')).toBe('stated');
    expect(verdict('新疆也包邮', 'earbuds.free-shipping')).toBe('contradicted');
    expect(verdict('新疆的话，不包邮', 'earbuds.free-shipping')).toBe('stated');
    expect(verdict('不包邮的', 'earbuds.free-shipping.新疆')).toBe('stated');
    expect(verdict('包邮的', 'earbuds.free-shipping.新疆')).toBe('contradicted');
  });
});

describe('judgeFact: a case set apart from the rest', () => {
  const cakes = ProductSchema.parse({
    id: 'cakes',
    name: '月饼礼盒',
    price: 168,
    facts: {
      'remote-regions': { kind: 'yesno', topic: 'shipping', value: false, terms: ['新疆', '西藏'] },
    },
  });
  const all = [cakes];
  const m = createMatcher(lexicon, all);
  const verdict = (text: string) => judgeFact(m, m.analyse(text), all, 'cakes.remote-regions', true);
  const wrong = (text: string) => findContradictions(m, m.analyse(text), all);

  it('reads 新疆以外都能发 as 新疆 cannot be sent to (right), 新疆也能发 as it can (wrong)', () => {
    expect(wrong('新疆以外的地址都能发')).toEqual([]);
    expect(verdict('新疆以外的地址都能发')).toBe('stated');
    expect(verdict('除了新疆西藏，别的地方都能发')).toBe('stated');
    expect(wrong('新疆也能发的')).toEqual(['cakes.remote-regions']);
  });
});
