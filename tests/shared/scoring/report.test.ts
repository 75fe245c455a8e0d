import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../../shared/src/conversation/events.ts';
import type { BuyerScenario, Rubric } from '../../../shared/src/scenario/schema.ts';
import { type Report, scoreConversation } from '../../../shared/src/scoring/index.ts';
import { LogBuilder, makeRubric, makeScenario } from './log-builder.ts';

function score(
  events: readonly ConversationEvent[],
  options: { scenario?: BuyerScenario; rubric?: Rubric; locale?: 'zh-CN' | 'en' } = {},
): Report {
  return scoreConversation({
    scenario: options.scenario ?? makeScenario(),
    scenarioVersion: 'v1',
    rubric: options.rubric ?? makeRubric(),
    phrases: new Map(),
    particles: ['哦', '呢', '呀'],
    events,
    ...(options.locale ? { locale: options.locale } : {}),
  });
}

/** A model reception: fast replies, the question stated, the objection addressed, invited, reminded, paid. */
function perfectLog(): LogBuilder {
  const log = new LogBuilder().started(42);
  log.buyer(0, 'hello');
  log.agent(2, { text: '亲，在的，欢迎光临～', judged: { courtesyOnly: true } });
  const ask = log.buyer(5, 'details', 0);
  const objection = log.buyer(7, 'details', 1);
  log.agent(12, {
    text: '这款是90%白鸭绒，品质很好，现在下单还有优惠',
    judged: { openAsks: [ask], stated: [ask], addressed: [objection] },
  });
  log.agent(14, { source: 'action', card: 'order-invite', text: '[邀请下单]', judged: { invites: true } });
  log.order(20, 'o1', 299);
  log.agent(25, { source: 'action', card: 'payment-reminder', text: '[催付]', judged: { reminds: true } });
  log.paid(40, 'o1');
  log.buyer(42, 'thanks');
  log.ended(42, 'finished');
  return log;
}

describe('scoreConversation', () => {
  it('gives a perfect reception 100 with no violations', () => {
    const report = score(perfectLog().events);
    expect(report.violations).toEqual([]);
    expect(report.score).toBe(100);
    expect(report.dimensions.every((d) => d.score === 1)).toBe(true);
  });

  it('gives a silent agent 0 in every dimension', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'hello');
    log.buyer(90, 'farewell');
    log.left(90).ended(90, 'buyer-left');
    const report = score(log.events);
    expect(report.score).toBe(0);
    expect(report.dimensions.map((d) => d.score)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(report.violations.map((v) => v.rule)).toEqual(['unanswered', 'buyer-left']);
  });

  it('gives a silent agent 0 even when the drill was stopped in a retention scenario', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'hello');
    log.ended(30, 'stopped');
    expect(score(log.events, { scenario: makeScenario({ goal: 'retained' }) }).score).toBe(0);
  });

  it('records what it was computed with', () => {
    const report = score(perfectLog().events);
    expect(report).toMatchObject({
      scenarioId: 'test-buyer',
      scenarioVersion: 'v1',
      rubricId: 'test-rubric',
      rubricVersion: 3,
      seed: 42,
    });
  });

  it('computes the metrics of a hand-made log', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'hello');
    log.agent(4, { source: 'phrase', phraseId: 'welcome', text: '亲，欢迎光临' });
    log.buyer(10, 'color');
    log.buyer(12, 'price');
    log.agent(50, { source: 'phrase', phraseId: 'color', text: '红色有货' });
    log.order(60, 'o1', 199);
    log.agent(70, { judged: { reminds: true } });
    log.paid(80, 'o1');
    log.order(90, 'o2', 99);
    log.buyer(100, 'hello');
    log.agent(300, { judged: { reminds: true } });
    log.ended(400, 'unpaid');
    expect(score(log.events).metrics).toEqual({
      firstResponseSeconds: 4,
      averageResponseSeconds: (4 + 40 + 200) / 3,
      maxResponseSeconds: 200,
      turns: 3,
      within3MinRate: 2 / 3,
      outcome: 'paid',
      orderAmount: 298,
      paidAmount: 199,
      crossSellAmount: 0,
      discountAmount: 0,
      inquired: true,
      converted: true,
      returningKept: null,
      remindersSent: 2,
      reminderSuccess: 0.5,
      phraseUses: 2,
    });
  });

  it('counts no payment reminder in a reply sent once the order is paid', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'hello');
    log.agent(2, { text: '亲，在的' });
    log.order(10, 'o1', 299);
    log.paid(12, 'o1');
    log.buyer(12, 'thanks');
    log.agent(15, { text: '亲，付款收到啦，谢谢支持~', judged: { reminds: true } });
    log.ended(20, 'finished');
    expect(score(log.events).metrics).toMatchObject({ remindersSent: 0, reminderSuccess: null });
  });

  it('reports the other outcomes and null metrics when nothing was answered', () => {
    const left = new LogBuilder().started();
    left.buyer(0);
    left.left(90).ended(90, 'buyer-left');
    expect(score(left.events).metrics).toMatchObject({
      outcome: 'left',
      firstResponseSeconds: null,
      averageResponseSeconds: null,
      maxResponseSeconds: null,
      within3MinRate: 0,
      reminderSuccess: null,
    });
    const unpaid = new LogBuilder().started();
    unpaid.buyer(0);
    unpaid.agent(1);
    unpaid.order(5);
    expect(score(unpaid.events).metrics.outcome).toBe('ordered-unpaid');
    expect(score(new LogBuilder().started().events).metrics).toMatchObject({
      outcome: 'open',
      turns: 0,
      within3MinRate: null,
    });
  });

  it('places violations on the clock of the first buyer message and sorts them by time, then rule', () => {
    const log = new LogBuilder().started(1, -5);
    log.buyer(0, 'color');
    log.agent(31, { judged: { irrelevant: true } });
    const report = score(log.events);
    expect(report.violations.map((v) => [v.atSeconds, v.rule])).toEqual([
      [31, 'slow-first-response'],
      [31, 'slow-response'],
      [31, 'phrase-irrelevant'],
    ]);
    expect(report.violations[0]?.detail.messageId).toBe('a2');
  });

  it('explains each violation in Chinese by default and in English on request', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(3.5);
    expect(score(log.events).violations[0]?.message).toContain('3.5 秒');
    expect(score(log.events, { locale: 'en' }).violations[0]?.message).toContain('3.5 s');
  });

  it('scores a dimension as coverage × (1 − its penalties), with rubric penalties and the 0.3 default', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(2, { judged: { irrelevant: true } }); // phraseUse: default 0.3
    log.agent(3, { judged: { contradicted: ['jacket.color.red'], stated: [ask] } }); // accuracy: rubric 0.5
    log.buyer(10, 'hello');
    log.ended(60);
    const rubric = makeRubric({ penalties: { 'wrong-fact': 0.5 } });
    const byId = Object.fromEntries(score(log.events, { rubric }).dimensions.map((d) => [d.id, d]));
    // Two turns, one answered: coverage 0.5. Responsiveness also pays for the unanswered turn.
    expect(byId.phraseUse).toMatchObject({ score: 0.5 * 0.7, violations: 1 });
    expect(byId.accuracy).toMatchObject({ score: 0.5 * 0.5, violations: 1 });
    expect(byId.responsiveness).toMatchObject({ score: 0.5 * 0.7, violations: 1 });
    expect(byId.courtesy?.score).toBe(0.5);
    expect(byId.outcome?.score).toBe(0);
  });

  it('gives quick replies that dodge every question no accuracy, phrase-use or sales marks', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(2, { text: '亲，我们家质量很好的', judged: { openAsks: [ask], evaded: [ask] } });
    log.ended(60);
    const byId = Object.fromEntries(score(log.events).dimensions.map((d) => [d.id, d.score]));
    expect(byId.responsiveness).toBe(1);
    for (const id of ['accuracy', 'phraseUse', 'salesActions']) expect(byId[id]).toBe(0);
  });

  it('keeps the courtesy a late, dodging but polite reply earned (the other zeros do not hide it)', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(45, { text: '亲，让您久等了，我们家质量很好的哦', judged: { openAsks: [ask], evaded: [ask] } });
    log.buyer(90, 'farewell');
    log.left(90).ended(90, 'buyer-left');
    const report = score(log.events);
    const byId = Object.fromEntries(report.dimensions.map((d) => [d.id, d.score]));
    expect(report.violations.map((v) => v.rule)).toEqual(
      expect.arrayContaining(['slow-first-response', 'question-evaded', 'buyer-left']),
    );
    expect(byId.courtesy).toBe(1);
    expect(byId.accuracy).toBe(0);
    expect(report.score).toBeGreaterThan(0);
    // Unless it was impolite in its own terms: a returning customer not welcomed back costs courtesy.
    const returning = score(log.events, {
      scenario: makeScenario({ persona: { name: '老王', returning: true } }),
    });
    expect(returning.dimensions.find((d) => d.id === 'courtesy')?.score).toBeLessThan(1);
  });

  it('scales accuracy, phrase use and sales by the share of questions and objections resolved, courtesy by replies', () => {
    const log = new LogBuilder().started();
    const first = log.buyer(0, 'color');
    log.agent(2, { judged: { openAsks: [first], stated: [first] } });
    const second = log.buyer(10, 'color');
    log.agent(12, { judged: { openAsks: [second], evaded: [second] } });
    log.ended(60);
    const byId = Object.fromEntries(score(log.events).dimensions.map((d) => [d.id, d.score]));
    expect(byId.phraseUse).toBe(0.5);
    expect(byId.salesActions).toBe(0.5);
    expect(byId.courtesy).toBe(1);
  });

  it('counts an order change the buyer asked for like a question: resolved only when the order shows it', () => {
    const scenario = makeScenario({
      beats: [
        { id: 'hello', say: '拍了' },
        { id: 'move', say: '改地址：文三路90号', change: { address: '文三路90号' } },
      ],
    });
    const phraseUse = (changed: boolean) => {
      const log = new LogBuilder().started();
      log.buyer(0, 'hello');
      log.order(0, 'o1', 299, { address: '张江路88号' });
      log.agent(2);
      log.buyer(10, 'move');
      if (changed) log.orderUpdated(12, { address: '文三路90号' });
      log.agent(13, { judged: { confirmsChange: true } });
      log.ended(60);
      return score(log.events, { scenario }).dimensions.find((d) => d.id === 'phraseUse')?.score;
    };
    expect(phraseUse(true)).toBe(1);
    expect(phraseUse(false)).toBe(0);
  });

  it('never takes a dimension below 0', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'color');
    for (let i = 1; i <= 5; i++) log.agent(i, { judged: { irrelevant: true } });
    const phraseUse = score(log.events).dimensions.find((d) => d.id === 'phraseUse');
    expect(phraseUse).toMatchObject({ score: 0, violations: 5 });
  });

  it('weights the dimensions and rounds to one decimal', () => {
    const log = perfectLog();
    const events = log.events.filter((e) => e.type !== 'order-paid'); // ordered but unpaid: outcome 0.5
    const report = score(events, {
      rubric: makeRubric({
        weights: { responsiveness: 1, accuracy: 1, phraseUse: 1, salesActions: 0, courtesy: 0, outcome: 1 },
      }),
    });
    expect(report.violations.map((v) => v.rule)).toEqual([]);
    expect(report.score).toBe(87.5);
    const thirds = score(events, {
      rubric: makeRubric({
        weights: { responsiveness: 2, accuracy: 0, phraseUse: 0, salesActions: 0, courtesy: 0, outcome: 1 },
      }),
    });
    expect(thirds.score).toBe(83.3);
  });

  it('credits the outcome by goal', () => {
    const events = perfectLog().events.filter((e) => e.type !== 'order-paid');
    const outcome = (goal: 'paid' | 'ordered' | 'retained') =>
      score(events, { scenario: makeScenario({ goal }) }).dimensions.find((d) => d.id === 'outcome')?.score;
    expect(outcome('paid')).toBe(0.5);
    expect(outcome('ordered')).toBe(1);
    expect(outcome('retained')).toBe(1);
  });
});
