// The outcome dimension credits what the reception achieved, not what the buyer brought: a mid-sale buyer who
// arrives with an order placed and paid is the reception's to keep (lost when they leave), one who arrives
// with an order unpaid is the reception's to get paid; a pre-sale buyer's order and payment count as before.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { playScript } from '../../../shared/src/proof/play.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import type { AgentScript } from '../../../shared/src/scenario/schema.ts';
import { explainOutcome, outcomeReason } from '../../../shared/src/scoring/outcome-reason.ts';
import type { Report } from '../../../shared/src/scoring/report.ts';
import { contextOf, LogBuilder } from './log-builder.ts';

const { library } = loadLibrary(readLibrary('scenarios'));

const outcomeOf = (report: Report) => report.dimensions.find((d) => d.id === 'outcome')!.score;

function play(scenarioId: string, script: AgentScript | string) {
  const scenario = library.buyers.get(scenarioId)!;
  const agent =
    typeof script === 'string'
      ? script === 'model'
        ? scenario.modelAnswer
        : scenario.counterExamples.find((c) => c.name === script)!.script
      : script;
  return playScript(library, scenarioId, agent, { seed: 1 }).report;
}

/** Prompt, polite replies that answer nothing. */
const dodger: AgentScript = Array.from({ length: 6 }, () => ({
  wait: 'reply' as const,
  after: 2,
  say: '亲，放心哈，我们家东西都很好的',
}));

describe('outcome of a mid-sale reception', () => {
  it('a buyer who came with the order paid and was kept: full outcome', () => {
    expect(outcomeOf(play('mid-dispatch-lipstick', 'model'))).toBe(1);
  });

  it('the same buyer, every question dodged until they leave: no outcome, though the order is paid', () => {
    const report = play('mid-dispatch-lipstick', dodger);
    expect(report.metrics.outcome).toBe('paid');
    expect(report.violations.map((v) => v.rule)).toContain('buyer-gave-up');
    expect(outcomeOf(report)).toBe(0);
  });

  it('a buyer who came with the order unpaid: the payment is what the reception gets, or not', () => {
    expect(outcomeOf(play('mid-remind-pay-shoes', 'model'))).toBe(1);
    const unreminded = play('mid-remind-pay-shoes', '不催付');
    expect(unreminded.metrics.outcome).toBe('ordered-unpaid');
    // Was 0.5 for the order the buyer had placed before any reply.
    expect(outcomeOf(unreminded)).toBe(0);
  });
});

describe('outcome of a pre-sale reception', () => {
  it('the order and the payment the reception led to count as before', () => {
    expect(outcomeOf(play('pre-flask-gift-engrave', 'model'))).toBe(1);
    expect(outcomeOf(play('pre-flask-gift-engrave', '连问两个只答一个'))).toBe(0);
  });
});

describe('what the buyer brought', () => {
  const broughtAs = (log: LogBuilder) => contextOf(log.events).facts.orders.map((o) => o.broughtAs);

  it('an order placed and paid before the first reply, or with the opening lines, is the buyer’s own', () => {
    const before = new LogBuilder().started();
    before.buyer(0, 'hello');
    before.order(0, 'o1').paid(0, 'o1');
    before.agent(2);
    expect(broughtAs(before)).toEqual(['paid']);
    // A reply between the opening lines does not make the order that ends them the reception's.
    const opening = new LogBuilder().started();
    opening.buyer(0, 'details', 0);
    opening.agent(1);
    opening.buyer(3, 'details', 1);
    opening.order(3, 'o1');
    opening.agent(5);
    opening.paid(9, 'o1');
    expect(broughtAs(opening)).toEqual(['ordered']);
  });

  it('an order placed after the reception moved the buyer on to another beat is the reception’s', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'hello');
    log.agent(2);
    log.buyer(5, 'color');
    log.order(6, 'o1').paid(7, 'o1');
    expect(broughtAs(log)).toEqual([null]);
  });
});

describe('why the outcome is what it is (the report says it in words)', () => {
  const say = (report: Report) => ({
    zh: report.outcomeReason ? explainOutcome(report.outcomeReason, 'zh-CN') : null,
    en: report.outcomeReason ? explainOutcome(report.outcomeReason, 'en') : null,
  });

  it('a paid order the buyer brought and a buyer who left: 已付款 beside outcome 0, and the report says why', () => {
    const report = play('mid-dispatch-lipstick', dodger);
    expect(report.metrics.outcome).toBe('paid');
    expect(outcomeOf(report)).toBe(0);
    expect(report.outcomeReason).toMatchObject({ brought: 'paid', goalBrought: true, left: true });
    const { zh, en } = say(report);
    expect(zh).toBe(
      '买家来时已经下单并付款，这笔订单不是本次接待促成的；接待中买家离开了，所以成交结果为 0。',
    );
    expect(en).toMatch(
      /came with the order already placed and paid.*not this reception’s doing.*left.*outcome is 0/,
    );
  });

  it('the same buyer kept: full outcome, and the order is still said to be the buyer’s own', () => {
    const report = play('mid-dispatch-lipstick', 'model');
    expect(outcomeOf(report)).toBe(1);
    expect(say(report).zh).toBe(
      '买家来时已经下单并付款，这笔订单不是本次接待促成的；接待留住了买家，成交结果记满分。',
    );
    expect(say(report).en).toMatch(/kept the buyer, so the outcome is full/);
  });

  it('an unpaid order brought: paid during the reception is its doing, never paid is 0', () => {
    const paid = play('mid-remind-pay-shoes', 'model');
    expect(paid.outcomeReason).toMatchObject({ brought: 'ordered', goalBrought: false, paidSince: true });
    expect(say(paid).zh).toBe('买家来时已经下单（未付款）；接待中买家付了款，这笔付款算本次接待的成果。');
    const unpaid = play('mid-remind-pay-shoes', '不催付');
    expect(outcomeOf(unpaid)).toBe(0);
    expect(say(unpaid).zh).toBe(
      '买家来时已经下单（未付款）；直到对话结束都没有付款，成交结果为 0（买家自己下的单不计分）。',
    );
    expect(say(unpaid).en).toMatch(/placed but unpaid; it was still unpaid .* outcome is 0/);
  });

  it('no reason when the orders are the reception’s own (a pre-sale buyer)', () => {
    expect(play('pre-flask-gift-engrave', 'model').outcomeReason).toBeNull();
    expect(play('pre-flask-gift-engrave', '连问两个只答一个').outcomeReason).toBeNull();
  });

  it('a paid order brought but never a reply: 0, said as such; cut short before the buyer decided: not counted', () => {
    const silent = new LogBuilder().started();
    silent.buyer(0, 'hello');
    silent.order(0, 'o1').paid(0, 'o1');
    silent.left(95, 'patience');
    const ctx = contextOf(silent.events);
    const none = outcomeReason('paid', ctx.facts, 0, true)!;
    expect(explainOutcome(none)).toBe(
      '买家来时已经下单并付款，这笔订单不是本次接待促成的；本次接待没有回复过买家，成交结果为 0。',
    );
    const cut = outcomeReason('paid', ctx.facts, 1, false)!;
    expect(explainOutcome(cut, 'en')).toMatch(
      /ended before the buyer decided, so the outcome is not counted/,
    );
    expect(outcomeReason('retained', ctx.facts, 1, true)).toBeNull();
  });
});
