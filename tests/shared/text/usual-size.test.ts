// The size to order said against the buyer's usual size (平时穿41拍41就行): the same, a size up or a size down,
// and what that states of a size fact as shops word it.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { type JudgeContext, judgeReply, type OpenItem } from '../../../shared/src/shopper/judge.ts';
import { createMatcher, normalise } from '../../../shared/src/text/index.ts';
import { usualSizeChoices } from '../../../shared/src/text/usual-size.ts';

const choice = (reply: string, line = '') => usualSizeChoices(normalise(reply), normalise(line)).join(' ');

describe('usualSizeChoices', () => {
  it('reads the size to order against the usual size said before it', () => {
    expect(choice('平时穿41拍41就行，不用拍大')).toBe('same');
    expect(choice('平时穿41的拍42吧')).toBe('larger');
    expect(choice('平常穿L码的话选M就够了')).toBe('smaller');
    expect(choice('一般穿M的拍XL')).toBe('larger');
    expect(choice('平时穿2xl拍xxl')).toBe('same');
    expect(choice('平时41的话正常拍41就可以，不过您脚偏宽的话建议拍42')).toBe('same larger');
  });
  it("takes the usual size from the buyer's line when the reply names only the size to order", () => {
    expect(choice('拍41就行', '平时穿41 这款拍多大')).toBe('same');
    expect(choice('那拍42', '我平常穿41码')).toBe('larger');
  });
  it('reads nothing without both sizes, or with sizes of two kinds', () => {
    expect(choice('拍41就行', '脚长255拍几码')).toBe('');
    expect(choice('平时穿41就行')).toBe('');
    expect(choice('平时穿M拍42')).toBe('');
  });
});

describe('a size choice states a size fact', () => {
  const { library } = loadLibrary(readLibrary('scenarios'));
  const shoes: JudgeContext = (() => {
    const products = [library.products.get('running-shoes')!];
    return { library, products, matcher: createMatcher(library.lexicon, products) };
  })();
  const judge = (text: string, ask: string, line: string) => {
    const items: OpenItem[] = [{ messageId: 'b1', ask, text: line }];
    return judgeReply(
      shoes,
      { messages: ['b1'], items, hasOrder: false },
      { id: 'a1', text, source: 'typed' },
    );
  };
  it('the same size states standard sizing; a size up contradicts it', () => {
    expect(judge('平时穿41拍41就行', 'running-shoes.fit', '平时穿41 这款拍多大').stated).toEqual(['b1']);
    expect(judge('拍41就行', 'running-shoes.fit', '平时穿41 这款拍多大').stated).toEqual(['b1']);
    const up = judge('平时穿41拍42吧', 'running-shoes.fit', '平时穿41 这款偏码吗');
    expect([up.wrong, up.contradicted]).toEqual([['b1'], ['running-shoes.fit']]);
  });
  it('ordering the usual size, whatever it is, answers which size to order with the size the buyer said', () => {
    const line = '我脚长23 平时都穿36的 这个拍多大';
    expect(judge('平时穿多大就拍多大，这款不偏码', 'running-shoes.size.36码', line).stated).toEqual(['b1']);
    expect(judge('按平时的码拍就行', 'running-shoes.size.36码', line).stated).toEqual(['b1']);
    expect(judge('平时穿多大就拍多大', 'running-shoes.size.37码', line).stated).toEqual([]);
    expect(judge('平时穿多大就拍多大', 'running-shoes.size.36码', '脚长230拍多大').stated).toEqual([]);
  });
  it('a size up answers wide feet rightly, a size down wrongly', () => {
    const line = '我脚宽 平时穿41 拍多大';
    expect(judge('拍42哦', 'running-shoes.wide-feet', line).stated).toEqual(['b1']);
    expect(judge('平时穿41拍40', 'running-shoes.wide-feet', line).wrong).toEqual(['b1']);
    const both = '平时41的话正常拍41就可以，不过您脚偏宽的话建议拍42';
    expect(judge(both, 'running-shoes.wide-feet', line).stated).toEqual(['b1']);
    expect(judge(both, 'running-shoes.fit', line).stated).toEqual(['b1']);
  });
});
