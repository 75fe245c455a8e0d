// Spawns the real bin, as instructors and CI run it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve('server/bin/kefu.js');
const VALID = 'tests/fixtures/scenarios-valid';
const BROKEN = 'tests/fixtures/scenarios-broken';
const ERROR_LINE = /^(\S+):(\d+):(\d+) \S.*$/;

function kefu(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

const temp = mkdtempSync(join(tmpdir(), 'kefu-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('kefu check', () => {
  it('exits 0 with a Chinese summary for a valid library', () => {
    const { code, stdout, stderr } = kefu(['check', '--root', VALID]);
    expect(stderr).toBe('');
    expect(stdout).toMatch(
      /^检查通过：5 个文件 — 1 个商品、1 个话术库（2 条话术）、1 个评分标准、1 个买家场景。\n$/,
    );
    expect(code).toBe(0);
  });

  it('checks scenarios/ under the working directory by default', () => {
    const cwd = join(temp, 'default-root');
    cpSync(VALID, join(cwd, 'scenarios'), { recursive: true });
    const ok = kefu(['check'], cwd);
    expect(ok.code).toBe(0);
    writeFileSync(join(cwd, 'scenarios/products/scarf.yaml'), 'id: scarf\nname: [围巾\nprice: 59\n');
    const bad = kefu(['check'], cwd);
    expect(bad.code).toBe(1);
    expect(lines(bad.stderr)).toEqual([
      expect.stringMatching(/^scenarios\/products\/scarf\.yaml:3:\d+ YAML 语法错误/),
    ]);
  });

  it("checks a buyer's photo against the library's images/ folder", () => {
    const cwd = join(temp, 'photo-root');
    cpSync(VALID, join(cwd, 'scenarios'), { recursive: true });
    const buyer = join(cwd, 'scenarios/buyers/colour-question.yaml');
    writeFileSync(
      buyer,
      readFileSync(buyer, 'utf8').replace('    say: 算了\n', '    say: 算了\n    photo: images/torn.png\n'),
    );
    const missing = kefu(['check'], cwd);
    expect(missing.code).toBe(1);
    expect(lines(missing.stderr)).toEqual([
      'scenarios/buyers/colour-question.yaml:35:12 beats[5].photo 找不到图片 "images/torn.png"：把图片放进场景库的 images/ 文件夹',
    ]);
    mkdirSync(join(cwd, 'scenarios/images'));
    writeFileSync(join(cwd, 'scenarios/images/torn.png'), '');
    expect(kefu(['check'], cwd).code).toBe(0);
  });

  it('exits 1 with one `file:line:col message` line per error on stderr', () => {
    const { code, stdout, stderr } = kefu(['check', '--root', BROKEN]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const errors = lines(stderr);
    expect(errors).toHaveLength(11);
    for (const line of errors) expect(line).toMatch(ERROR_LINE);
    expect(errors).toContain(
      `${BROKEN}/buyers/broken.yaml:12:10 beats[0].ask 未知的商品事实 "down-jaket.colour"，是不是 "down-jacket.colour"？`,
    );
  });

  it('checks given files on top of the library and reports only their errors', () => {
    const { code, stderr } = kefu(['check', '--root', BROKEN, `${VALID}/buyers/colour-question.yaml`]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const broken = kefu(['check', '--root', VALID, `${BROKEN}/buyers/broken.yaml`]);
    expect(broken.code).toBe(1);
    const errors = lines(broken.stderr);
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) expect(line.startsWith(`${BROKEN}/buyers/broken.yaml:`)).toBe(true);
  });

  it('accepts a folder and reports a missing path', () => {
    expect(kefu(['check', '--root', VALID, `${VALID}/buyers`]).code).toBe(0);
    const missing = kefu(['check', '--root', VALID, 'no/such/file.yaml']);
    expect(missing.code).toBe(1);
    expect(lines(missing.stderr)).toEqual(['no/such/file.yaml:1:1 找不到这个文件或文件夹']);
  });
});

describe('kefu check warnings', () => {
  it('warns at file:line:col when a script sends a phrase whose {订单号} has no value, and still passes', () => {
    const cwd = join(temp, 'no-order');
    cpSync(VALID, join(cwd, 'scenarios'), { recursive: true });
    const phrases = join(cwd, 'scenarios/phrases/shop.yaml');
    writeFileSync(
      phrases,
      `${readFileSync(phrases, 'utf8')}      - id: order-no
        code: ddh
        text: 亲，您的订单{订单号}已经收到啦~
        topics: [order]
`,
    );
    // The buyer asks and leaves: nobody orders, so the order number is sent as nothing.
    const noOrder = `id: no-order
title: 只问不买
difficulty: 1
products: [down-jacket]
persona:
  name: 小鹿
beats:
  - id: ask-colour
    say: [酒红色还有吗？]
    ask: down-jacket.colour.酒红色
    end: true
modelAnswer:
  - say: 您好，酒红色暂时缺货，黑色有货哦
  - after: 2
    phrase: ddh
counterExamples:
  - name: 不回复
    script: []
    violations: [unanswered]
`;
    writeFileSync(join(cwd, 'scenarios/buyers/no-order.yaml'), noOrder);
    // The buyer who orders may hear it: no warning for the same phrase there.
    const ordering = join(cwd, 'scenarios/buyers/colour-question.yaml');
    writeFileSync(
      ordering,
      readFileSync(ordering, 'utf8').replace(
        '  - wait: order\n    action: remindPayment\n',
        '  - wait: order\n    action: remindPayment\n  - after: 2\n    phrase: ddh\n',
      ),
    );
    const line = noOrder.split('\n').indexOf('    phrase: ddh') + 1;
    const expected = `scenarios/buyers/no-order.yaml:${line}:13 modelAnswer[1].phrase 警告：话术 "ddh" 里的 {订单号} 没有值——这个场景的买家不下单，发出去是空的；换一句不带订单号的话术，或让买家下单`;

    const whole = kefu(['check'], cwd);
    expect(lines(whole.stderr)).toEqual([expected]);
    expect(whole.stdout).toMatch(/^检查通过：/);
    expect(whole.code).toBe(0);
    const one = kefu(['check', 'scenarios/buyers/no-order.yaml'], cwd);
    expect(lines(one.stderr)).toEqual([expected]);
    expect(one.code).toBe(0);
    expect(lines(kefu(['check', 'scenarios/buyers/colour-question.yaml'], cwd).stderr)).toEqual([]);
  });
});

describe('kefu list', () => {
  it('prints exactly one JSON array with --json', () => {
    const { code, stdout } = kefu(['list', '--json', '--root', VALID]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as unknown;
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed).toEqual([
      {
        id: 'colour-question',
        title: '问颜色有没有货',
        products: ['down-jacket'],
        difficulty: 1,
        goal: 'paid',
        stage: null,
        unit: null,
        skills: [],
        mood: 'calm',
        rules: [
          'slow-first-response',
          'slow-response',
          'unanswered',
          'buyer-left',
          'phrase-irrelevant',
          'phrase-repeated',
          'question-evaded',
          'objection-unaddressed',
        ],
      },
    ]);
  });

  it('keeps stdout pure JSON when the library has errors', () => {
    const { code, stdout, stderr } = kefu(['list', '--json', '--root', BROKEN]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string }[]).map((s) => s.id)).toEqual(['colour-question']);
    expect(stderr).toContain('kefu check');
  });

  it('prints a readable list without --json', () => {
    const { code, stdout } = kefu(['list', '--root', VALID]);
    expect(code).toBe(0);
    expect(stdout).toContain('colour-question  问颜色有没有货');
    expect(stdout).toContain('slow-first-response');
  });
});

describe('kefu play', () => {
  const script = join(temp, 'model.yaml');
  writeFileSync(
    script,
    '- say: 您好，酒红色暂时缺货，黑色有货哦\n- after: 3\n  say: 现在下单有优惠券，而且包邮\n- wait: order\n  action: remindPayment\n',
  );

  it('prints exactly one contract JSON object with --json, reproducible by seed', () => {
    const run = () => kefu(['play', 'colour-question', script, '--json', '--seed', '2', '--root', VALID]);
    const { code, stdout, stderr } = run();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as {
      transcript: { atSeconds: number; from: string; text: string }[];
      report: { score: number; metrics: { outcome: string }; violations: unknown[] };
    };
    expect(parsed.transcript[0]).toMatchObject({ atSeconds: 0, from: 'buyer' });
    expect(parsed.transcript.filter((t) => t.from === 'agent').map((t) => t.text)[0]).toBe(
      '您好，酒红色暂时缺货，黑色有货哦',
    );
    expect(parsed.report.metrics.outcome).toBe('paid');
    expect(parsed.report.violations).toEqual([]);
    expect(parsed.report.score).toBeGreaterThanOrEqual(90);
    expect(run().stdout).toBe(stdout);
  });

  it('prints a readable transcript and report without --json', () => {
    const { code, stdout } = kefu(['play', 'colour-question', script, '--root', VALID]);
    expect(code).toBe(0);
    expect(stdout).toContain('买家：');
    expect(stdout).toContain('得分：');
  });

  it('reports a wrong script entry with its file, line, column and index', () => {
    const bad = join(temp, 'bad.yaml');
    writeFileSync(bad, '- say: 在的\n- phrase: nosuch\n');
    const { code, stdout, stderr } = kefu(['play', 'colour-question', bad, '--json', '--root', VALID]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const errors = lines(stderr);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/bad\.yaml:2:\d+ .*\[1\]/);
  });

  type Played = {
    transcript: { from: string; type: string; text: string }[];
    report: {
      score: number;
      metrics: Record<string, unknown>;
      violations: { rule: string; atSeconds: number; message: string }[];
    };
  };
  const playShipped = (scenario: string, yaml: string, name: string) => {
    const file = join(temp, name);
    writeFileSync(file, yaml);
    const { code, stdout, stderr } = kefu(['play', scenario, file, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    return JSON.parse(stdout) as Played;
  };

  it.each([
    ['off-platform-contact', '亲，加我微信 kefu2026 细聊'],
    ['banned-claim', '全网最好，100%不掉绒'],
    ['rude-language', '爱买不买'],
  ])('reports %s in --json for a reply like 「%s」', (rule, reply) => {
    const played = playShipped('wechat-and-claims', `- { after: 2, say: ${reply} }\n`, `${rule}.yaml`);
    expect(played.report.violations.map((v) => v.rule)).toContain(rule);
  });

  it('reports the reception goals in --json, the recommended scarf in the order value', () => {
    const crossSold = playShipped(
      'north-trip-cross-sell',
      [
        '- { after: 2, say: 亲，这款是90%白鸭绒，轻薄又保暖~ }',
        '- { after: 3, action: recommend, product: wool-scarf }',
        '- { wait: none, after: 2, say: 亲，配一条围巾挡风，可以一起拍下哦~ }',
        '- { after: 3, phrase: js2 }',
        '',
      ].join('\n'),
      'scarf.yaml',
    );
    expect(crossSold.report.metrics).toMatchObject({
      paidAmount: 388,
      crossSellAmount: 89,
      inquired: true,
      converted: true,
      within3MinRate: 1,
    });
  });

  it('reports an order change that cannot be made, naming the step, and prints no report', () => {
    const file = join(temp, 'early.yaml');
    writeFileSync(file, '- { after: 1, action: updateOrder, note: 加急 }\n');
    const { code, stdout, stderr } = kefu(['play', 'jacket-colour-size', file, '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('第 1 步 updateOrder：买家还没有下单，没有订单可改');
  });

  it('names an unknown scenario and rejects a bad seed', () => {
    const unknown = kefu(['play', 'no-such', script, '--root', VALID]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('找不到买家场景 "no-such"');
    expect(kefu(['play', 'colour-question', script, '--seed', 'x', '--root', VALID]).code).toBe(2);
  });
});

describe('kefu prove', () => {
  it('passes on a proven library', () => {
    const { code, stdout } = kefu(['prove', '--root', VALID]);
    expect(code).toBe(0);
    expect(stdout).toContain('✓ colour-question');
  });

  it('exits 1 and names the mismatch when a counter-example lists the wrong violations', () => {
    const root = join(temp, 'prove-wrong');
    cpSync(VALID, root, { recursive: true });
    const file = join(root, 'buyers/colour-question.yaml');
    const text = readFileSync(file, 'utf8').replace(
      'violations: [slow-first-response, slow-response, unanswered, buyer-left]',
      'violations: [slow-first-response, unanswered, buyer-left]',
    );
    writeFileSync(file, text);
    const { code, stdout } = kefu(['prove', '--root', root]);
    expect(code).toBe(1);
    expect(stdout).toContain('✗ colour-question');
    expect(stdout).toContain('多了 slow-response ×1');
  });
});

describe('kefu judge-eval', () => {
  const HEAD = '# yaml-language-server: $schema=../../schema/corpus.schema.json\ncases:\n';
  const kase = (id: string, reply: string, answer: string) =>
    `  - id: ${id}\n    products: [down-jacket]\n    buyer: 黑色还有吗\n    ask: down-jacket.colour.黑色\n    reply: ${reply}\n    expect:\n      answer: ${answer}\n` +
    (answer === 'wrong' ? '      wrongFact: true\n' : '');
  const library = (name: string, dev: string, holdout: string) => {
    const root = join(temp, name);
    cpSync(VALID, root, { recursive: true });
    mkdirSync(join(root, 'corpus/dev'), { recursive: true });
    mkdirSync(join(root, 'corpus/holdout'), { recursive: true });
    writeFileSync(join(root, 'corpus/dev/jacket.yaml'), HEAD + dev);
    writeFileSync(join(root, 'corpus/holdout/jacket.yaml'), HEAD + holdout);
    return root;
  };

  it('passes when both parts agree, printing agreement per part, label and rule', () => {
    const root = library('eval-ok', kase('d1', '黑色有货的', 'correct'), kase('h1', '黑色卖完了', 'wrong'));
    const { code, stdout } = kefu(['judge-eval', '--root', root]);
    expect(stdout).toContain('== dev：1 / 1 条一致（100.0%）');
    expect(stdout).toContain('== holdout：1 / 1 条一致（100.0%）');
    expect(stdout).toMatch(/answer\s+100\.0%\s+\(1\/1\)/);
    expect(stdout).toMatch(/wrong-fact\s+100\.0%\s+\(1\/1\)/);
    expect(stdout).toContain('评判语料一致率达标');
    expect(code).toBe(0);
  });

  it('exits 1 below the bar on either part and lists every disagreeing case with its labels', () => {
    const root = library(
      'eval-bad',
      kase('d1', '黑色有货的', 'correct'),
      kase('h1', '黑色有货的', 'correct') + kase('h2', '黑色有货的', 'wrong'),
    );
    const { code, stdout } = kefu(['judge-eval', '--root', root]);
    expect(code).toBe(1);
    expect(stdout).toContain('== holdout：1 / 2 条一致（50.0%） 低于 97.0%');
    expect(stdout).toMatch(/corpus\/holdout\/jacket\.yaml:10 h2/);
    expect(stdout).toContain('answer: 标注 wrong → 评判 correct');
    expect(stdout).toContain('wrongFact: 标注 true → 评判 false');
    // One part alone, a lower bar, and one JSON object on stdout.
    expect(kefu(['judge-eval', '--root', root, '--part', 'dev']).code).toBe(0);
    expect(kefu(['judge-eval', '--root', root, '--min', '50']).code).toBe(0);
    const json = kefu(['judge-eval', '--root', root, '--json']);
    const parsed = JSON.parse(json.stdout) as {
      passed: boolean;
      parts: { part: string; disagreeing: unknown[] }[];
    };
    expect(parsed.passed).toBe(false);
    expect(parsed.parts.map((p) => [p.part, p.disagreeing.length])).toEqual([
      ['dev', 0],
      ['holdout', 1],
    ]);
  });

  it('refuses to run on a library with errors and rejects bad options', () => {
    const root = library(
      'eval-broken',
      kase('d1', '黑色有货的', 'correct'),
      kase('d1', '黑色有货的', 'correct'),
    );
    const broken = kefu(['judge-eval', '--root', root]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/corpus\/holdout\/jacket\.yaml:3:\d+ cases\[0\]\.id 重复的用例 id "d1"/);
    expect(kefu(['judge-eval', '--part', 'test', '--root', root]).code).toBe(2);
    expect(kefu(['judge-eval', '--min', 'x', '--root', root]).code).toBe(2);
  });
});

describe('help and dispatch', () => {
  it('prints Chinese help for the tool and for each command', () => {
    const top = kefu(['--help']);
    expect(top.code).toBe(0);
    for (const name of ['check', 'list', 'play', 'prove', 'judge-eval']) expect(top.stdout).toContain(name);
    expect(kefu(['check', '--help']).stdout).toContain('用法：npx kefu check');
    expect(kefu(['list', '--help']).stdout).toContain('用法：npx kefu list');
  });

  it('rejects an unknown command with a suggestion', () => {
    const { code, stderr } = kefu(['chek']);
    expect(code).toBe(2);
    expect(stderr).toContain('未知的命令 "chek"，是不是 "check"？');
  });
});
