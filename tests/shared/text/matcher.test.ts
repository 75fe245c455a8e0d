import { describe, expect, it } from 'vitest';
import { ProductSchema } from '../../../shared/src/scenario/schema.ts';
import { type Analysis, createMatcher } from '../../../shared/src/text/index.ts';
import { chineseNumeral } from '../../../shared/src/text/vocabulary.ts';
import { jacket, lexicon, mug } from './fixtures.ts';

const matcher = createMatcher(lexicon, [jacket]);
const RED = 'option:down-jacket.color.红色';
const BLACK = 'option:down-jacket.color.黑色';
const WHITE = 'option:down-jacket.color.白色';
const SHIPPING = 'fact:down-jacket.shipping';

/** Each mention as `concept` or `¬concept`, in text order. */
const read = (a: Analysis) => a.mentions.map((m) => (m.negated ? `¬${m.concept}` : m.concept));

describe('spotting concepts', () => {
  it('finds lexicon and catalogue concepts with their positions in the normalised text', () => {
    const a = matcher.analyse('亲，羽绒服有货的！');
    expect(a.normalised).toBe('亲羽绒服有货的');
    expect(a.mentions).toEqual([
      { concept: 'greeting', term: '亲', start: 0, end: 1, clause: 0, negated: false },
      { concept: 'product:down-jacket', term: '羽绒服', start: 1, end: 4, clause: 1, negated: false },
      { concept: 'in-stock', term: '有货', start: 4, end: 6, clause: 1, negated: false },
    ]);
    expect(a.topics).toEqual(new Set(['greeting', 'stock']));
  });

  it('prefers the longest term and drops the shorter ones inside it', () => {
    expect(read(matcher.analyse('轻薄羽绒服'))).toEqual(['product:down-jacket']);
    expect(matcher.analyse('轻薄羽绒服').mentions[0]!.term).toBe('轻薄羽绒服');
    expect(read(matcher.analyse('酒红色'))).toEqual([RED]);
  });

  it('maps aliases to their option (酒红 → 红色) and a listed typo to its concept (包油 → 包邮)', () => {
    expect(matcher.analyse('酒红的很好看').affirmed).toEqual(new Set([RED]));
    const typo = matcher.analyse('这款包油哦');
    expect(typo.affirmed).toEqual(new Set(['shipping', SHIPPING]));
    expect(typo.mentions[0]!.term).toBe('包油');
  });

  it('does not correct unlisted typos: a near miss is not a mention', () => {
    expect(matcher.analyse('包有').mentions).toEqual([]);
    expect(matcher.analyse('白鸭戎').mentions).toEqual([]);
  });

  it('matches latin sizes case-insensitively but never inside a longer latin word', () => {
    expect(read(matcher.analyse('xl码有的'))).toEqual(['option:down-jacket.size.XL', 'in-stock']);
    expect(read(matcher.analyse('身高165cm'))).toEqual([]);
    expect(read(matcher.analyse('xxl'))).toEqual(['option:down-jacket.size.XXL']);
    expect(read(matcher.analyse('推荐 M 或者 L'))).toEqual([
      'option:down-jacket.size.M',
      'option:down-jacket.size.L',
    ]);
  });

  it('gives one mention per concept when two products share a term', () => {
    const both = createMatcher(lexicon, [jacket, mug]).analyse('红色有的');
    expect(read(both)).toEqual([RED, 'option:mug.color.红色', 'in-stock']);
  });

  it('reports the topic of lexicon and catalogue concepts', () => {
    expect(matcher.conceptTopic('order-prompt')).toBe('order');
    expect(matcher.conceptTopic(RED)).toBe('color');
    expect(matcher.conceptTopic('wrong:down-jacket.material')).toBe('material');
    expect(matcher.conceptTopic('product:down-jacket')).toBeUndefined();
    expect(matcher.conceptTopic('nothing')).toBeUndefined();
  });
});

describe('clauses', () => {
  it('splits at punctuation, emoji, CJK-separating spaces and contrast words', () => {
    const clauses = (text: string) => matcher.analyse(text).mentions.map((m) => m.clause);
    expect(clauses('红色。黑色！白色')).toEqual([0, 1, 2]);
    expect(clauses('红色😊黑色')).toEqual([0, 1]);
    expect(clauses('红色 黑色')).toEqual([0, 1]);
    expect(clauses('红色但是黑色不过白色')).toEqual([0, 1, 2]);
    expect(clauses('红色、黑色')).toEqual([0, 0]);
    expect(clauses('，，红色，，，黑色')).toEqual([0, 1]);
  });
});

describe('negation', () => {
  it('negates a term after a negator, allowing a few characters between', () => {
    expect(read(matcher.analyse('没有红色的'))).toEqual([`¬${RED}`]);
    expect(read(matcher.analyse('不是包邮'))).toEqual(['¬shipping', `¬${SHIPPING}`]);
    expect(read(matcher.analyse('不是很包邮'))).toEqual(['¬shipping', `¬${SHIPPING}`]);
    expect(read(matcher.analyse('没有这款的红色'))).toEqual([`¬${RED}`]);
    expect(read(matcher.analyse('没有这一款式的红色'))).toEqual([RED]);
  });

  it('negates a term before a negating phrase in the same clause', () => {
    expect(read(matcher.analyse('红色暂时缺货了'))).toEqual([`¬${RED}`]);
    expect(read(matcher.analyse('红色这几天都卖完了'))).toEqual([`¬${RED}`]);
  });

  it('keeps plain statements affirmed', () => {
    const a = matcher.analyse('包邮的');
    expect(a.affirmed).toEqual(new Set(['shipping', SHIPPING]));
    expect(a.negated).toEqual(new Set());
  });

  it('does not read 不错 / 不用 / 没问题 / 有没有 as negators', () => {
    expect(read(matcher.analyse('红色不错'))).toEqual([RED]);
    expect(read(matcher.analyse('不错的红色'))).toEqual([RED]);
    expect(read(matcher.analyse('不用担心包邮的'))).toEqual(['shipping', SHIPPING]);
    expect(read(matcher.analyse('没问题红色有的'))).toEqual([RED, 'in-stock']);
    expect(read(matcher.analyse('红色有没有货'))).toEqual([RED]);
  });

  it('scopes negation to its clause', () => {
    const a = matcher.analyse('黑色有货，但是红色卖完了');
    expect(read(a)).toEqual([BLACK, 'in-stock', `¬${RED}`]);
    expect(a.affirmed).toEqual(new Set([BLACK, 'in-stock']));
    expect(a.negated).toEqual(new Set([RED]));
    expect(read(matcher.analyse('没有红色，黑色有的'))).toEqual([`¬${RED}`, BLACK, 'in-stock']);
    expect(read(matcher.analyse('黑色有货红色没货'))).toEqual([BLACK, 'in-stock', `¬${RED}`]);
  });

  it('reaches every item of a list', () => {
    expect(read(matcher.analyse('没有红色和白色'))).toEqual([`¬${RED}`, `¬${WHITE}`]);
    expect(read(matcher.analyse('红色、白色都卖完了'))).toEqual([`¬${RED}`, `¬${WHITE}`]);
    expect(read(matcher.analyse('红色白色黑色都有货'))).toEqual([RED, WHITE, BLACK, 'in-stock']);
  });

  it('reads a negator closing the clause as negating the term before it', () => {
    expect(read(matcher.analyse('红色没有了哦'))).toEqual([`¬${RED}`]);
    expect(read(matcher.analyse('红色没有好看'))).toEqual([RED]);
  });

  it('reaches a denial after "but" in a clause naming nothing back to the option the clause before named', () => {
    expect(read(matcher.analyse('红色好看，不过现在缺货'))).toEqual([`¬${RED}`]);
    expect(read(matcher.analyse('红色好看，但是暂时没有了哦，下次到货通知您'))).toEqual([`¬${RED}`]);
    // Without "but" the later clause may say something else of it (停产了，以后都没有了 is not 缺货).
    expect(read(matcher.analyse('红色的，没有了'))).toEqual([RED]);
    // A denial that does not close its clause is a condition, not a denial of the option.
    expect(read(matcher.analyse('红色好看，不过不行的话可以换'))).toEqual([RED]);
    // A clause naming its own option keeps the denial to itself.
    expect(read(matcher.analyse('黑色有货，但是红色卖完了'))).toEqual([BLACK, 'in-stock', `¬${RED}`]);
  });

  it('reaches a clause that only says the goods are out now back to the option the clause before named', () => {
    expect(read(matcher.analyse('红色，暂时没有'))).toEqual([`¬${RED}`]);
    expect(read(matcher.analyse('红色在路上了 暂时没货'))).toEqual([`¬${RED}`]);
    expect(read(matcher.analyse('红色的呀，现在缺货了'))).toEqual([`¬${RED}`]);
    // 暂时没有哦: the negator took the bare 有哦 as its term; the clause still denies the option before it.
    expect(read(matcher.analyse('红色，暂时没有哦')).slice(0, 1)).toEqual([`¬${RED}`]);
    // Not when the clause before says it is there, nor when the denial names something of its own.
    expect(read(matcher.analyse('红色有货，暂时没有')).slice(0, 2)).toEqual([RED, 'in-stock']);
    expect(read(matcher.analyse('红色有的，现在没有优惠')).slice(0, 1)).toEqual([RED]);
    // Not a denial about later (以后都没有了 may mean discontinued), nor one with other words before it.
    expect(read(matcher.analyse('红色的，以后都没有了'))).toEqual([RED]);
    expect(read(matcher.analyse('红色好看，别的没有了'))).toEqual([RED]);
  });

  it('denies a term set apart from what is said of the rest (以外 · 之外 · 除外 · 除了), unless 还/也 adds to it', () => {
    expect(read(matcher.analyse('红色以外都有货'))).toEqual([`¬${RED}`, 'in-stock']);
    expect(read(matcher.analyse('除了红色都有货'))).toEqual([`¬${RED}`, 'in-stock']);
    expect(read(matcher.analyse('除了红色以外，其他都有货'))).toEqual([`¬${RED}`, 'in-stock']);
    expect(read(matcher.analyse('红色和白色除外都有货'))).toEqual([`¬${RED}`, `¬${WHITE}`, 'in-stock']);
    expect(read(matcher.analyse('除了红色还有白色'))).toEqual([RED, 'in-stock', WHITE]);
    expect(read(matcher.analyse('红色以外也有白色'))).toEqual([RED, WHITE]);
  });

  it('denies an option whose "in stock" is denied, also when they share a character', () => {
    expect(read(matcher.analyse('红色没有现货'))).toEqual([`¬${RED}`, '¬in-stock']);
    expect(read(matcher.analyse('红色没有的'))).toEqual([`¬${RED}`, '¬in-stock']);
    expect(read(matcher.analyse('红色没有货'))).toEqual([`¬${RED}`]); // 没有货 is a listed phrase
    // A negator with the goods as its object closes the clause: 没库存 · 无存货 deny stock like 缺货.
    expect(read(matcher.analyse('红色没库存了'))).toEqual([`¬${RED}`]);
    expect(read(matcher.analyse('红色暂时无存货'))).toEqual([`¬${RED}`]);
    expect(read(matcher.analyse('红色没库存管理'))).toEqual([RED]);
  });

  it('cancels double negations', () => {
    expect(read(matcher.analyse('不是没有红色'))).toEqual([RED]);
    expect(read(matcher.analyse('红色不缺货'))).toEqual([RED]);
    expect(read(matcher.analyse('不会没有红色'))).toEqual([RED]);
  });

  it('a negator that denies a word of its own does not cancel the next one (无香无荧光剂 · 不贵不包邮)', () => {
    expect(read(matcher.analyse('不贵不包邮'))).toEqual(['¬shipping', `¬${SHIPPING}`]);
    expect(read(matcher.analyse('无香无红色'))).toEqual([`¬${RED}`]);
  });

  it('lets each of two negators with a word between them deny its own (无香无红色 is no double negation)', () => {
    expect(read(matcher.analyse('无香无红色'))).toEqual([`¬${RED}`]);
    expect(read(matcher.analyse('没货没红色'))).toEqual([`¬${RED}`]);
  });

  it('reads 只有 X as every other option of the same fact being absent, for that clause', () => {
    const only = matcher.analyse('只有黑色');
    expect(read(only)).toEqual([BLACK]);
    expect(only.affirmed).toEqual(new Set([BLACK]));
    expect(only.negated).toEqual(new Set([RED, WHITE]));
    expect(matcher.analyse('只剩黑色和白色了').negated).toEqual(new Set([RED]));
    expect(matcher.analyse('只有XL码').negated).toEqual(
      new Set(['M', 'L', 'XXL'].map((s) => `option:down-jacket.size.${s}`)),
    );
  });

  it('leaves other options alone when 只有 X is itself denied or names no option', () => {
    expect(matcher.analyse('只有黑色缺货').negated).toEqual(new Set([BLACK]));
    expect(matcher.analyse('只有羽绒服').negated).toEqual(new Set());
  });

  it('collects topics from affirmed concepts only', () => {
    expect(matcher.analyse('不包邮').topics).toEqual(new Set());
    expect(matcher.analyse('红色卖完了，包邮的').topics).toEqual(new Set(['shipping']));
  });
});

describe('words, not characters', () => {
  it('never starts a term inside a word: 有的 is not in 所有的, but 酒红|木有 split where a term ended', () => {
    expect(read(matcher.analyse('所有的款式'))).toEqual([]);
    expect(read(matcher.analyse('酒红有的'))).toEqual([RED, 'in-stock']);
  });

  it('reads a term that is the rest of a word after its first character (jieba keeps 含酒精 as one word)', () => {
    const cream = ProductSchema.parse({
      id: 'cream',
      name: '面霜',
      price: 139,
      facts: { alcohol: { kind: 'yesno', topic: 'material', value: false, terms: ['酒精'] } },
    });
    const m = createMatcher(lexicon, [cream]);
    expect(read(m.analyse('不含酒精'))).toEqual(['¬fact:cream.alcohol']);
    expect(read(m.analyse('这款不含酒精成分的'))).toEqual(['¬fact:cream.alcohol']);
    expect(read(m.analyse('含酒精'))).toEqual(['fact:cream.alcohol']);
    // Only a tail ending where the word ends: 有的 runs past 所有 and stays unread.
    expect(read(m.analyse('所有的款式'))).toEqual([]);
  });

  it('keeps a one-character term to a whole word', () => {
    const m = createMatcher(
      { ...lexicon, concepts: { ...lexicon.concepts, gift: { topic: 'service', terms: ['送'] } } },
      [jacket],
    );
    expect(read(m.analyse('再送您一双袜子'))).toContain('gift');
    expect(read(m.analyse('明天送到'))).not.toContain('gift');
  });

  it('is the same whatever was analysed before, in any order (a pure function of library and text)', () => {
    const texts = ['所有的款式', '红色没有了哦', '包邮的', '酒红有的'];
    const once = texts.map((t) => read(createMatcher(lexicon, [jacket, mug]).analyse(t)));
    const shared = createMatcher(lexicon, [jacket, mug]);
    const reversed = [...texts].reverse().map((t) => read(shared.analyse(t)));
    expect(reversed.reverse()).toEqual(once);
  });
});

describe('catalogue numbers in Chinese numerals', () => {
  const shoes = createMatcher(lexicon, [
    ProductSchema.parse({
      id: 'shoes',
      name: '跑鞋',
      price: 299,
      facts: {
        size: {
          kind: 'options',
          topic: 'size',
          options: [
            { value: '37码', aliases: ['37'] },
            { value: '40码', aliases: [] },
            { value: '5号', aliases: [] },
          ],
        },
      },
    }),
  ]);
  it('names a size written with Chinese numerals (三十七码 · 四十码) like its digits', () => {
    expect(read(shoes.analyse('三十七码有的'))).toContain('option:shoes.size.37码');
    expect(read(shoes.analyse('四十码没货了'))).toContain('¬option:shoes.size.40码');
    expect(read(shoes.analyse('三十七'))).toEqual(['option:shoes.size.37码']);
  });
  it('reads a three-figure model number figure by figure (三一六 · 三零四) like its digits', () => {
    const flask = createMatcher(lexicon, [
      ProductSchema.parse({
        id: 'flask',
        name: '保温杯',
        price: 89,
        facts: {
          material: {
            kind: 'value',
            topic: 'material',
            value: '316不锈钢内胆',
            aliases: ['316不锈钢'],
            wrong: ['304不锈钢'],
          },
        },
      }),
    ]);
    expect(read(flask.analyse('三一六不锈钢的'))).toEqual(['fact:flask.material']);
    expect(read(flask.analyse('三零四不锈钢'))).toEqual(['wrong:flask.material']);
  });
  it('a lone numeral is too common a word to name a term', () => {
    expect(read(shoes.analyse('五号'))).toEqual(['option:shoes.size.5号']);
    expect(read(shoes.analyse('五个'))).toEqual([]);
  });
  it('spells whole numbers as shops write them', () => {
    expect([10, 11, 20, 37, 105, 110, 500].map(chineseNumeral)).toEqual([
      '十',
      '十一',
      '二十',
      '三十七',
      '一百零五',
      '一百一十',
      '五百',
    ]);
  });
});
