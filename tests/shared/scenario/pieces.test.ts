import { describe, expect, it } from 'vitest';
import { reachableBeats } from '../../../shared/src/scenario/beat-graph.ts';
import { contentHash } from '../../../shared/src/scenario/content-hash.ts';
import { factRefProblem, splitFactRef } from '../../../shared/src/scenario/fact-ref.ts';
import { formatError, loadLibrary, parseAgentScript } from '../../../shared/src/scenario/load.ts';
import { type Beat, BeatSchema } from '../../../shared/src/scenario/schema.ts';
import { closest, editDistance } from '../../../shared/src/scenario/suggest.ts';
import { editFile, fixture, VALID } from './library-files.ts';

const beats = (raw: object[]): Beat[] => raw.map((b) => BeatSchema.parse(b));

describe('beat reachability', () => {
  it('falls through to the next beat unless the beat leaves, ends or jumps', () => {
    const list = beats([
      // biome-ignore lint/suspicious/noThenProperty: `then` is the scenario language's jump
      { id: 'a', say: '在吗', then: 'c' },
      { id: 'b', say: '跳过了' },
      { id: 'c', say: '好', leave: true },
      { id: 'd', say: '走了之后' },
    ]);
    expect([...reachableBeats(list)].sort()).toEqual([0, 2]);
  });

  it('follows every branch', () => {
    const list = beats([
      { id: 'a', say: '在吗', end: true, on: { timeout: 'c', dodged: 'b' } },
      { id: 'b', say: '回避了', end: true },
      { id: 'c', say: '超时', end: true },
    ]);
    expect([...reachableBeats(list)].sort()).toEqual([0, 1, 2]);
  });
});

describe('fact references', () => {
  const { library } = loadLibrary(fixture(VALID));

  it('splits product, key and an option that may contain dots', () => {
    expect(splitFactRef('down-jacket.size.1.5m')).toEqual({
      product: 'down-jacket',
      key: 'size',
      option: '1.5m',
    });
    expect(splitFactRef('down-jacket.colour')).toEqual({ product: 'down-jacket', key: 'colour' });
  });

  it('resolves facts and options of the scenario products', () => {
    const problem = (ref: string) => factRefProblem(ref, ['down-jacket'], library.products, new Set());
    expect(problem('down-jacket.colour')).toBeUndefined();
    expect(problem('down-jacket.colour.黑的')).toBeUndefined();
    expect(problem('down-jacket.colur')).toBe(
      '未知的商品事实 "down-jacket.colur"，是不是 "down-jacket.colour"？',
    );
    expect(problem('down-jacket')).toContain('未知的商品事实 "down-jacket"');
  });

  it('stays silent about products whose own file is broken', () => {
    expect(factRefProblem('scarf.colour', ['scarf'], library.products, new Set(['scarf']))).toBeUndefined();
  });
});

describe('suggestions', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('thrid', 'third')).toBe(1);
    expect(editDistance('酒红', '酒红色')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only close names', () => {
    expect(closest('patiance', ['name', 'patience', 'nudges'])).toBe('patience');
    expect(closest('colour', ['price', 'material'])).toBeUndefined();
  });
});

describe('contentHash', () => {
  it('is 16 hex characters, stable, and differs for different text', () => {
    expect(contentHash('')).toBe('cbf29ce484222325');
    expect(contentHash('a')).toBe('af63dc4c8601ec8c');
    expect(contentHash('羽绒服')).toBe(contentHash('羽绒服'));
    expect(contentHash('羽绒服')).not.toBe(contentHash('羽绒衣'));
    expect(contentHash('😀')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('parseAgentScript', () => {
  const { library } = loadLibrary(fixture(VALID));
  const parse = (text: string) => parseAgentScript({ path: 'answer.yaml', text }, library);

  it('returns the steps with defaults', () => {
    const { script, errors } = parse(
      '- say: 您好\n- phrase: pai\n  after: 2.5\n- wait: order\n  action: remindPayment\n',
    );
    expect(errors).toEqual([]);
    expect(script).toEqual([
      { wait: 'reply', after: 1, say: '您好' },
      { wait: 'reply', after: 2.5, phrase: 'pai' },
      { wait: 'order', after: 1, action: 'remindPayment' },
    ]);
  });

  it('names the index of a wrong entry', () => {
    const { script, errors } = parse('- say: 您好\n- phrase: paii\n- after: -1\n  say: 好\n');
    expect(script).toEqual([]);
    expect(errors.map(formatError)).toEqual(['answer.yaml:3:10 [2].after 秒数不能为负']);
    const phrase = parse('- say: 您好\n- phrase: paii\n');
    expect(phrase.errors.map(formatError)).toEqual([
      'answer.yaml:2:11 [1].phrase 未知的快捷话术 "paii"（写话术 id 或快捷编码），是不是 "pai"？',
    ]);
  });

  it('reports YAML errors without throwing', () => {
    const { script, errors } = parse('- say: "您好\n');
    expect(script).toEqual([]);
    expect(errors[0]?.message).toMatch(/^YAML 语法错误/);
  });
});

describe('buyer avatars', () => {
  const withAvatar = (avatar: string) =>
    editFile('buyers/colour-question.yaml', (text) =>
      text.replace('  name: 小鹿\n', `  name: 小鹿\n  avatar: ${avatar}\n`),
    );

  it('accept a picture of the library (avatars/…)', () => {
    const { library, errors } = loadLibrary(withAvatar('avatars/xiaolu.png'));
    expect(errors).toEqual([]);
    expect(library.buyers.get('colour-question')?.persona.avatar).toBe('avatars/xiaolu.png');
  });

  it('refuse anything that would be fetched from elsewhere, at its line and column', () => {
    for (const avatar of [
      "'//evil.example/track.png'",
      'https://evil.example/a.png',
      'http://10.0.0.1/a.png',
      "'data:image/png;base64,AAAA'",
      'avatars/../lexicon.yaml',
      '/library/avatars/a.png',
      'avatars/a.svg',
    ]) {
      const { errors } = loadLibrary(withAvatar(avatar));
      expect(errors.map(formatError), avatar).toEqual([
        expect.stringMatching(
          /buyers\/colour-question\.yaml:8:11 persona\.avatar 头像只能是场景库 avatars\/ 文件夹里的图片/,
        ),
      ]);
    }
  });
});
