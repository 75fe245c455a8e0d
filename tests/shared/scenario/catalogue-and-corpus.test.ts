// The catalogue as shops state it (number facts, exceptions, category facts) and the judgement corpus files:
// both validated by the same loader as every scenario file, errors at file:line:col.
import { describe, expect, it } from 'vitest';
import { formatError, loadLibrary } from '../../../shared/src/scenario/load.ts';
import { VALID, withFile } from './library-files.ts';

const errorsOf = (files: Parameters<typeof loadLibrary>[0]) => loadLibrary(files).errors.map(formatError);
const CORPUS_HEAD = '# yaml-language-server: $schema=../../schema/corpus.schema.json\ncases:\n';

const EARBUDS = `id: earbuds
name: 蓝牙耳机
category: electronic
price: 399
facts:
  battery:
    kind: number
    topic: material
    value: 8
    unit: 小时
    terms: [续航]
    except:
      - when: [充电仓]
        value: 30
  delivery:
    kind: number
    topic: shipping
    value: [4, 2]
    unit: 天
  weight:
    kind: number
    topic: material
    value: 4.5
    unit: 克拉
  free-shipping:
    kind: yesno
    topic: shipping
    value: true
    terms: [包邮]
    except:
      - when: [新疆, 西藏]
        value: false
      - when: [西藏]
        value: false
`;

describe('number facts and exceptions', () => {
  it('reports a reversed range, an unknown unit and a repeated condition word at their positions', () => {
    const file = `${VALID}/products/earbuds.yaml`;
    const errors = errorsOf(withFile('products/earbuds.yaml', EARBUDS));
    expect(errors).toContain(`${file}:18:12 facts.delivery.value 范围应写成 [最小, 最大]`);
    expect(
      errors.find((e) => e.startsWith(`${file}:24:11 facts.weight.unit 的值 "克拉" 无效`)),
    ).toBeDefined();
  });

  it('accepts a valid number fact with a conditional value and reads its defaults', () => {
    const fixed = EARBUDS.replace('[4, 2]', '[2, 4]')
      .replace('克拉', '克')
      .replace('category: electronic\n', '')
      .replace('      - when: [西藏]\n        value: false\n', '');
    const { library, errors } = loadLibrary(withFile('products/earbuds.yaml', fixed));
    expect(errors.map(formatError)).toEqual([]);
    const battery = library.products.get('earbuds')!.facts.battery!;
    expect(battery).toMatchObject({ kind: 'number', value: 8, unit: '小时', tolerance: 0, bound: 'exact' });
    expect(battery.kind === 'number' && battery.except).toEqual([{ when: ['充电仓'], value: 30 }]);
  });

  it('reports a condition word used by two exceptions of one fact', () => {
    const file = `${VALID}/products/earbuds.yaml`;
    const fixed = EARBUDS.replace('[4, 2]', '[2, 4]')
      .replace('克拉', '克')
      .replace('category: electronic\n', '');
    expect(errorsOf(withFile('products/earbuds.yaml', fixed))).toEqual([
      `${file}:32:16 facts.free-shipping.except[1].when[0] 条件 "西藏" 在别的例外里已经写过`,
    ]);
  });
});

describe('categories', () => {
  const food = `id: food
name: 食品
facts:
  seven-day-return:
    kind: yesno
    topic: shipping
    value: false
    terms: [七天无理由]
  free-shipping:
    kind: yesno
    topic: shipping
    value: false
    terms: [包邮]
`;

  it('gives a product its category facts; the product’s own fact of the same key wins', () => {
    const files = [
      ...withFile('categories/food.yaml', food),
      ...withFile('products/down-jacket.yaml', '').slice(0, 0),
    ];
    const jacket = files.find((f) => f.path.endsWith('products/down-jacket.yaml'))!;
    jacket.text = jacket.text.replace('name: 女款轻薄羽绒服', 'name: 女款轻薄羽绒服\ncategory: food');
    const { library, errors } = loadLibrary(files);
    expect(errors.map(formatError)).toEqual([]);
    const facts = library.products.get('down-jacket')!.facts;
    expect(facts['seven-day-return']).toMatchObject({ kind: 'yesno', value: false });
    expect(facts['free-shipping']).toMatchObject({ kind: 'yesno', value: true });
    expect(library.categories.get('food')?.name).toBe('食品');
  });

  it('reports an unknown category with a suggestion, and a category fact’s unknown topic in its own file', () => {
    const files = withFile('categories/food.yaml', food.replace('topic: shipping', 'topic: shiping'));
    const jacket = files.find((f) => f.path.endsWith('products/down-jacket.yaml'))!;
    jacket.text = jacket.text.replace('name: 女款轻薄羽绒服', 'name: 女款轻薄羽绒服\ncategory: fod');
    expect(errorsOf(files)).toEqual([
      `${VALID}/categories/food.yaml:6:12 facts.seven-day-return.topic 未知的话题 "shiping"，须在 lexicon.yaml 的 topics 中，是不是 "shipping"？`,
      `${VALID}/products/down-jacket.yaml:4:11 category 未知的品类 "fod"，须在 scenarios/categories/ 中，是不是 "food"？`,
    ]);
  });
});

describe('conditional fact references', () => {
  const jacketWithException = (text: string) =>
    text.replace(
      '    terms: [包邮]',
      '    terms: [包邮]\n    except:\n      - when: [新疆, 西藏]\n        value: false',
    );

  it('accepts product.key.condition for a fact with exceptions and suggests a near condition', () => {
    const base = withFile('buyers/colour-question.yaml', '').filter(
      (f) => !f.path.endsWith('colour-question.yaml'),
    );
    const files = base.map((f) =>
      f.path.endsWith('products/down-jacket.yaml') ? { ...f, text: jacketWithException(f.text) } : f,
    );
    const corpus = (ask: string) => ({
      path: `${VALID}/corpus/dev/jacket.yaml`,
      text: `${CORPUS_HEAD}  - id: c1\n    products: [down-jacket]\n    buyer: 新疆包邮吗\n    ask: ${ask}\n    reply: 新疆不包邮哦\n    expect:\n      answer: correct\n`,
    });
    expect(errorsOf([...files, corpus('down-jacket.free-shipping.新疆')])).toEqual([]);
    expect(errorsOf([...files, corpus('down-jacket.free-shipping.新僵')])).toEqual([
      `${VALID}/corpus/dev/jacket.yaml:6:10 cases[0].ask 未知的条件 "新僵"（down-jacket.free-shipping 的例外条件：新疆 / 西藏），是不是 "新疆"？`,
    ]);
    expect(errorsOf([...files, corpus('down-jacket.material.新疆')])).toEqual([
      `${VALID}/corpus/dev/jacket.yaml:6:10 cases[0].ask "down-jacket.material" 不是可选项事实，也没有例外条件（except），后面不能再接选项或条件`,
    ]);
  });
});

describe('judgement corpus files', () => {
  const at = (part: string, name = 'cases.yaml') => `${VALID}/corpus/${part}/${name}`;
  const good = `  - id: jacket-black
    products: [down-jacket]
    buyer: 黑色有吗
    ask: down-jacket.colour.黑色
    reply: 黑色有货的
    expect:
      answer: correct
`;

  it('loads valid cases of both parts with their file, line and part', () => {
    const { library, errors } = loadLibrary([
      ...withFile('corpus/dev/cases.yaml', CORPUS_HEAD + good),
      { path: at('holdout'), text: CORPUS_HEAD + good.replace('jacket-black', 'jacket-black-2') },
    ]);
    expect(errors).toEqual([]);
    expect(library.corpus.map((e) => [e.case.id, e.part, e.file, e.line])).toEqual([
      ['jacket-black', 'dev', at('dev'), 3],
      ['jacket-black-2', 'holdout', at('holdout'), 3],
    ]);
    expect(library.corpus[0]!.case).toMatchObject({
      source: 'typed',
      context: { returning: false, order: 'none', quiet: false },
      expect: { invites: false, followsUp: false, offPlatform: false },
    });
  });

  it('reports every problem at its position and keeps the valid cases of a broken file', () => {
    const bad = `  - id: jacket-black
    products: [down-jackit]
    buyer: 包邮吗
    ask: down-jacket.free-shipping
    objection: pricey
    reply: 包邮的
    expect:
      answer: correct
      objection: addressed
  - id: two-answers
    products: [down-jacket]
    buyer: 包邮吗
    ask: down-jacket.free-shipping
    reply: 包邮的
    expect:
      answer: [correct, wrong]
  - id: no-answer
    products: [down-jacket]
    buyer: 包邮吗
    ask: down-jacket.free-shipping
    reply: 包邮的
    expect:
      irrelevant: false
  - id: phrase
    products: [down-jacket]
    buyer: 包邮吗
    source: pia
    expect: {}
  - id: phrase-text
    products: [down-jacket]
    buyer: 包邮吗
    source: pai
    reply: 别的话
    expect: {}
  - id: typed-without-reply
    products: [down-jacket]
    buyer: 包邮吗
    expect: {}
`;
    const files = [
      ...withFile('corpus/dev/cases.yaml', CORPUS_HEAD + good),
      { path: at('holdout', 'bad.yaml'), text: CORPUS_HEAD + bad },
      { path: `${VALID}/corpus/stray.yaml`, text: CORPUS_HEAD + good.replace('jacket-black', 'stray') },
    ];
    const { library, errors } = loadLibrary(files);
    const file = at('holdout', 'bad.yaml');
    expect(errors.map(formatError)).toEqual([
      `${file}:3:9 cases[0].id 重复的用例 id "jacket-black"（${at('dev')} 已使用）`,
      `${file}:4:16 cases[0].products[0] 未知的商品 "down-jackit"，是不是 "down-jacket"？`,
      `${file}:6:10 cases[0].ask 引用的商品 "down-jacket" 不在本场景的 products 中`,
      `${file}:7:16 cases[0].objection 未知的异议类型 "pricey"，须在 lexicon.yaml 的 objections 中，是不是 "price"？`,
      `${file}:18:15 cases[1].expect.answer ask 有 1 个，answer 应该也有 1 个（按顺序），现在有 2 个`,
      `${file}:25:7 cases[2].expect 写了 ask，expect 里必须有 answer`,
      `${file}:29:13 cases[3].source 未知的快捷话术 "pia"（手打写 typed），是不是 "pai"？`,
      `${file}:35:12 cases[4].reply 与话术 "invite" 的原文不同；用快捷话术时 reply 可以不写`,
      `${file}:37:5 cases[5].reply 手打的回复必须写 reply`,
      `${VALID}/corpus/stray.yaml:2:1 评判语料文件要放在 corpus/dev/ 或 corpus/holdout/ 文件夹里`,
    ]);
    expect(library.corpus.map((e) => e.case.id)).toEqual(['jacket-black']);
  });
});
