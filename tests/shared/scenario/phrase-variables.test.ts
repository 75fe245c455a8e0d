import { describe, expect, it } from 'vitest';
import { formatError, loadLibrary } from '../../../shared/src/scenario/load.ts';
import {
  fillVariables,
  unfilledVariables,
  variableProblems,
  variableTokens,
} from '../../../shared/src/scenario/phrase-variables.ts';
import { fillPhrase } from '../../../shared/src/shopper/actions.ts';
import { editFile, VALID } from './library-files.ts';

describe('quick-phrase variables', () => {
  it('fills the buyer, the product and the order number', () => {
    const filled = fillVariables('{买家}您好，订单{订单号}的{商品}已发出', {
      买家: '阿May',
      商品: '羽绒服',
      订单号: '2026113012345',
    });
    expect(filled).toEqual({ text: '阿May您好，订单2026113012345的羽绒服已发出', unfilled: [] });
  });

  it('leaves a variable with no value visible and says where it is in the filled text', () => {
    const filled = fillVariables('{买家}，订单{订单号}（{商品}）核对好了', {
      买家: '小周',
      商品: '围巾',
      订单号: '',
    });
    expect(filled.text).toBe('小周，订单{订单号}（围巾）核对好了');
    expect(filled.unfilled).toEqual([{ name: '订单号', start: 5, end: 10, known: true }]);
    expect(filled.text.slice(5, 10)).toBe('{订单号}');
  });

  it('fills every occurrence and leaves unknown braces and plain text alone', () => {
    expect(fillVariables('{商品}{商品} {颜色} {} {买家', { 商品: '鞋' }).text).toBe('鞋鞋 {颜色} {} {买家');
  });

  it('finds what is still to fill in a draft, and only the variables', () => {
    expect(unfilledVariables('订单{订单号}，颜色{颜色}').map((t) => t.name)).toEqual(['订单号']);
    expect(unfilledVariables('订单 2026 已核对')).toEqual([]);
  });

  it('tells an unknown variable with its character position', () => {
    expect(variableTokens('{买家}您好{买家名}')).toEqual([
      { name: '买家', start: 0, end: 4, known: true },
      { name: '买家名', start: 6, end: 11, known: false },
    ]);
    expect(variableProblems('亲，{买家名}您好，订单{订单号}')).toEqual([
      '第 3 个字起的 {买家名} 不是话术变量，可用的变量：{买家}、{商品}、{订单号}',
    ]);
    expect(variableProblems('{买家}您好')).toEqual([]);
  });

  it('a script step reads a variable with no value as nothing (a script cannot type it in)', () => {
    expect(fillPhrase('订单{订单号}（{商品}）', { buyer: '小周', product: '围巾', orderNo: '' })).toBe(
      '订单（围巾）',
    );
  });
});

describe('kefu check on phrase variables', () => {
  const withText = (text: string) =>
    loadLibrary(
      editFile('phrases/shop.yaml', (t) => t.replace('您好，欢迎光临，有什么可以帮您？', `'${text}'`)),
    ).errors.map(formatError);

  it('accepts the three variables', () => {
    expect(withText('{买家}您好，{商品}订单{订单号}')).toEqual([]);
  });

  it('refuses an unknown variable at the phrase text, naming where in the text it is', () => {
    expect(withText('{买家}您好，{顾客名}')).toEqual([
      `${VALID}/phrases/shop.yaml:10:15 groups[0].phrases[0].text 第 8 个字起的 {顾客名} 不是话术变量，可用的变量：{买家}、{商品}、{订单号}`,
    ]);
  });
});
