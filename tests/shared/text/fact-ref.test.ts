import { describe, expect, it } from 'vitest';
import { parseFactRef } from '../../../shared/src/text/index.ts';
import { jacket, mug } from './fixtures.ts';

const products = [jacket, mug];

describe('parseFactRef', () => {
  it('resolves a whole fact', () => {
    const r = parseFactRef(products, 'down-jacket.material');
    expect(r).toMatchObject({ ref: 'down-jacket.material', key: 'material', fact: { kind: 'value' } });
    expect('product' in r && r.product.id).toBe('down-jacket');
    expect('option' in r).toBe(false);
  });

  it('resolves an option by value or alias to its canonical reference', () => {
    expect(parseFactRef(products, 'down-jacket.color.酒红')).toMatchObject({
      ref: 'down-jacket.color.红色',
      option: { value: '红色', inStock: false },
    });
    expect(parseFactRef(products, 'down-jacket.size.xl')).toMatchObject({ ref: 'down-jacket.size.XL' });
  });

  it('explains what is wrong and suggests the nearest reference', () => {
    expect(parseFactRef(products, 'down-jaket.color')).toEqual({
      error: '未知的商品 "down-jaket"',
      suggestion: 'down-jacket.color',
    });
    expect(parseFactRef(products, 'down-jacket.colr.红色')).toEqual({
      error: '商品 "down-jacket" 没有事实 "colr"',
      suggestion: 'down-jacket.color.红色',
    });
    expect(parseFactRef(products, 'down-jacket.color.黑')).toMatchObject({ ref: 'down-jacket.color.黑色' });
    expect(parseFactRef(products, 'down-jacket.color.白')).toEqual({
      error: '"down-jacket.color" 没有选项 "白"（可选：黑色 / 红色 / 白色）',
      suggestion: 'down-jacket.color.黑',
    });
    expect(parseFactRef(products, 'mug.shipping.是')).toEqual({
      error: '"mug.shipping" 不是可选项事实，后面不能再接选项',
      suggestion: 'mug.shipping',
    });
  });

  it('rejects malformed references without a suggestion when nothing is close', () => {
    expect(parseFactRef(products, 'mug')).toEqual({
      error: '事实引用 "mug" 的格式应为 商品id.键 或 商品id.键.选项',
    });
    expect(parseFactRef(products, 'mug.color.')).toHaveProperty('error');
    expect(parseFactRef(products, 'washing-machine.color')).toEqual({
      error: '未知的商品 "washing-machine"',
    });
  });
});
