// The outcome dimension credits what the reception achieved, not what the buyer brought: a mid-sale buyer who
// arrives with an order placed and paid is the reception's to keep (lost when they leave), one who arrives
// with an order unpaid is the reception's to get paid; a pre-sale buyer's order and payment count as before.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { playScript } from '../../../shared/src/proof/play.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import type { AgentScript } from '../../../shared/src/scenario/schema.ts';
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
