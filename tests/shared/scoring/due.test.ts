// What is due when: a conversation the drill's end cut short (结束演练) is judged only on what was due by the
// stop, and a running one (the live monitor) on what is due by now — rule by rule.
import { describe, expect, it } from 'vitest';
import { type Report, scoreConversation } from '../../../shared/src/scoring/index.ts';
import { noFollowUp } from '../../../shared/src/scoring/rules/no-follow-up.ts';
import { noOrderPrompt } from '../../../shared/src/scoring/rules/no-order-prompt.ts';
import { objectionUnaddressed } from '../../../shared/src/scoring/rules/objection-unaddressed.ts';
import { questionEvaded } from '../../../shared/src/scoring/rules/question-evaded.ts';
import { returningNotAcknowledged } from '../../../shared/src/scoring/rules/returning-not-acknowledged.ts';
import { slowFirstResponse } from '../../../shared/src/scoring/rules/slow-first-response.ts';
import { slowResponse } from '../../../shared/src/scoring/rules/slow-response.ts';
import { contextOf, firedAt, LogBuilder, makeRubric, makeScenario } from './log-builder.ts';

function score(log: LogBuilder, scenario = makeScenario()): Report {
  return scoreConversation({
    scenario,
    scenarioVersion: 'v1',
    rubric: makeRubric(),
    phrases: new Map(),
    particles: [],
    events: log.events,
  });
}

describe('a reply that is late while the conversation runs', () => {
  it('is a slow first response the moment the first-response benchmark passes, at that moment', () => {
    const log = new LogBuilder().started();
    const first = log.buyer(0);
    expect(firedAt(slowFirstResponse, log, { now: 3 })).toEqual([]);
    expect(firedAt(slowFirstResponse, log, { now: 3.5 })).toEqual([3]);
    const [finding] = slowFirstResponse(contextOf(log.events, { now: 3.5 }));
    expect(finding?.detail).toEqual({ messageId: first, pending: true, limitSeconds: 3 });
  });

  it('is a slow response the moment 30 s pass, and moves to the reply once it comes', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1);
    log.buyer(10, 'color');
    expect(firedAt(slowResponse, log, { now: 40 })).toEqual([]);
    expect(firedAt(slowResponse, log, { now: 40.5 })).toEqual([40]);
    log.agent(45);
    expect(firedAt(slowResponse, log, { now: 50 })).toEqual([45]);
    expect(slowResponse(contextOf(log.events, { now: 50 }))[0]?.detail.pending).toBeUndefined();
  });

  it('is not reported as pending once the conversation has ended', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.ended(60, 'stopped');
    expect(firedAt(slowFirstResponse, log)).toEqual([]);
    expect(firedAt(slowResponse, log)).toEqual([]);
  });
});

describe('a silence and a payment window while the conversation runs', () => {
  it('is no follow-up the moment the follow-up window closes', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(2);
    log.quiet(10, 70);
    expect(firedAt(noFollowUp, log, { now: 69.9 })).toEqual([]);
    expect(firedAt(noFollowUp, log, { now: 70 })).toEqual([70]);
  });
});

describe('the invitation to order at a stop', () => {
  it('was not due while the buyer had not decided (the drill ended 1.4 s after the first answer)', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(2, { judged: { openAsks: [ask], stated: [ask] } });
    log.ended(3.4, 'stopped');
    expect(firedAt(noOrderPrompt, log)).toEqual([]);
  });

  it('is still judged when the buyer ordered before the stop', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(2, { judged: { openAsks: [ask], stated: [ask] } });
    log.order(8);
    log.ended(20, 'stopped');
    expect(firedAt(noOrderPrompt, log)).toEqual([8]);
  });
});

describe('questions and objections left open', () => {
  function heldQuestion(stopAt: number | null): LogBuilder {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(1, { judged: { openAsks: [ask], courtesyOnly: true, holds: true } });
    if (stopAt !== null) log.ended(stopAt, 'stopped');
    return log;
  }

  it('are dodged at a stop only once the response benchmark passed since the question', () => {
    expect(firedAt(questionEvaded, heldQuestion(25))).toEqual([]);
    expect(firedAt(questionEvaded, heldQuestion(30.1))).toEqual([1]);
  });

  it('are not counted while the conversation runs (the answer may still come), but a dodge is at once', () => {
    expect(firedAt(questionEvaded, heldQuestion(null), { now: 300 })).toEqual([]);
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(1, { judged: { openAsks: [ask], evaded: [ask] } });
    expect(firedAt(questionEvaded, log, { now: 1 })).toEqual([1]);
  });

  it('count for an objection the same way', () => {
    const objection = (stopAt: number) => {
      const log = new LogBuilder().started();
      const price = log.buyer(0, 'price');
      log.agent(1, { judged: { openMessages: [price], courtesyOnly: true } });
      return log.ended(stopAt, 'stopped');
    };
    expect(firedAt(objectionUnaddressed, objection(20))).toEqual([]);
    expect(firedAt(objectionUnaddressed, objection(31))).toEqual([1]);
  });
});

describe('a returning customer at a stop', () => {
  it('is not judged before the second reply came', () => {
    const scenario = makeScenario({ persona: { name: '老王', returning: true } });
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1);
    log.ended(5, 'stopped');
    expect(firedAt(returningNotAcknowledged, log, { scenario })).toEqual([]);
    const finished = new LogBuilder().started();
    finished.buyer(0);
    finished.agent(1);
    finished.ended(5, 'finished');
    expect(firedAt(returningNotAcknowledged, finished, { scenario })).toEqual([5]);
  });
});

describe('the report of a stopped conversation', () => {
  it('says stopped (not open), and leaves out the outcome and the question asked just before the stop', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'hello');
    log.agent(1, { judged: { courtesyOnly: true } });
    const ask = log.buyer(5, 'color');
    log.agent(6, { judged: { openAsks: [ask], stated: [ask] } });
    log.buyer(20, 'details', 0);
    log.ended(21.4, 'stopped');
    const report = score(log);
    expect(report.stopped).toBe(true);
    expect(report.metrics.outcome).toBe('stopped');
    expect(report.violations).toEqual([]);
    // Everything due was done right: every judged dimension is full, the outcome was never due.
    const outcome = report.dimensions.find((d) => d.id === 'outcome');
    expect(outcome?.weight).toBe(0);
    expect(report.score).toBe(100);
  });

  it('still counts an outcome reached before the stop', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'hello');
    log.agent(1, { judged: { courtesyOnly: true, invites: true } });
    log.order(10).paid(12);
    log.ended(20, 'stopped');
    const report = score(log);
    expect(report.metrics.outcome).toBe('paid');
    expect(report.dimensions.find((d) => d.id === 'outcome')).toMatchObject({ score: 1, weight: 15 });
  });

  it('is the same report as before for a conversation that ran its course', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'hello');
    log.agent(1, { judged: { courtesyOnly: true } });
    log.buyer(90, 'farewell');
    log.left(90).ended(90, 'buyer-left');
    const report = score(log);
    expect(report.stopped).toBe(false);
    expect(report.metrics.outcome).toBe('left');
    expect(report.dimensions.find((d) => d.id === 'outcome')?.weight).toBe(15);
  });
});
