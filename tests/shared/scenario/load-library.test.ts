import { describe, expect, it } from 'vitest';
import { formatError, loadLibrary } from '../../../shared/src/scenario/load.ts';
import { BROKEN, editFile, fixture, VALID, withFile } from './library-files.ts';

const BUYER = `${BROKEN}/buyers/broken.yaml`;

function errorsOf(files: Parameters<typeof loadLibrary>[0]) {
  return loadLibrary(files).errors.map(formatError);
}

describe('loadLibrary on a valid library', () => {
  const { library, errors } = loadLibrary(fixture(VALID));

  it('reports no errors', () => {
    expect(errors).toEqual([]);
  });

  it('indexes every kind of file by id', () => {
    expect([...library.products.keys()]).toEqual(['down-jacket']);
    expect([...library.buyers.keys()]).toEqual(['colour-question']);
    expect([...library.rubrics.keys()]).toEqual(['default']);
    expect(library.lexicon.topics).toContain('colour');
    expect(library.phrases.get('invite')).toMatchObject({ code: 'pai', group: 'order', library: 'shop' });
    expect(library.phrasesByCode.get('hi')?.id).toBe('hello');
  });

  it('records each buyer file and the content hash of its text', () => {
    expect(library.files.get('colour-question')).toBe(`${VALID}/buyers/colour-question.yaml`);
    expect(library.versions.get('colour-question')).toMatch(/^[0-9a-f]{16}$/);
    const edited = loadLibrary(editFile('buyers/colour-question.yaml', (t) => `${t}# 改动\n`)).library;
    expect(edited.versions.get('colour-question')).not.toBe(library.versions.get('colour-question'));
  });

  it('applies schema defaults', () => {
    const buyer = library.buyers.get('colour-question')!;
    expect(buyer.goal).toBe('paid');
    expect(buyer.persona.nudges).toEqual(['在吗？']);
    expect(library.rubrics.get('default')!.thresholds.firstResponseSeconds).toBe(3);
  });
});

describe('loadLibrary on a broken library', () => {
  const errors = errorsOf(fixture(BROKEN));

  it('reports every error of the run at once, each at its line and column', () => {
    expect(errors).toEqual([
      `${BUYER}:4:13 difficulty 应为数字，实际是文字`,
      `${BUYER}:8:3 persona.patiance 是未知的字段，是不是 "patience"？`,
      `${BUYER}:12:10 beats[0].ask 未知的商品事实 "down-jaket.colour"，是不是 "down-jacket.colour"？`,
      `${BUYER}:16:16 beats[1].objection 未知的异议类型 "pricey"，须在 lexicon.yaml 的 objections 中，是不是 "price"？`,
      `${BUYER}:17:11 beats[1].then 跳转到不存在的步骤 "thrid"，是不是 "third"？`,
      `${BUYER}:18:5 beats[2] 步骤 "third" 走不到：从第一步出发，顺序、then、on 都不会到这里（上一步有 leave/end 就不会往下走）`,
      `${BUYER}:21:5 beats[3] 步骤 "orphan" 走不到：从第一步出发，顺序、then、on 都不会到这里（上一步有 leave/end 就不会往下走）`,
      `${BUYER}:23:5 beats[4] 步骤 "idle" 走不到：从第一步出发，顺序、then、on 都不会到这里（上一步有 leave/end 就不会往下走）`,
      `${BUYER}:23:5 beats[4] 这一步什么也不做：写 say 或 messages、order / pay / leave / end，或 await（如 follow-up 表示沉默）`,
      `${BUYER}:26:13 modelAnswer[1].phrase 未知的快捷话术 "paii"（写话术 id 或快捷编码），是不是 "pai"？`,
      `${BROKEN}/phrases/shop.yaml:16:15 groups[1].phrases[0].code 重复的快捷编码 "pai"（话术 "invite-again" 已使用，见 ${BROKEN}/phrases/more.yaml）`,
    ]);
  });

  it('keeps the valid files of a broken library', () => {
    const { library } = loadLibrary(fixture(BROKEN));
    expect(library.buyers.has('colour-question')).toBe(true);
    expect(library.buyers.has('broken')).toBe(false);
  });
});

describe('YAML syntax', () => {
  it('reports a syntax error at its position and still loads the other files', () => {
    const files = withFile('products/scarf.yaml', 'id: scarf\nname: [围巾\nprice: 59\n');
    const { library, errors } = loadLibrary(files);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: `${VALID}/products/scarf.yaml`, line: 3 });
    expect(errors[0]!.message).toMatch(/^YAML 语法错误/);
    expect(library.buyers.has('colour-question')).toBe(true);
  });

  it('reports a duplicate key at the second occurrence', () => {
    const files = withFile(
      'products/scarf.yaml',
      'id: scarf\nname: 围巾\nname: 丝巾\nprice: 59\nfacts: {}\n',
    );
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(new RegExp(`^${VALID}/products/scarf.yaml:3:1 YAML 语法错误：重复的键`)),
    ]);
  });
});

describe('hostile YAML', () => {
  it('says in words that a file is nested too deep, once, where the parser gave up', () => {
    const files = withFile(
      'products/scarf.yaml',
      `id: scarf\nname: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
    );
    const errors = errorsOf(files);
    expect(errors).toEqual([
      expect.stringMatching(
        /products\/scarf\.yaml:2:\d+ YAML 嵌套太深：括号或缩进套了太多层，请减少层数后再保存$/,
      ),
    ]);
  });

  it('refuses an alias bomb in words, without expanding it', () => {
    const lines = ['id: scarf', 'a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    expect(errorsOf(withFile('products/scarf.yaml', lines.join('\n')))).toEqual([
      expect.stringMatching(/products\/scarf\.yaml:1:1 YAML 引用（\*别名）展开后过多/),
    ]);
  });
});

describe('schema errors', () => {
  it('names a missing required field at the object that lacks it', () => {
    const files = withFile('products/scarf.yaml', '# 注释\nid: scarf\nprice: 59\nfacts: {}\n');
    expect(errorsOf(files)).toEqual([`${VALID}/products/scarf.yaml:2:1 name 是必填字段，没有写`]);
  });

  it('suggests the allowed value of a misspelt enum', () => {
    const files = editFile('buyers/colour-question.yaml', (t) => t.replace('await: invite', 'await: invit'));
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(
        /colour-question\.yaml:21:12 beats\[2\]\.await 的值 "invit" 无效，可选：.*是不是 "invite"？$/,
      ),
    ]);
  });

  it('points a wrong fact kind at the kind value', () => {
    const files = editFile('products/down-jacket.yaml', (t) => t.replace('kind: yesno', 'kind: yesn'));
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(
        /down-jacket\.yaml:22:11 facts\.free-shipping\.kind 的值 "yesn" 无效.*是不是 "yesno"？$/,
      ),
    ]);
  });

  it('reports an agent step with two actions', () => {
    const files = editFile('buyers/colour-question.yaml', (t) =>
      t.replace('    action: remindPayment\n', '    action: remindPayment\n    say: 快付款\n'),
    );
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(/:40:5 modelAnswer\[2\] say、phrase、action 必须恰好写一个$/),
    ]);
  });

  it('reports a file whose kind it cannot tell, saying what to do', () => {
    const files = withFile('notes/misc.yaml', 'a: 1\n');
    expect(errorsOf(files)).toEqual([
      expect.stringContaining(`${VALID}/notes/misc.yaml:1:1 不知道这是哪种文件`),
    ]);
  });

  it('takes the kind from the schema comment outside the known folders', () => {
    const text =
      '# yaml-language-server: $schema=../schema/rubric.schema.json\nid: strict\nname: 严格\nweights: {}\n';
    const errors = errorsOf(withFile('extra/strict.yaml', text));
    expect(errors).toHaveLength(6);
    expect(errors).toContain(`${VALID}/extra/strict.yaml:4:1 weights.responsiveness 是必填字段，没有写`);
    for (const e of errors) expect(e).toMatch(/extra\/strict\.yaml:4:1 weights\.\w+ 是必填字段，没有写$/);
  });
});

describe('cross-references', () => {
  const buyer = 'buyers/colour-question.yaml';

  it('requires an ask product to be one of the scenario products', () => {
    const second = withFile(
      'products/scarf.yaml',
      'id: scarf\nname: 围巾\nprice: 59\nfacts:\n  colour: { kind: value, topic: colour, value: 灰色 }\n',
    );
    const files = second.map((f) =>
      f.path.endsWith(buyer)
        ? { ...f, text: f.text.replace('ask: down-jacket.free-shipping', 'ask: scarf.colour') }
        : f,
    );
    expect(errorsOf(files)).toEqual([
      `${VALID}/${buyer}:18:14 beats[1].messages[1].ask 引用的商品 "scarf" 不在本场景的 products 中`,
    ]);
  });

  it('checks the option of an options fact, accepting aliases', () => {
    const alias = editFile(buyer, (t) => t.replace('down-jacket.colour.酒红色', 'down-jacket.colour.酒红'));
    expect(errorsOf(alias)).toEqual([]);
    const wrong = editFile(buyer, (t) => t.replace('down-jacket.colour.酒红色', 'down-jacket.colour.酒红涩'));
    expect(errorsOf(wrong)).toEqual([
      expect.stringMatching(/:12:10 beats\[0\]\.ask 未知的选项 "酒红涩".*是不是 "酒红色"？$/),
    ]);
    const notOptions = editFile(buyer, (t) =>
      t.replace('down-jacket.colour.酒红色', 'down-jacket.material.鹅绒'),
    );
    expect(errorsOf(notOptions)).toEqual([expect.stringContaining('"down-jacket.material" 不是可选项事实')]);
  });

  it('checks products of the scenario, its orders and the persona history', () => {
    const files = editFile(buyer, (t) =>
      t
        .replace('products: [down-jacket]', 'products: [down-jacket, down-jackets]')
        .replace(
          '  patience: 60\n',
          '  patience: 60\n  orders:\n    - { product: dwn-jacket, date: 2024-11-11, amount: 299 }\n',
        ),
    );
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(/:5:25 products\[1\] 未知的商品 "down-jackets"，是不是 "down-jacket"？$/),
      expect.stringMatching(
        /:10:18 persona\.orders\[0\]\.product 未知的商品 "dwn-jacket"，是不是 "down-jacket"？$/,
      ),
    ]);
  });

  it('requires unique beat ids', () => {
    const files = editFile(buyer, (t) => t.replace('- id: ask-price', '- id: ask-colour'));
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(/:13:9 beats\[1\]\.id 重复的步骤 id "ask-colour"（beats\[0\] 已用过）$/),
    ]);
  });

  it('checks topics against the lexicon', () => {
    const files = editFile('products/down-jacket.yaml', (t) =>
      t.replace('topic: material', 'topic: materail'),
    );
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(
        /down-jacket\.yaml:18:12 facts\.material\.topic 未知的话题 "materail".*是不是 "material"？$/,
      ),
    ]);
  });

  it('requires every concept the engine relies on, including in-stock', () => {
    const files = editFile('lexicon.yaml', (t) => t.replace(/ {2}in-stock:.*\n/, ''));
    expect(errorsOf(files)).toEqual([`${VALID}/lexicon.yaml:4:1 concepts 缺少引擎必需的概念 "in-stock"`]);
  });

  it('requires action, related and fact topics to be known topics', () => {
    const files = editFile('lexicon.yaml', (t) =>
      t.replace(
        'courtesyTopics: [greeting, membership]\n',
        (line) =>
          `${line}actionTopics: [order, paymnt]\nrelatedTopics:\n  - [shipping, delivry]\nfactTopics: [spek]\n`,
      ),
    );
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(/lexicon\.yaml:4:\d+ actionTopics\[1\] 未知的话题 "paymnt".*是不是 "payment"？$/),
      expect.stringMatching(/lexicon\.yaml:6:\d+ relatedTopics\[0\]\[1\] 未知的话题 "delivry"/),
      expect.stringMatching(/lexicon\.yaml:7:\d+ factTopics\[0\] 未知的话题 "spek"/),
    ]);
  });

  it('requires objections to be resolved by known concepts', () => {
    const files = editFile('lexicon.yaml', (t) =>
      t.replace('resolvedBy: [discount]', 'resolvedBy: [discont]'),
    );
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(
        /lexicon\.yaml:21:18 objections\.price\.resolvedBy\[0\] 未知的概念 "discont"，是不是 "discount"？$/,
      ),
    ]);
  });

  it('requires unique phrase ids across phrase libraries', () => {
    const other =
      'id: other\nname: 其他\ngroups:\n  - id: g\n    name: 组\n    phrases:\n      - { id: hello, code: hey, text: 嗨 }\n';
    expect(errorsOf(withFile('phrases/other.yaml', other))).toEqual([
      `${VALID}/phrases/other.yaml:7:15 groups[0].phrases[0].id 重复的话术 id "hello"（${VALID}/phrases/other.yaml 已定义）`.replace(
        `（${VALID}/phrases/other.yaml`,
        `（${VALID}/phrases/shop.yaml`,
      ),
    ]);
  });

  it('requires exactly one lexicon and a default rubric', () => {
    const noLexicon = fixture(VALID).filter((f) => !f.path.endsWith('lexicon.yaml'));
    expect(errorsOf(noLexicon)).toContain(
      `${VALID}/lexicon.yaml:1:1 缺少词库文件 lexicon.yaml（每个场景库必须恰好有一个）`,
    );
    const twoLexicons = withFile(
      'more/lexicon.yaml',
      fixture(VALID).find((f) => f.path.endsWith('lexicon.yaml'))!.text,
    );
    expect(errorsOf(twoLexicons)).toEqual([
      expect.stringContaining('只能有一个 lexicon.yaml，现在有 2 个'),
      expect.stringContaining('只能有一个 lexicon.yaml，现在有 2 个'),
    ]);
    const noRubric = fixture(VALID).filter((f) => !f.path.includes('/rubrics/'));
    expect(errorsOf(noRubric)).toEqual([`${VALID}/rubrics/default.yaml:1:1 缺少 id 为 default 的评分标准`]);
  });

  it('still cross-checks the valid beats of a buyer file with a schema error', () => {
    const files = editFile(buyer, (t) =>
      t.replace('difficulty: 1', 'difficulty: 9').replace('objection: price', 'objection: prices'),
    );
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(/:4:13 difficulty /),
      expect.stringMatching(
        /:16:20 beats\[1\]\.messages\[0\]\.objection 未知的异议类型 "prices".*是不是 "price"？$/,
      ),
    ]);
  });
});

describe('never throws', () => {
  it('returns errors for empty and odd inputs', () => {
    expect(loadLibrary([]).errors.map((e) => e.message)).toEqual([
      '缺少词库文件 lexicon.yaml（每个场景库必须恰好有一个）',
      '缺少 id 为 default 的评分标准',
    ]);
    const odd = [
      { path: 'scenarios/buyers/a.yaml', text: '' },
      { path: 'scenarios/buyers/b.yaml', text: '- 1\n- 2\n' },
      { path: 'scenarios/products/c.yaml', text: 'a: &x [*x]\n' },
    ];
    expect(() => loadLibrary(odd)).not.toThrow();
    expect(loadLibrary(odd).errors.length).toBeGreaterThanOrEqual(3);
  });
});

describe('orders, photos and cross-selling in scenarios', () => {
  const buyer = 'buyers/colour-question.yaml';
  const withScarf = (files: ReturnType<typeof fixture>) => [
    ...files,
    { path: `${VALID}/products/scarf.yaml`, text: 'id: scarf\nname: 围巾\nprice: 59\nfacts: {}\n' },
  ];

  it('checks ordered variants and asked-for changes against the product options, with suggestions', () => {
    const files = editFile(buyer, (t) =>
      t
        .replace('order: { product: down-jacket }', 'order: { product: down-jacket, option: [黑的, 紫色] }')
        .replace('    say: 算了\n', '    say: 算了\n    change: { option: 酒红涩 }\n'),
    );
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(/:25:49 beats\[3\]\.order\.option\[1\] "紫色" 不是商品 "down-jacket" 的选项/),
      expect.stringMatching(
        /:35:23 beats\[5\]\.change\.option "酒红涩" 不是本场景商品的款式，是不是 "酒红色"？$/,
      ),
    ]);
    const outOfStock = editFile(buyer, (t) =>
      t.replace('    say: 算了\n', '    say: 算了\n    change: { option: 酒红 }\n'),
    );
    expect(errorsOf(outOfStock)).toEqual([
      expect.stringMatching(/beats\[5\]\.change\.option 酒红色 缺货：客服改不成，换一个有货的款式$/),
    ]);
  });

  it('requires a change to name what changes', () => {
    const files = editFile(buyer, (t) => t.replace('    say: 算了\n', '    say: 算了\n    change: {}\n'));
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(/:35:13 beats\[5\]\.change change 要写 address、option、note 中至少一个$/),
    ]);
  });

  it('checks the products a need names and the photos a buyer sends, when the library knows its images', () => {
    const files = withScarf(
      editFile(buyer, (t) =>
        t.replace(
          '    say: 算了\n',
          '    say: 算了\n    need: [scarf, scraf]\n    photo: images/broken-zip.png\n',
        ),
      ),
    );
    expect(loadLibrary(files).errors.map(formatError)).toEqual([
      expect.stringMatching(/:35:19 beats\[5\]\.need\[1\] 未知的商品 "scraf"，是不是 "scarf"？$/),
    ]);
    expect(loadLibrary(files, { assets: ['images/broken-zips.png'] }).errors.map(formatError)).toEqual([
      expect.stringMatching(/:35:19 beats\[5\]\.need\[1\] 未知的商品 "scraf"/),
      expect.stringMatching(
        /:36:12 beats\[5\]\.photo 找不到图片 "images\/broken-zip\.png"：把图片放进场景库的 images\/ 文件夹，是不是 "images\/broken-zips\.png"？$/,
      ),
    ]);
    expect(loadLibrary(files, { assets: ['images/broken-zip.png'] }).errors).toHaveLength(1);
  });

  it('takes pictures only from the images/ folder, never a URL or an SVG', () => {
    for (const photo of ['https://example.com/x.png', 'images/x.svg', '../x.png', 'x.png']) {
      const files = editFile(buyer, (t) =>
        t.replace('    say: 算了\n', `    say: 算了\n    photo: '${photo}'\n`),
      );
      expect(errorsOf(files)).toEqual([
        expect.stringMatching(
          /beats\[5\]\.photo 图片只能是场景库 images\/ 文件夹里的图片（png、jpg、webp 或 gif）/,
        ),
      ]);
    }
  });

  it('checks order operations in agent scripts', () => {
    const files = withScarf(
      editFile(buyer, (t) =>
        t.replace(
          '  - wait: order\n    action: remindPayment\n',
          '  - { action: recommend, product: scaf }\n  - { action: updateOrder, option: 紫色 }\n  - { action: updateOrder }\n  - { action: discount }\n  - { say: 好的, amount: 5 }\n',
        ),
      ),
    );
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(/:40:35 modelAnswer\[2\]\.product 未知的商品 "scaf"，是不是 "scarf"？$/),
      expect.stringMatching(/:41:36 modelAnswer\[3\]\.option "紫色" 不是本场景商品的款式/),
      expect.stringMatching(
        /:42:15 modelAnswer\[4\]\.action updateOrder 要写 address、option、note 中至少一个$/,
      ),
      expect.stringMatching(/:43:15 modelAnswer\[5\]\.action discount 要写 amount（让利多少元）$/),
      expect.stringMatching(/:44:24 modelAnswer\[6\]\.amount amount 只能和 action: discount 一起写$/),
    ]);
  });
});
