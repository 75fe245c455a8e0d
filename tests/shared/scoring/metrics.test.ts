// The three goals of reception per conversation and per student (or class): 询单转化率 (inquiring buyers who
// paid), 客单价 (paid amount per paying buyer, cross-sold products and discounts included) and 回头客留存.
import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../../shared/src/conversation/events.ts';
import type { BuyerScenario } from '../../../shared/src/scenario/schema.ts';
import { aggregateStudent, type Report, scoreConversation } from '../../../shared/src/scoring/index.ts';
import { LogBuilder, makeRubric, makeScenario } from './log-builder.ts';

function score(events: readonly ConversationEvent[], scenario: BuyerScenario = makeScenario()): Report {
  return scoreConversation({
    scenario,
    scenarioVersion: 'v1',
    rubric: makeRubric(),
    phrases: new Map(),
    particles: [],
    events,
  });
}

/** Asks, gets a coupon, orders, takes a recommended scarf, pays. */
function crossSold(): LogBuilder {
  const log = new LogBuilder().started();
  log.buyer(0, 'price');
  log.agent(2, { source: 'action', action: 'discount', amount: 20, card: 'discount' });
  log.order(10, 'o1', 279, { discount: 20 });
  const card = log.agent(12, { source: 'action', action: 'recommend', product: 'scarf', card: 'recommend' });
  log.itemAdded(12, 'scarf', 89, card);
  const reprice = log.agent(14, { source: 'action', action: 'discount', amount: 8, card: 'discount' });
  log.repriced(14, 360, 8, reprice);
  log.paid(20, 'o1');
  log.ended(30);
  return log;
}

describe('reception goals of one conversation', () => {
  it('counts the coupon, the 改价 and the cross-sold product in the order amount', () => {
    expect(score(crossSold().events).metrics).toMatchObject({
      outcome: 'paid',
      orderAmount: 360,
      paidAmount: 360,
      crossSellAmount: 89,
      discountAmount: 28,
      inquired: true,
      converted: true,
      returningKept: null,
    });
  });

  it('a buyer who ordered before asking is no inquiry (静默下单), so conversion does not count them', () => {
    const log = new LogBuilder().started();
    log.order(0, 'o1', 299).paid(0, 'o1');
    log.buyer(1, 'hello');
    log.agent(3);
    log.ended(10);
    expect(score(log.events).metrics).toMatchObject({ inquired: false, converted: false, paidAmount: 299 });
  });

  it('an inquiring buyer who left unpaid is not converted', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'hello');
    log.order(5, 'o1', 299);
    log.left(100).ended(100, 'buyer-left');
    expect(score(log.events).metrics).toMatchObject({ inquired: true, converted: false, paidAmount: 0 });
  });

  it('a returning customer is kept unless they leave', () => {
    const returning = makeScenario({ persona: { name: '老王', returning: true } });
    const stayed = new LogBuilder().started();
    stayed.buyer(0, 'hello');
    stayed.agent(2);
    stayed.ended(10);
    expect(score(stayed.events, returning).metrics.returningKept).toBe(true);
    const left = new LogBuilder().started();
    left.buyer(0, 'hello');
    left.left(90).ended(90, 'buyer-left');
    expect(score(left.events, returning).metrics.returningKept).toBe(false);
    // An order placed, then a question left unanswered: she says 我去别家看看 and goes — not kept, though
    // the unpaid order makes the outcome 拍下未付 rather than 流失.
    const ordered = new LogBuilder().started();
    ordered.buyer(0, 'hello');
    ordered.agent(2);
    ordered.order(5, 'o1', 39);
    ordered.buyer(6, '能便宜5块吗');
    ordered.left(96).ended(96, 'buyer-left');
    const metrics = score(ordered.events, returning).metrics;
    expect([metrics.outcome, metrics.returningKept]).toEqual(['ordered-unpaid', false]);
  });
});

describe('reception goals over many conversations', () => {
  it('conversion over inquiring buyers, 客单价 over the buyers the reception sold to, returning buyers kept', () => {
    const returning = makeScenario({ persona: { name: '老王', returning: true } });
    const silentOrder = new LogBuilder().started();
    silentOrder.order(0, 'o1', 100).paid(0, 'o1');
    silentOrder.buyer(1, 'hello');
    silentOrder.agent(2);
    silentOrder.ended(5);
    const lost = new LogBuilder().started();
    lost.buyer(0, 'hello');
    lost.left(90).ended(90, 'buyer-left');
    const summary = aggregateStudent([
      score(crossSold().events),
      score(silentOrder.events),
      score(lost.events, returning),
    ]);
    expect(summary.metrics).toMatchObject({
      conversations: 3,
      inquiries: 2,
      conversionRate: 0.5,
      paidAmount: 460,
      // The silent order was paid before anyone replied: paid (成交金额 460) but not the reception's sale, so
      // 客单价 is the cross-sold order's 360 alone, as conversion counts only the buyer who asked.
      paidOnArrival: 1,
      averageOrderAmount: 360,
      crossSellAmount: 89,
      discountAmount: 28,
      returningBuyers: 1,
      returningKeptRate: 0,
    });
  });

  it('has no rates when nobody asked, paid or came back', () => {
    expect(aggregateStudent([]).metrics).toMatchObject({
      inquiries: 0,
      conversionRate: null,
      averageOrderAmount: null,
      returningKeptRate: null,
    });
  });
});
