// How a reply states or contradicts yes/no and number facts worded the way shop assistants write them: opposite
// words, costs said to be charged, thresholds, 全国 / 一律, excluded conditions, which product a word or
// number is said of, and which numbers are claims at all.
import { describe, expect, it } from 'vitest';
import { LexiconSchema, ProductSchema } from '../../../shared/src/scenario/schema.ts';
import { createMatcher, findContradictions, judgeFact } from '../../../shared/src/text/index.ts';
import { lexicon as base } from './fixtures.ts';

const lexicon = LexiconSchema.parse({
  ...base,
  concepts: {
    ...base.concepts,
    charge: { terms: ['自理', '自己出', '您出', '另外买', '要加', '加钱', '收费', '补运费'] },
  },
  negation: { ...base.negation, before: [...base.negation.before, '别'] },
});

const flask = ProductSchema.parse({
  id: 'flask',
  name: '保温杯',
  aliases: ['杯子'],
  price: 89,
  facts: {
    'leak-proof': { kind: 'yesno', topic: 'service', value: true, terms: ['防漏', '不漏'] },
    'floor-delivery': {
      kind: 'yesno',
      topic: 'shipping',
      value: true,
      terms: ['送货上楼'],
      opposite: ['送到楼下'],
    },
    'gift-bag': { kind: 'yesno', topic: 'service', value: true, terms: ['手提袋'], costs: ['手提袋'] },
    'free-shipping': {
      kind: 'yesno',
      topic: 'shipping',
      value: true,
      terms: ['包邮'],
      costs: ['运费'],
      except: [{ when: ['新疆', '西藏'], value: false }],
    },
    'return-insurance': {
      kind: 'yesno',
      topic: 'service',
      value: true,
      terms: ['运费险'],
      costs: ['运费', '来回运费'],
    },
  },
});

const romper = ProductSchema.parse({
  id: 'romper',
  name: '连体衣',
  price: 89,
  facts: {
    'free-shipping': {
      kind: 'yesno',
      topic: 'shipping',
      value: false,
      terms: ['包邮'],
      costs: ['运费'],
      except: [{ when: ['两件', '满两件'], value: true }],
    },
  },
});

const oranges = ProductSchema.parse({
  id: 'oranges',
  name: '脐橙',
  price: 59,
  facts: {
    'remote-regions': { kind: 'yesno', topic: 'shipping', value: false, terms: ['新疆', '西藏'] },
  },
});

const lipstick = ProductSchema.parse({
  id: 'lipstick',
  name: '口红',
  price: 169,
  facts: { 'free-shipping': { kind: 'yesno', topic: 'shipping', value: true, terms: ['包邮'] } },
});

const verdictIn =
  (products: ReturnType<typeof ProductSchema.parse>[]) =>
  (text: string, ref: string, askedRefs?: string[]) => {
    const m = createMatcher(lexicon, products);
    return judgeFact(m, m.analyse(text), products, ref, true, askedRefs);
  };
const contradictionsIn = (products: ReturnType<typeof ProductSchema.parse>[]) => (text: string) => {
  const m = createMatcher(lexicon, products);
  return findContradictions(m, m.analyse(text), products);
};

describe('yes/no facts: opposite words', () => {
  const verdict = verdictIn([flask]);
  it('a term written as a denial (不漏) names its opposite (漏): said, it denies the fact; denied, it states it', () => {
    expect(verdict('倒着放会漏一点点', 'flask.leak-proof')).toBe('contradicted');
    expect(verdict('拧紧了倒过来都不漏', 'flask.leak-proof')).toBe('stated');
  });

  it('reads the opposite words a fact lists (送到楼下 for 送货上楼)', () => {
    expect(verdict('只送到楼下哦', 'flask.floor-delivery')).toBe('contradicted');
    expect(verdict('送货上楼的', 'flask.floor-delivery')).toBe('stated');
  });
});

describe('a blend said pure', () => {
  const scarf = ProductSchema.parse({
    id: 'scarf',
    name: '围巾',
    price: 129,
    facts: {
      material: {
        kind: 'value',
        topic: 'material',
        value: '澳毛混纺',
        aliases: ['羊毛混纺'],
        wrong: ['化纤'],
      },
    },
  });
  const verdict = verdictIn([scarf]);
  it('its fibre said pure (纯羊毛 · 百分百羊毛 · 全羊毛) contradicts it; denied, or the blend said, states it', () => {
    expect(verdict('对的 百分百纯羊毛', 'scarf.material')).toBe('contradicted');
    expect(verdict('全羊毛的哦', 'scarf.material')).toBe('contradicted');
    expect(verdict('不是纯羊毛，是羊毛混纺的', 'scarf.material')).toBe('stated');
    expect(verdict('羊毛混纺的亲', 'scarf.material')).toBe('stated');
  });
});

describe('yes/no facts: where the goods are brought', () => {
  const verdict = verdictIn([flask]);
  it('a verb moving the goods into the home states a delivery upstairs; one leaving them short of it denies it', () => {
    expect(verdict('没电梯也给您搬上去', 'flask.floor-delivery')).toBe('stated');
    expect(verdict('送货到家的亲', 'flask.floor-delivery')).toBe('stated');
    expect(verdict('师傅直接送到您家里', 'flask.floor-delivery')).toBe('stated');
    expect(verdict('物流只送到小区门口哈', 'flask.floor-delivery')).toBe('contradicted');
    expect(verdict('一般放驿站，您自己去拿', 'flask.floor-delivery')).toBe('contradicted');
    expect(verdict('大件一般送到楼下', 'flask.floor-delivery')).toBe('contradicted');
    // Denied short places, or a stop on the way up, say it right.
    expect(verdict('不会只放楼下的，给您搬上去', 'flask.floor-delivery')).toBe('stated');
    expect(verdict('不是送到小区门口，是送货上楼', 'flask.floor-delivery')).toBe('stated');
  });

  it('only a fact that brings the goods home reads places (包邮 does not)', () => {
    expect(verdict('送到小区门口', 'flask.free-shipping')).toBe('absent');
  });
});

describe('yes/no facts: what they spare the buyer, said to be charged', () => {
  const verdict = verdictIn([flask]);
  it('a cost said to be the buyer’s, or priced, denies the fact; said not to be, states it', () => {
    expect(verdict('运费得自己出哦，10块', 'flask.free-shipping')).toBe('contradicted');
    expect(verdict('运费要15哦', 'flask.free-shipping')).toBe('contradicted');
    expect(verdict('手提袋要另外买哦', 'flask.gift-bag')).toBe('contradicted');
    expect(verdict('来回运费都不用您出哦', 'flask.return-insurance')).toBe('stated');
    // A cost named without a charge says nothing.
    expect(verdict('运费的话', 'flask.free-shipping')).toBe('absent');
  });

  it('a term with no listed cost followed by the buyer doing or paying for it contradicts the fact either way', () => {
    const verdict = verdictIn([flask, oranges]);
    expect(verdict('送货上楼要加钱哦', 'flask.floor-delivery')).toBe('contradicted');
    expect(verdict('送货上楼，不另外收费', 'flask.floor-delivery')).toBe('stated');
    // Not offered at all (偏远地区不发): "it ships there if you pay" is as wrong.
    expect(verdict('新疆要补运费哦', 'oranges.remote-regions')).toBe('contradicted');
    expect(verdict('新疆要加钱', 'oranges.remote-regions')).toBe('contradicted');
  });

  it('holds a charge against the case its clause names', () => {
    expect(verdict('新疆的话运费自理', 'flask.free-shipping')).toBe('stated');
    expect(verdictIn([romper])('一件的话运费自理哦', 'romper.free-shipping')).toBe('stated');
  });
});

describe('yes/no facts: thresholds, every case, excluded cases', () => {
  it('a threshold the catalogue does not know says the fact fails for one item', () => {
    const verdict = verdictIn([flask]);
    expect(verdict('两件才包邮哦', 'flask.free-shipping')).toBe('contradicted');
    expect(verdict('满两件包邮，一件要加运费', 'flask.free-shipping')).toBe('contradicted');
    expect(verdict('一件也包邮', 'flask.free-shipping')).toBe('stated');
    // A count that is no threshold (4片装的) changes nothing.
    expect(verdict('有4件装的手提袋', 'flask.gift-bag')).toBe('stated');
  });

  it('a spending threshold above the price is one too, below it is not', () => {
    const verdict = verdictIn([lipstick]);
    expect(verdict('满199包邮哦', 'lipstick.free-shipping')).toBe('contradicted');
    expect(verdict('满99包邮哦', 'lipstick.free-shipping')).toBe('stated');
  });

  it('a threshold the catalogue states is its case (两件 for the romper)', () => {
    const verdict = verdictIn([romper]);
    expect(verdict('满两件包邮哦', 'romper.free-shipping')).toBe('stated');
    expect(verdict('再加一件就包邮了', 'romper.free-shipping')).toBe('stated');
  });

  it('全国 / 一律 covers the exceptions too; 除外 names cases the statement leaves out', () => {
    const verdict = verdictIn([flask]);
    expect(verdict('全国包邮', 'flask.free-shipping')).toBe('contradicted');
    expect(verdict('包邮的（新疆西藏除外）', 'flask.free-shipping')).toBe('stated');
    expect(verdict('全国包邮，新疆西藏除外', 'flask.free-shipping')).toBe('stated');
    expect(verdict('除了新疆都包邮', 'flask.free-shipping')).toBe('stated');
  });
});

describe('which product a word or a number is said of', () => {
  const earbuds = ProductSchema.parse({
    id: 'earbuds',
    name: '降噪耳机',
    aliases: ['降噪款'],
    price: 399,
    facts: {
      anc: { kind: 'yesno', topic: 'service', value: true, terms: ['主动降噪'] },
      weight: { kind: 'number', topic: 'size', value: 4.5, unit: '克', tolerance: 0.2, terms: ['单只'] },
      battery: {
        kind: 'number',
        topic: 'size',
        value: 8,
        unit: '小时',
        terms: ['续航'],
        except: [{ when: ['充电仓'], value: 30 }],
      },
      charging: { kind: 'number', topic: 'size', value: 1.5, unit: '小时', terms: ['充满'] },
    },
  });
  const basic = ProductSchema.parse({
    id: 'basic',
    name: '入门耳机',
    aliases: ['入门款'],
    price: 159,
    facts: {
      anc: { kind: 'yesno', topic: 'service', value: false, terms: ['主动降噪'] },
      weight: { kind: 'number', topic: 'size', value: 4, unit: '克', tolerance: 0.2, terms: ['单只'] },
    },
  });
  const both = [earbuds, basic];
  const verdict = verdictIn(both);

  it('binds a word to the product named last before it', () => {
    expect(contradictionsIn(both)('入门款没有主动降噪')).toEqual([]);
    expect(verdict('入门款没有主动降噪', 'basic.anc')).toBe('stated');
  });

  it('binds each number to the product named last before it', () => {
    const asked = ['basic.weight', 'earbuds.weight'];
    expect(verdict('入门款4克，降噪款4.5克', 'basic.weight', asked)).toBe('stated');
    expect(verdict('入门款4克，降噪款4.5克', 'earbuds.weight', asked)).toBe('stated');
    expect(verdict('入门款4.5克，降噪款4克', 'earbuds.weight', asked)).toBe('contradicted');
  });

  it('gives a number with no word of its own to the asked fact it fits', () => {
    const asked = ['earbuds.battery', 'earbuds.charging'];
    expect(verdictIn([earbuds])('8小时', 'earbuds.battery', asked)).toBe('stated');
    expect(verdictIn([earbuds])('8小时', 'earbuds.charging', asked)).toBe('absent');
  });

  it('reads 到 right before an amount as "up to", not as an arrival (带仓能到24个小时)', () => {
    const shop = ProductSchema.parse({
      ...basic,
      facts: {
        ...basic.facts,
        battery: {
          kind: 'number',
          topic: 'size',
          value: 6,
          unit: '小时',
          terms: ['续航'],
          except: [{ when: ['带仓'], value: 24 }],
        },
        delivery: { kind: 'number', topic: 'shipping', value: [2, 4], unit: '天', terms: ['能到', '送到'] },
      },
    });
    const v = verdictIn([shop]);
    expect(v('单次6小时，带仓能到24个小时', 'basic.battery')).toBe('stated');
    expect(contradictionsIn([shop])('单次6小时，带仓能到24个小时')).toEqual([]);
    expect(v('带仓能到40个小时', 'basic.battery')).toBe('contradicted');
    // An arrival said with its time before 能到 is still the delivery time.
    expect(v('两三天能到', 'basic.delivery')).toBe('stated');
    expect(v('明天就能到', 'basic.delivery')).toBe('contradicted');
  });

  it('an amount said to be enough, with no word of the fact before it, is a need some case meets', () => {
    const one = verdictIn([earbuds]);
    expect(one('8小时，一天妥妥的', 'earbuds.battery')).toBe('stated');
    expect(one('一天妥妥的', 'earbuds.battery')).toBe('stated');
    expect(one('一整天都够用', 'earbuds.battery')).toBe('stated');
    // More than any case gives is a promise it cannot keep; the fact's own word before it makes it its value.
    expect(one('两天都没问题', 'earbuds.battery')).toBe('contradicted');
    expect(one('续航20小时够用', 'earbuds.battery')).toBe('contradicted');
  });

  it('lends a condition only from a clause that says nothing itself', () => {
    const one = verdictIn([earbuds]);
    expect(one('算上充电仓三十小时，耳机自己八小时', 'earbuds.battery.充电仓')).toBe('stated');
    expect(one('充电仓的话，30小时', 'earbuds.battery')).toBe('stated');
    expect(one('耳机8个钟，充电仓再加22个钟', 'earbuds.battery')).toBe('stated');
  });
});

describe('which numbers are claims', () => {
  const shop = ProductSchema.parse({
    id: 'shop',
    name: '耳机',
    price: 99,
    facts: {
      delivery: { kind: 'number', topic: 'shipping', value: [2, 4], unit: '天', terms: ['到货', '能到'] },
      'quick-charge': { kind: 'number', topic: 'size', value: 2, unit: '小时', terms: ['充10分钟'] },
      'keep-hot': { kind: 'number', topic: 'size', value: 12, unit: '小时', terms: ['保温'] },
      dispatch: { kind: 'value', topic: 'shipping', value: '48小时内发货' },
      'opened-life': { kind: 'value', topic: 'size', value: '开封后12个月' },
      'shelf-life': { kind: 'value', topic: 'size', value: '保质期36个月' },
    },
  });
  const verdict = verdictIn([shop]);

  it('a number a negator denies right after it is no claim (明天到不了，一般2到4天)', () => {
    expect(verdict('明天到不了哦，一般2到4天', 'shop.delivery')).toBe('stated');
    expect(verdict('明天能到', 'shop.delivery')).toBe('contradicted');
  });

  it('a number inside a term is part of the term (充10分钟能听2小时)', () => {
    expect(verdict('充10分钟能听2小时', 'shop.quick-charge')).toBe('stated');
  });

  it('a unit word anchors nothing, and a condition said not to hold (没开封) anchors no number', () => {
    expect(verdict('能保温24小时', 'shop.keep-hot')).toBe('contradicted');
    expect(contradictionsIn([shop])('没开封能放36个月')).toEqual([]);
  });
});

describe('a little of it: 会掉一点 · 含一点点酒精 against a catalogue 不 / 无', () => {
  const sheets = ProductSchema.parse({
    id: 'sheets',
    name: '四件套',
    price: 299,
    facts: {
      fading: { kind: 'yesno', topic: 'service', value: false, terms: ['掉色', '褪色'] },
      pilling: { kind: 'yesno', topic: 'service', value: false, terms: ['起球'] },
      'leak-proof': { kind: 'yesno', topic: 'service', value: true, terms: ['防漏'], opposite: ['漏水'] },
      moisture: { kind: 'value', topic: 'material', value: '含乳木果油', wrong: ['含酒精'] },
    },
  });
  const verdict = verdictIn([sheets]);
  const wrong = contradictionsIn([sheets]);

  it('reads a verb and its object across a little said between them', () => {
    expect(verdict('含一点点酒精，正常的', 'sheets.moisture')).toBe('contradicted');
    expect(verdict('第一次洗会掉点色', 'sheets.fading')).toBe('contradicted');
    expect(verdict('偶尔会起些球', 'sheets.pilling')).toBe('contradicted');
    expect(wrong('刚洗会掉一点色')).toEqual(['sheets.fading']);
    // Denied, it states the fact.
    expect(verdict('不会掉一点色的', 'sheets.fading')).toBe('stated');
  });

  it('asked about it, reads the verb with a little and no object as said of the question', () => {
    expect(verdict('会掉一点点，正常的', 'sheets.fading')).toBe('contradicted');
    expect(verdict('刚开始会起一点', 'sheets.pilling')).toBe('contradicted');
    expect(verdict('倒过来会漏点', 'sheets.leak-proof')).toBe('contradicted');
    // Denied or followed by something else, it says no such thing.
    expect(verdict('一点都不会掉', 'sheets.fading')).toBe('absent');
    expect(verdict('起一点作用', 'sheets.pilling')).toBe('absent');
    // Not asked, a bare 会掉一点 could be about anything.
    const m = createMatcher(lexicon, [sheets]);
    expect(judgeFact(m, m.analyse('会掉一点点'), [sheets], 'sheets.fading', false)).toBe('absent');
  });
});

describe('wrong values said short, and wrong values that are only amounts', () => {
  const cooker = ProductSchema.parse({
    id: 'cooker',
    name: '电饭煲',
    price: 269,
    facts: {
      'inner-pot': {
        kind: 'value',
        topic: 'material',
        value: '不粘涂层内胆',
        aliases: ['不粘内胆'],
        wrong: ['不锈钢内胆', '陶瓷内胆', '一周内发货'],
      },
      'shelf-life': { kind: 'value', topic: 'material', value: '保质期3年', wrong: ['1年', '一年'] },
      'opened-life': { kind: 'value', topic: 'material', value: '开封后12个月', wrong: ['开封后3个月'] },
    },
  });
  const all = [cooker];
  const verdict = verdictIn(all);
  const m = createMatcher(lexicon, all);

  it('reads a wrong value without the noun it shares with the right one (不锈钢的 for 不锈钢内胆)', () => {
    expect(verdict('不锈钢的', 'cooker.inner-pot')).toBe('contradicted');
    expect(verdict('内胆是陶瓷的哦', 'cooker.inner-pot')).toBe('contradicted');
    expect(verdict('不粘内胆', 'cooker.inner-pot')).toBe('stated');
    // Numbers and time words are no names: 一周 is not taken from 一周内发货.
    expect(verdict('一周左右吧', 'cooker.inner-pot')).toBe('absent');
  });

  it('leaves a wrong value that is only an amount to the fact its number speaks of', () => {
    expect(verdict('一年以内都没问题', 'cooker.opened-life')).toBe('stated');
    expect(findContradictions(m, m.analyse('一年以内都没问题'), all, ['cooker.opened-life'])).toEqual([]);
    expect(findContradictions(m, m.analyse('保质期一年'), all)).toEqual(['cooker.shelf-life']);
  });
});

describe('charges holding the cost, and hedges', () => {
  const verdict = verdictIn([flask]);
  it('a charge word holding the cost charges it (补运费), in the case asked or named', () => {
    expect(verdict('要补运费哦', 'flask.free-shipping')).toBe('contradicted');
    expect(verdict('要补运费哦', 'flask.free-shipping.新疆')).toBe('stated');
    expect(verdict('新疆要补运费', 'flask.free-shipping')).toBe('stated');
  });

  it('a term left open by a hedge after it claims nothing (要看情况 · 不一定)', () => {
    expect(verdict('送货上楼的话要看情况哦', 'flask.floor-delivery')).toBe('absent');
    expect(verdict('包邮不一定哦', 'flask.free-shipping')).toBe('absent');
    expect(verdict('送货上楼的', 'flask.floor-delivery')).toBe('stated');
  });
});
