// Orders in the shopper machine: the seller changes an order (address, variant, note), gives a discount
// (改价 on an unpaid order, else a coupon for the next one), recommends a product that meets a need; the
// buyer checks their order when told a change is done, and everything replays from the log.
import {
  type AgentMessage,
  orderUpdateProblem,
  replayShopper,
  scriptInput,
  simulate,
  startShopper,
  stepShopper,
} from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { context, Driver, T0 } from './driver.ts';

const card = (id: string, fields: Partial<AgentMessage>): AgentMessage => ({
  id,
  text: '【卡片】',
  source: 'action',
  ...fields,
});

/** A driver on the orders scenario, past the first reply, with the buyer's change request out. */
function atChangeRequest(seed = 1) {
  const d = new Driver(context('orders'), seed);
  d.say('收到', T0 + 1000);
  d.until(T0 + 30_000);
  const request = d.lastBuyerLine();
  expect(request).toMatchObject({ beat: 'move', text: '改成杭州市文三路90号' });
  return { d, request };
}

describe('orders in the shopper machine', () => {
  it('places an order with its number, variant (first option in stock filling the rest) and the persona address', () => {
    const d = new Driver(context('orders'));
    const [order] = d.of('order-placed');
    expect(order).toMatchObject({
      orderId: 'o1',
      product: 'jacket',
      amount: 399,
      sku: { colour: '黑色' },
      address: '上海市张江路88号',
    });
    expect(order!.orderNo).toMatch(/^19700101\d{11}$/);
    expect(new Driver(context('orders'), 2).of('order-placed')[0]!.orderNo).not.toBe(order!.orderNo);
  });

  it('changes the latest order on an update and logs only what changed, with the whole variant', () => {
    const d = new Driver(context('orders'));
    const out = d.update({ id: 'u1', note: '送货上门', option: '黑' }, T0 + 500);
    expect(out).toEqual([
      {
        type: 'order-updated',
        at: T0 + 500,
        id: 'u1',
        orderId: 'o1',
        option: '黑色',
        sku: { colour: '黑色' },
        note: '送货上门',
      },
    ]);
  });

  it('refuses an update it cannot make, changing nothing', () => {
    const ctx = context('orders');
    const d = new Driver(ctx);
    expect(orderUpdateProblem(ctx, d.state, { id: 'u', option: '酒红' })).toEqual({
      code: 'option-out-of-stock',
      params: { option: '红色' },
    });
    expect(orderUpdateProblem(ctx, d.state, { id: 'u', option: '紫色' })).toEqual({
      code: 'option-unknown',
      params: { option: '紫色' },
    });
    expect(orderUpdateProblem(ctx, d.state, { id: 'u', orderId: 'o9', note: 'x' })).toEqual({
      code: 'order-not-found',
    });
    expect(d.update({ id: 'u', option: '红色' }, T0 + 500)).toEqual([]);
    const before = new Driver(context('colour'));
    expect(orderUpdateProblem(before.ctx, before.state, { id: 'u', address: '杭州' })).toEqual({
      code: 'no-order-yet',
    });
  });

  it('waits for the asked change: told it is done when it is not, the buyer says so once', () => {
    const { d, request } = atChangeRequest();
    const out = d.say('好的亲，已经帮您改好了', request.at + 3000);
    expect(out.find((e) => e.type === 'reply-judged')).toMatchObject({ confirmsChange: true });
    d.until(request.at + 20_000);
    expect(d.lastBuyerLine()).toMatchObject({
      beat: 'move',
      line: -1,
      text: '我看订单上的地址还没改过来呀？',
    });
    d.say('亲，改好了哦', request.at + 22_000);
    d.until(request.at + 40_000);
    expect(d.of('buyer-message').filter((m) => m.line === -1)).toHaveLength(1);
  });

  it('moves on once the order shows the address, and leaves at patience when it never does', () => {
    const { d, request } = atChangeRequest();
    d.update({ id: 'u1', address: '杭州市 文三路90号 周女士' }, request.at + 2000);
    d.until(request.at + 30_000);
    expect(d.lastBuyerLine()).toMatchObject({ beat: 'cold' });

    const stuck = atChangeRequest().d;
    stuck.update({ id: 'u1', address: '杭州市文三路9号' }, request.at + 2000);
    stuck.until(request.at + 200_000);
    // Nobody replied to the request: the buyer left waiting for a reply.
    expect(stuck.of('buyer-left')).toEqual([
      { type: 'buyer-left', at: request.at + 90_000, reason: 'patience', waitingFor: 'reply' },
    ]);
  });

  it('leaves waiting for the change, not a reply, when every message had one but the order never changed', () => {
    const { d, request } = atChangeRequest();
    d.say('好的亲，已经帮您改好了', request.at + 3000);
    d.until(request.at + 20_000);
    const nudge = d.lastBuyerLine();
    d.say('亲，改好了哦', nudge.at + 2000);
    d.until(nudge.at + 200_000);
    expect(d.of('buyer-left')).toEqual([
      {
        type: 'buyer-left',
        at: nudge.at + 2000 + 90_000,
        reason: 'patience',
        waitingFor: 'change',
        fields: ['address'],
      },
    ]);
  });

  it('sends the photo of a line with it', () => {
    const { d, request } = atChangeRequest();
    d.update({ id: 'u1', address: '杭州市文三路90号' }, request.at + 2000);
    d.until(request.at + 30_000);
    expect(d.lastBuyerLine()).toMatchObject({ beat: 'cold', image: 'images/neck.png' });
  });

  it('adds a recommended product that meets the need to the unpaid order; an unfitting one changes nothing', () => {
    const { d, request } = atChangeRequest();
    d.update({ id: 'u1', address: '杭州市文三路90号' }, request.at + 2000);
    d.until(request.at + 30_000);
    const need = d.lastBuyerLine();
    expect(
      d.send(card('r0', { action: 'recommend', product: 'jacket' }), need.at + 1000).map((e) => e.type),
    ).toEqual(['agent-message', 'reply-judged']);
    const out = d.send(card('r1', { action: 'recommend', product: 'scarf' }), need.at + 2000);
    expect(out.find((e) => e.type === 'order-item-added')).toEqual({
      type: 'order-item-added',
      at: need.at + 2000,
      orderId: 'o1',
      product: 'scarf',
      amount: 59,
      messageId: 'r1',
    });
    // The need is met: a second card adds nothing.
    expect(
      d
        .send(card('r2', { action: 'recommend', product: 'scarf' }), need.at + 3000)
        .some((e) => e.type === 'order-item-added'),
    ).toBe(false);
  });

  it('a discount on an unpaid order is 改价; before any order it is a coupon taken off the order placed', () => {
    const d = new Driver(context('orders'));
    const out = d.send(card('d1', { action: 'discount', amount: 30 }), T0 + 1000);
    expect(out.find((e) => e.type === 'order-repriced')).toEqual({
      type: 'order-repriced',
      at: T0 + 1000,
      orderId: 'o1',
      amount: 369,
      discount: 30,
      messageId: 'd1',
    });

    const ctx = context('colour');
    const coupon = new Driver(ctx);
    coupon.say('亲，红色暂时缺货了，黑色有货哦', T0 + 2000);
    coupon.send(card('d2', { action: 'discount', amount: 19.9 }), T0 + 3000);
    expect(coupon.state.coupon).toBe(19.9);
    coupon.until(T0 + 20_000);
    coupon.send(card('inv', { action: 'inviteOrder' }), T0 + 21_000);
    coupon.until(T0 + 40_000);
    expect(coupon.of('order-placed')[0]).toMatchObject({ amount: 379.1, discount: 19.9 });
  });

  it('replays a log with order changes, discounts and added items to the same events and state', () => {
    const { d, request } = atChangeRequest(3);
    d.send(card('d1', { action: 'discount', amount: 10 }), request.at + 1000);
    d.update({ id: 'u1', address: '杭州市文三路90号' }, request.at + 2000);
    d.until(request.at + 30_000);
    d.send(card('r1', { action: 'recommend', product: 'scarf' }), d.lastBuyerLine().at + 2000);
    d.until(d.lastBuyerLine().at + 60_000);
    const replayed = replayShopper(context('orders'), d.events);
    expect(replayed.outputs).toEqual(d.events);
    expect(replayed.state).toEqual(d.state);
  });

  it('never mutates the state it is given on an order update', () => {
    const ctx = context('orders');
    const start = startShopper(ctx, 1, T0);
    const frozen = JSON.stringify(start.state);
    stepShopper(
      ctx,
      start.state,
      { type: 'order-update', update: { id: 'u', address: '杭州', option: '黑色' } },
      T0 + 1,
    );
    stepShopper(
      ctx,
      start.state,
      { type: 'agent-message', message: card('d', { action: 'discount', amount: 5 }) },
      T0 + 2,
    );
    expect(JSON.stringify(start.state)).toBe(frozen);
  });
});

describe('agent scripts with order operations', () => {
  it('an updateOrder step is an order change, a discount and a recommend step send their cards', () => {
    const ctx = context('orders');
    expect(scriptInput(ctx, { action: 'updateOrder', address: '杭州', note: '加急' }, 'a1')).toEqual({
      type: 'order-update',
      update: { id: 'a1', address: '杭州', note: '加急' },
    });
    const coupon = scriptInput(ctx, { action: 'discount', amount: 20 }, 'a2');
    expect(coupon).toMatchObject({ type: 'agent-message', message: { action: 'discount', amount: 20 } });
    expect(coupon.type === 'agent-message' && coupon.message.text).toContain('优惠券');
    const repricing = scriptInput(ctx, { action: 'discount', amount: 20 }, 'a3', {
      unpaidOrder: true,
      orderNo: '1',
    });
    expect(repricing.type === 'agent-message' && repricing.message.text).toContain('改价');
    expect(scriptInput(ctx, { action: 'recommend', product: 'scarf' }, 'a4')).toMatchObject({
      message: { action: 'recommend', product: 'scarf', text: expect.stringContaining('羊毛围巾 ¥59') },
    });
  });

  it("a quick phrase's variables are filled with the buyer, the product and the latest order number", () => {
    const ctx = context('orders');
    const input = scriptInput(ctx, { phrase: 'hyn' }, 'a1', {
      unpaidOrder: true,
      orderNo: '2026010112345678901',
    });
    expect(input).toMatchObject({ message: { text: '小周您好，订单2026010112345678901的轻薄羽绒服已收到' } });
  });

  it('the model answer plays through; an order change before any order is reported, not played', () => {
    const ctx = context('orders');
    const model = simulate(ctx, ctx.scenario.modelAnswer, 1);
    expect(model.problems).toEqual([]);
    expect(model.events.filter((e) => e.type === 'order-updated')).toHaveLength(1);
    const early = simulate(
      context('colour'),
      [{ wait: 'reply', after: 1, action: 'updateOrder', note: '加急' }],
      1,
    );
    expect(early.problems).toEqual(['第 1 步 updateOrder：买家还没有下单，没有订单可改']);
    expect(early.events.some((e) => e.type === 'order-updated')).toBe(false);
  });
});
