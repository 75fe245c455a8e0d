// Facts and objections in words, never ids: what the catalogue says (保质期3年, 酒红色：缺货, 续航：6小时),
// and explanations that give the right answer for 信息错误 / 答非所问 / 回避问题 and name the concern.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import {
  describeFact,
  factName,
  factStatement,
  objectionName,
} from '../../../shared/src/scenario/fact-names.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { RULE_IDS } from '../../../shared/src/scenario/schema.ts';
import { explainViolation } from '../../../shared/src/scoring/explain.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const products = library.products;
const words = (ref: string) => factStatement(products, ref);

describe('facts in words', () => {
  it('says what the catalogue says for every kind of fact', () => {
    expect(factStatement(products, 'soothing-cream.shelf-life')).toBe('保质期3年');
    expect(factStatement(products, 'down-jacket.material')).toBe('材质：90%白鸭绒');
    expect(factStatement(products, 'down-jacket.colour.酒红')).toBe('颜色 · 酒红色：缺货');
    // A size in stock reads as the advice a student gives, with what the catalogue says it fits.
    expect(factStatement(products, 'down-jacket.size.M码')).toBe(
      '尺码：建议拍M码（身高158-165，体重100-115斤），有货',
    );
    expect(factStatement(products, 'running-shoes.size.44码')).toBe('尺码 · 44码：缺货');
    expect(factStatement(products, 'down-jacket.size.M码', 'en')).toBe(
      'Size: take M码 (身高158-165，体重100-115斤), in stock',
    );
    expect(factStatement(products, 'down-jacket.colour')).toBe(
      '颜色：有货：黑色、米白色、雾霾蓝；缺货：酒红色',
    );
    expect(factStatement(products, 'mooncake-box.free-shipping')).toBe('包邮：是');
    expect(factStatement(products, 'basic-earbuds.battery')).toBe('续航：6小时');
    expect(factStatement(products, 'basic-earbuds.battery.充电仓')).toBe('续航 · 充电仓：24小时');
    expect(factStatement(products, 'rice-cooker.delivery')).toBe('送达时间：2–4天');
    expect(factStatement(products, 'soothing-cream.no-such-fact')).toBeNull();
    expect(describeFact(products, 'soothing-cream.shelf-life', 'en')).toMatchObject({ name: 'Shelf life' });
  });

  it('names every fact of the library without showing its key', () => {
    for (const product of products.values()) {
      for (const [key, fact] of Object.entries(product.facts)) {
        for (const locale of ['zh-CN', 'en'] as const) {
          const name = factName(key, fact, locale);
          expect(name, `${product.id}.${key}`).not.toBe('');
          // A key with a hyphen is an id; no name may be one.
          if (key.includes('-')) expect(name, `${product.id}.${key}`).not.toBe(key);
        }
      }
    }
  });

  it('names objections, and an unknown one only as a concern', () => {
    expect(objectionName('quality')).toBe('品质');
    expect(objectionName('quality', 'en')).toBe('quality');
    expect(objectionName('made-up')).toBe('顾虑');
  });
});

describe('explanations', () => {
  it('give the right answer for 信息错误, 回避问题 and 答非所问', () => {
    const wrong = explainViolation('wrong-fact', { fact: 'soothing-cream.shelf-life' }, 'zh-CN', words);
    expect(wrong).toBe('回复与商品信息不符：正确的是「保质期3年」。');
    const evaded = explainViolation('question-evaded', { ask: 'down-jacket.colour.酒红色' }, 'zh-CN', words);
    expect(evaded).toContain('正确答案是「颜色 · 酒红色：缺货」');
    const irrelevant = explainViolation(
      'phrase-irrelevant',
      { asked: '保质期多久呀', ask: 'soothing-cream.shelf-life' },
      'zh-CN',
      words,
    );
    expect(irrelevant).toContain('买家问的是「保质期多久呀」');
    expect(irrelevant).toContain('应回答「保质期3年」');
    expect(explainViolation('wrong-fact', { fact: 'soothing-cream.shelf-life' }, 'en', words)).toContain(
      '"保质期3年"',
    );
  });

  it('name the concern, and say the invitation belongs in the answer', () => {
    expect(explainViolation('objection-unaddressed', { objection: 'quality' })).toBe(
      '买家对品质的顾虑没有得到正面化解：针对这个顾虑给出具体的理由或办法，不要只说「放心」。',
    );
    const late = explainViolation('no-order-prompt', { questions: 2, afterAnswerSeconds: 4.6 });
    expect(late).toContain('最后一次回答后 4.6 秒');
    expect(late).toContain('下单邀请要放在回答里');
    expect(explainViolation('no-order-prompt', { afterAnswerSeconds: 5 }, 'en')).toContain(
      'Put the invitation in the answer itself',
    );
  });

  it('never show an id, whatever the detail names', () => {
    const detail = {
      fact: 'soothing-cream.shelf-life',
      ask: 'down-jacket.colour.酒红色',
      objection: 'quality',
      phraseId: 'js2',
      asked: '在吗',
    };
    for (const rule of RULE_IDS) {
      for (const locale of ['zh-CN', 'en'] as const) {
        // Without the catalogue too: an unnamed fact, not its reference.
        for (const facts of [words, () => null]) {
          const text = explainViolation(rule, detail, locale, facts);
          expect(text, `${rule} ${locale}`).not.toMatch(
            /soothing-cream|down-jacket|shelf-life|js2|\(quality\)|（quality）/,
          );
        }
      }
    }
  });
});
