import { describe, expect, it } from 'vitest';
import { ProductSchema } from '../../../../shared/src/scenario/schema.ts';
import { explainViolation } from '../../../../shared/src/scoring/explain.ts';
import { discountExceeded } from '../../../../shared/src/scoring/rules/discount-exceeded.ts';
import { contextOf, firedAt, LogBuilder, makeRubric, makeScenario } from '../log-builder.ts';

const products = new Map([
  ['jacket', ProductSchema.parse({ id: 'jacket', name: '羽绒服', price: 300, facts: {} })],
]);

function discounts(...amounts: number[]): LogBuilder {
  const log = new LogBuilder().started();
  log.buyer(0, 'price');
  amounts.forEach((amount, i) => {
    log.agent(5 + i * 5, { source: 'action', action: 'discount', amount, card: 'discount' });
  });
  log.ended(60);
  return log;
}

describe('discount-exceeded', () => {
  it('allows the rubric share of the price (10 % of ¥300 = ¥30) in all, and fires at the discount that goes over', () => {
    expect(firedAt(discountExceeded, discounts(30), { products })).toEqual([]);
    expect(firedAt(discountExceeded, discounts(20, 10), { products })).toEqual([]);
    expect(firedAt(discountExceeded, discounts(20, 10.01), { products })).toEqual([10]);
    expect(firedAt(discountExceeded, discounts(31, 5), { products })).toEqual([5, 10]);
  });

  it("takes the scenario's concession over the rubric, and the rubric's share when changed", () => {
    const scenario = makeScenario({ concession: 50 });
    expect(firedAt(discountExceeded, discounts(50), { products, scenario })).toEqual([]);
    expect(firedAt(discountExceeded, discounts(51), { products, scenario })).toEqual([5]);
    const strict = makeRubric({ thresholds: { maxDiscountPercent: 5 } });
    expect(firedAt(discountExceeded, discounts(16), { products, rubric: strict })).toEqual([5]);
    const none = makeScenario({ concession: 0 });
    expect(firedAt(discountExceeded, discounts(1), { products, scenario: none })).toEqual([5]);
  });

  it('explains the total and the limit in both languages', () => {
    const [finding] = discountExceeded(contextOf(discounts(20, 20).events, { products }));
    expect(finding!.detail).toMatchObject({ amount: 20, total: 40, allowed: 30 });
    expect(explainViolation('discount-exceeded', finding!.detail, 'zh-CN')).toBe(
      '改价/优惠券合计让利 40 元，超过允许的 30 元：让利要在店铺授权范围内。',
    );
    expect(explainViolation('discount-exceeded', finding!.detail, 'en')).toContain(
      '¥40 in all, over the ¥30 allowed',
    );
  });
});
