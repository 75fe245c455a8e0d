import { describe, expect, it } from 'vitest';
import { ProductSchema } from '../../../../shared/src/scenario/schema.ts';
import { explainViolation } from '../../../../shared/src/scoring/explain.ts';
import { orderNotUpdated } from '../../../../shared/src/scoring/rules/order-not-updated.ts';
import { contextOf, firedAt, LogBuilder, makeScenario } from '../log-builder.ts';

const jacket = ProductSchema.parse({
  id: 'jacket',
  name: '羽绒服',
  price: 299,
  facts: {
    colour: {
      kind: 'options',
      topic: 'colour',
      options: [{ value: '黑色', aliases: ['黑的'] }, { value: '米白色' }],
    },
    size: { kind: 'options', topic: 'size', options: [{ value: 'M码' }, { value: 'L码' }] },
  },
});
const products = new Map([['jacket', jacket]]);

/** The buyer orders (beat `hello`), then asks for a new address (`move`), a new size (`size`) and a note (`note`). */
const scenario = makeScenario({
  beats: [
    { id: 'hello', say: '拍了' },
    { id: 'move', say: '改地址：杭州市文三路90号', change: { address: '杭州市文三路90号' } },
    { id: 'size', say: '改成L码', change: { option: 'L码' } },
    { id: 'note', say: '备注送货上门', change: { note: ['送货上门', '送上门'] } },
    { id: 'move2', say: '还是改回文三路100号吧', change: { address: '文三路100号' } },
  ],
});
const SKU = { colour: '黑色', size: 'M码' };
const run = (log: LogBuilder) => firedAt(orderNotUpdated, log, { scenario, products });

function ordered(): LogBuilder {
  const log = new LogBuilder().started();
  log.buyer(0, 'hello');
  log.order(0, 'o1', 299, { sku: SKU, address: '上海市张江路88号' });
  log.agent(2);
  return log;
}

describe('order-not-updated', () => {
  it('fires at the reply that says it is done when the order was never changed', () => {
    const log = ordered();
    log.buyer(10, 'move');
    log.agent(14, { text: '好的亲，已经帮您改好了', judged: { confirmsChange: true } });
    log.left(110).ended(110, 'buyer-left');
    expect(run(log)).toEqual([14]);
    const [finding] = orderNotUpdated(contextOf(log.events, { scenario, products }));
    expect(finding!.detail).toMatchObject({ field: 'address', claimed: true, actual: '上海市张江路88号' });
    expect(explainViolation('order-not-updated', finding!.detail, 'zh-CN')).toBe(
      '买家要求把收货地址改成「杭州市文三路90号」，回复说已经改好，订单上却仍是「上海市张江路88号」：先在订单里改好再告诉买家。',
    );
    expect(explainViolation('order-not-updated', finding!.detail, 'en')).toContain(
      'still shows "上海市张江路88号"',
    );
  });

  it('fires when the conversation closes without a change and no claim', () => {
    const log = ordered();
    log.buyer(10, 'move');
    log.left(100).ended(100, 'buyer-left');
    expect(run(log)).toEqual([100]);
  });

  it('does not fire when the order shows the address, whatever the spacing, punctuation or added name', () => {
    const log = ordered();
    log.buyer(10, 'move');
    log.orderUpdated(13, { address: '杭州市 文三路90号，周女士' });
    log.agent(14, { judged: { confirmsChange: true } });
    log.ended(30);
    expect(run(log)).toEqual([]);
  });

  it('fires for an address changed to another one (a number that runs on is another number)', () => {
    const log = ordered();
    log.buyer(10, 'move');
    log.orderUpdated(13, { address: '杭州市文三路900号' });
    log.agent(14, { judged: { confirmsChange: true } });
    log.ended(30);
    expect(run(log)).toEqual([14]);
  });

  it('judges a variant by the option asked for, and a note by any of its accepted wordings', () => {
    const right = ordered();
    right.buyer(10, 'size');
    right.orderUpdated(12, { option: 'L码', sku: { colour: '黑色', size: 'L码' } });
    right.buyer(20, 'note');
    right.orderUpdated(22, { note: '请送上门，别放驿站' });
    right.ended(40);
    expect(run(right)).toEqual([]);

    const wrong = ordered();
    wrong.buyer(10, 'size');
    wrong.orderUpdated(12, { option: '米白色', sku: { colour: '米白色', size: 'M码' } });
    wrong.buyer(20, 'note');
    wrong.orderUpdated(22, { note: '尽快发货' });
    wrong.ended(40);
    expect(run(wrong)).toEqual([40, 40]);
  });

  it('fires for a change undone later in the conversation', () => {
    const log = ordered();
    log.buyer(10, 'move');
    log.orderUpdated(12, { address: '杭州市文三路90号' });
    log.orderUpdated(20, { address: '上海市张江路88号' });
    log.ended(40);
    expect(run(log)).toEqual([40]);
  });

  it('judges a request when a later request for the same field replaces it', () => {
    const log = ordered();
    log.buyer(10, 'move');
    log.orderUpdated(12, { address: '杭州市文三路90号' });
    log.buyer(20, 'move2');
    log.orderUpdated(22, { address: '杭州市文三路100号' });
    log.ended(40);
    expect(run(log)).toEqual([]);
  });

  it('waits while the conversation is open, and ignores a request made before any order', () => {
    const open = ordered();
    open.buyer(10, 'move');
    expect(run(open)).toEqual([]);

    const early = new LogBuilder().started();
    early.buyer(0, 'move');
    early.agent(2);
    early.ended(30);
    expect(run(early)).toEqual([]);
  });
});
