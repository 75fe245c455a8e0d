import { describe, expect, it } from 'vitest';
import { ProductSchema } from '../../../../shared/src/scenario/schema.ts';
import { explainViolation } from '../../../../shared/src/scoring/explain.ts';
import { missedCrossSell } from '../../../../shared/src/scoring/rules/missed-cross-sell.ts';
import { contextOf, firedAt, LogBuilder, makeScenario } from '../log-builder.ts';

const scarf = ProductSchema.parse({ id: 'scarf', name: '羊毛围巾', price: 89, facts: {} });
const products = new Map([['scarf', scarf]]);
const scenario = makeScenario({
  beats: [
    { id: 'hello', say: '在吗' },
    { id: 'cold', say: '我脖子怕冷', need: ['scarf', 'hat'] },
  ],
});
const run = (log: LogBuilder) => firedAt(missedCrossSell, log, { scenario, products });

function needAt(seconds: number): LogBuilder {
  const log = new LogBuilder().started();
  log.buyer(0, 'hello');
  log.agent(2);
  log.buyer(seconds, 'cold');
  return log;
}

describe('missed-cross-sell', () => {
  it('does not fire when a card recommends a product that meets the need', () => {
    const log = needAt(10);
    log.agent(13, { source: 'action', action: 'recommend', product: 'scarf', card: 'recommend' });
    log.ended(40);
    expect(run(log)).toEqual([]);
  });

  it('fires when the conversation closes without one, or with an unfitting or earlier recommendation', () => {
    const none = needAt(10);
    none.agent(13, { text: '亲，注意保暖哦' });
    none.ended(40);
    expect(run(none)).toEqual([40]);

    const unfitting = needAt(10);
    unfitting.agent(13, { source: 'action', action: 'recommend', product: 'cream', card: 'recommend' });
    unfitting.ended(40);
    expect(run(unfitting)).toEqual([40]);

    const early = new LogBuilder().started();
    early.buyer(0, 'hello');
    early.agent(2, { source: 'action', action: 'recommend', product: 'scarf', card: 'recommend' });
    early.buyer(10, 'cold');
    early.agent(12);
    early.left(30).ended(30, 'buyer-left');
    expect(run(early)).toEqual([30]);
  });

  it('waits while the conversation is open', () => {
    expect(run(needAt(10))).toEqual([]);
  });

  it('names the products that would have fitted', () => {
    const log = needAt(10);
    log.ended(40);
    const [finding] = missedCrossSell(contextOf(log.events, { scenario, products }));
    expect(finding!.detail).toMatchObject({ products: ['scarf', 'hat'], names: ['羊毛围巾', 'hat'] });
    expect(explainViolation('missed-cross-sell', finding!.detail, 'zh-CN')).toBe(
      '买家透露了需求，却没有关联推荐，错过了提高客单价的机会：听到需求就推荐能满足它的商品（如 羊毛围巾、hat）。',
    );
    expect(explainViolation('missed-cross-sell', finding!.detail, 'en')).toContain('e.g. 羊毛围巾, hat');
  });
});
