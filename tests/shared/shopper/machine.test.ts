import { replayShopper, startShopper, stepShopper } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { context, Driver, T0, typed } from './driver.ts';

describe('shopper machine', () => {
  it('starts with the buyer arriving: the first line is there at once, then the buyer waits', () => {
    const d = new Driver(context('colour'));
    expect(d.events.map((e) => e.type)).toEqual(['started', 'buyer-message']);
    expect(d.events[1]).toMatchObject({ at: T0, beat: 'ask', line: 0 });
    expect(['红色还有吗', '这件红色的有货吗']).toContain(d.lastBuyerLine().text);
    expect(d.current.wakeAt).toBe(T0 + 90_000);
  });

  it('a buyer nobody answers says goodbye and leaves when patience runs out, at the exact due time', () => {
    const d = new Driver(context('colour'));
    expect(d.until(T0 + 89_999)).toEqual([]);
    // The wake-up comes late (a busy server): events still carry their due time.
    const out = d.until(T0 + 95_000);
    expect(out.map((e) => e.type)).toEqual(['buyer-message', 'buyer-left', 'ended']);
    expect(out.every((e) => e.at === T0 + 90_000)).toBe(true);
    expect(out[1]).toEqual({ type: 'buyer-left', at: T0 + 90_000, reason: 'patience', waitingFor: 'reply' });
    expect(d.current.wakeAt).toBeNull();
  });

  it('an answer stating the fact moves to the next beat: typing first, then the line', () => {
    const d = new Driver(context('colour'));
    const out = d.say('亲，红色暂时缺货了，黑色有货哦', T0 + 2000);
    const judged = out.find((e) => e.type === 'reply-judged');
    expect(judged).toMatchObject({ stated: ['b1'], evaded: [], contradicted: [], irrelevant: false });
    d.until(T0 + 30_000);
    const typing = d.of('buyer-typing')[0]!;
    const line = d.lastBuyerLine();
    expect(line).toMatchObject({ beat: 'decide', text: '好吧，那黑色也行' });
    expect(typing.at).toBeGreaterThanOrEqual(T0 + 2000 + 1500);
    expect(typing.at).toBeLessThan(line.at);
  });

  it('a holding reply is no dodge: the buyer waits, with patience counted from the agent message', () => {
    const d = new Driver(context('colour'));
    const out = d.say('亲，稍等，我查一下', T0 + 2000);
    expect(out.find((e) => e.type === 'reply-judged')).toMatchObject({ courtesyOnly: true, evaded: [] });
    expect(d.current.wakeAt).toBe(T0 + 2000 + 90_000);
    d.until(T0 + 60_000);
    expect(d.of('buyer-message')).toHaveLength(1);
  });

  it('a dodge takes the dodged branch', () => {
    const d = new Driver(context('colour'));
    const out = d.say('亲，您看看详情页哦', T0 + 2000);
    expect(out.find((e) => e.type === 'reply-judged')).toMatchObject({ evaded: ['b1'], courtesyOnly: false });
    d.until(T0 + 30_000);
    expect(d.lastBuyerLine()).toMatchObject({ beat: 'annoyed' });
    expect(d.of('buyer-left')[0]).toMatchObject({ reason: 'scripted' });
    expect(d.of('ended')[0]).toMatchObject({ reason: 'buyer-left' });
  });

  it('saying an out-of-stock colour is in stock is judged a wrong fact', () => {
    const d = new Driver(context('colour'));
    const out = d.say('有的亲，红色有货', T0 + 2000);
    expect(out.find((e) => e.type === 'reply-judged')).toMatchObject({
      stated: [],
      contradicted: ['jacket.colour.红色'],
    });
  });

  it('waits for an invitation, then orders, pays only after a reminder', () => {
    const d = new Driver(context('colour'));
    d.say('亲，红色暂时缺货了，黑色有货哦', T0 + 2000);
    d.until(T0 + 20_000);
    const decided = d.lastBuyerLine().at;
    d.send(
      { id: 'inv', text: '亲，喜欢可以直接拍下哦', source: 'action', action: 'inviteOrder' },
      decided + 2000,
    );
    d.until(decided + 20_000);
    const [order] = d.of('order-placed');
    expect(order).toMatchObject({ product: 'jacket', quantity: 1, amount: 399 });
    expect(d.of('order-paid')).toHaveLength(0);
    d.send(
      { id: 'rem', text: '亲，记得付款哦', source: 'action', action: 'remindPayment' },
      order!.at + 30_000,
    );
    d.until(order!.at + 60_000);
    expect(d.of('order-paid')).toEqual([expect.objectContaining({ orderId: order!.orderId })]);
    expect(d.of('ended')[0]).toMatchObject({ reason: 'finished' });
  });

  it('an order left unpaid with no reminder ends unpaid after twice the reminder window', () => {
    const d = new Driver(context('colour'));
    d.say('亲，红色暂时缺货了，黑色有货哦', T0 + 2000);
    d.until(T0 + 20_000);
    d.say('亲，可以直接拍下哦', d.lastBuyerLine().at + 1000);
    d.until(T0 + 60_000);
    const order = d.of('order-placed')[0]!;
    d.until(order.at + 240_000);
    expect(d.of('ended')[0]).toEqual({ type: 'ended', at: order.at + 240_000, reason: 'unpaid' });
  });

  it('no invitation within the window: the timeout branch', () => {
    const d = new Driver(context('colour'));
    d.say('亲，红色暂时缺货了，黑色有货哦', T0 + 2000);
    d.until(T0 + 20_000);
    const decided = d.lastBuyerLine().at;
    d.until(decided + 60_000);
    expect(d.of('buyer-left')[0]).toMatchObject({ at: decided + 60_000, reason: 'scripted' });
  });

  it('a silence beat marks the buyer quiet and a follow-up brings them back', () => {
    const d = new Driver(context('quiet'));
    d.say('亲，您好，在的~', T0 + 1000);
    d.until(T0 + 1000);
    const [quiet] = d.of('buyer-quiet');
    expect(quiet).toEqual({ type: 'buyer-quiet', at: T0 + 1000, until: T0 + 61_000 });
    d.say('亲，还在吗？', T0 + 31_000);
    d.until(T0 + 60_000);
    expect(d.lastBuyerLine()).toMatchObject({ beat: 'back' });
  });

  it('a bare 好的 or a goodbye in the silence is not a follow-up: the buyer still leaves', () => {
    const d = new Driver(context('quiet'));
    d.say('亲，您好，在的~', T0 + 1000);
    d.say('好的', T0 + 11_000);
    d.say('拜拜~', T0 + 21_000);
    d.until(T0 + 200_000);
    expect(d.of('buyer-left')).toEqual([{ type: 'buyer-left', at: T0 + 61_000, reason: 'quiet' }]);
  });

  it('a quiet buyer nobody follows up leaves quietly at the end of the window', () => {
    const d = new Driver(context('quiet'));
    d.say('亲，您好，在的~', T0 + 1000);
    d.until(T0 + 200_000);
    expect(d.of('buyer-left')).toEqual([{ type: 'buyer-left', at: T0 + 61_000, reason: 'quiet' }]);
  });

  it('several questions at once: the buyer waits until every one is answered', () => {
    const d = new Driver(context('burst'));
    d.until(T0 + 30_000);
    expect(d.of('buyer-message').map((m) => m.line)).toEqual([0, 1, 2]);
    const out = d.say('白鸭绒的亲', T0 + 31_000);
    expect(out.find((e) => e.type === 'reply-judged')).toMatchObject({
      stated: ['b2'],
      openAsks: ['b2', 'b3'],
    });
    d.until(T0 + 45_000);
    expect(d.of('buyer-message')).toHaveLength(3);
    d.say('全国包邮的', T0 + 46_000);
    d.until(T0 + 70_000);
    expect(d.lastBuyerLine()).toMatchObject({ beat: 'cold' });
  });

  it('a buyer who had a reply to every message leaves waiting for the questions nobody answered', () => {
    const d = new Driver(context('burst'));
    d.until(T0 + 30_000);
    d.say('白鸭绒的亲', T0 + 31_000);
    d.until(T0 + 200_000);
    // Patience runs from the last reply; the farewell is their last line, not a message left unanswered.
    expect(d.of('buyer-left')).toEqual([
      { type: 'buyer-left', at: T0 + 121_000, reason: 'patience', waitingFor: 'answers', open: ['b3'] },
    ]);
  });

  it('a buyer whose nudge after a dodge got no reply leaves waiting for a reply', () => {
    const d = new Driver(context('burst'));
    d.until(T0 + 30_000);
    d.say('亲，我们家衣服质量很好的', T0 + 31_000);
    d.until(T0 + 40_000);
    expect(d.lastBuyerLine()).toMatchObject({ line: -1 });
    d.until(T0 + 200_000);
    expect(d.of('buyer-left')).toMatchObject([{ reason: 'patience', waitingFor: 'reply' }]);
    expect(d.of('buyer-left')[0]).not.toHaveProperty('open');
  });

  it('the buyer reads a bare answer against their own line: 包 to 包邮吗 answers it, not 什么材质', () => {
    const d = new Driver(context('burst'));
    d.until(T0 + 30_000);
    expect(d.state.open.map((item) => item.text)).toEqual(['什么材质', '包邮吗']);
    const out = d.say('包，放心', T0 + 31_000);
    expect(out.find((e) => e.type === 'reply-judged')).toMatchObject({ stated: ['b3'], passedOver: ['b2'] });
  });

  it('welcoming a returning customer takes the acknowledged branch', () => {
    const d = new Driver(context('burst'));
    d.until(T0 + 30_000);
    d.say('欢迎回来老顾客！白鸭绒的，全国包邮哦', T0 + 31_000);
    d.until(T0 + 60_000);
    expect(d.lastBuyerLine()).toMatchObject({ beat: 'warm' });
  });

  it('stop ends the conversation and later input changes nothing', () => {
    const d = new Driver(context('colour'));
    expect(d.stop(T0 + 5000)).toEqual([{ type: 'ended', at: T0 + 5000, reason: 'stopped' }]);
    expect(d.say('在的', T0 + 6000)).toEqual([]);
    expect(d.current.wakeAt).toBeNull();
  });

  it('is deterministic: same seed and inputs give the same log; the seed picks the variant lines', () => {
    const run = (seed: number) => {
      const d = new Driver(context('colour'), seed);
      d.send({ id: 'wait', text: '亲，稍等', source: 'typed' }, T0 + 1500);
      d.until(T0 + 200_000);
      return d.events;
    };
    expect(run(7)).toEqual(run(7));
    const firstLines = new Set(
      Array.from({ length: 12 }, (_, seed) => startShopper(context('colour'), seed, T0).outputs[1]),
    );
    expect(new Set([...firstLines].map((e) => (e as { text: string }).text)).size).toBe(2);
  });

  it('replaying a stored log rebuilds the same state and the same events', () => {
    const d = new Driver(context('colour'), 3);
    d.say('亲，红色暂时缺货了，黑色有货哦', T0 + 2000);
    d.until(T0 + 20_000);
    d.say('可以直接拍下哦', d.lastBuyerLine().at + 1500);
    d.until(T0 + 40_000);
    const replayed = replayShopper(context('colour'), d.events);
    expect(replayed.outputs).toEqual(d.events);
    expect(replayed.state).toEqual(d.state);
    expect(replayed.wakeAt).toEqual(d.current.wakeAt);
  });

  it('never mutates the state it is given', () => {
    const ctx = context('colour');
    const start = startShopper(ctx, 1, T0);
    const frozen = JSON.stringify(start.state);
    stepShopper(ctx, start.state, { type: 'agent-message', message: typed('红色缺货了') }, T0 + 1000);
    stepShopper(ctx, start.state, { type: 'wake' }, T0 + 500_000);
    expect(JSON.stringify(start.state)).toBe(frozen);
  });
});
