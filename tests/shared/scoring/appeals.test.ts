// The report is a pure function of (log, appeal decisions): an overturned violation is reported apart with
// the judge's original verdict and stops counting — no penalty, and a dodge overturned counts the question
// as answered. Keys name violations stably, and two of one rule in one reply apart.
import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../../shared/src/conversation/events.ts';
import { type Report, scoreConversation } from '../../../shared/src/scoring/index.ts';
import { LogBuilder, makeRubric, makeScenario } from './log-builder.ts';

function score(events: readonly ConversationEvent[], overturned?: readonly string[]): Report {
  return scoreConversation({
    scenario: makeScenario(),
    scenarioVersion: 'v1',
    rubric: makeRubric(),
    phrases: new Map(),
    particles: ['哦'],
    events,
    ...(overturned ? { overturned } : {}),
  });
}

/** The perfect reception, except that the judge read the answer as dodging the question and the price. */
function dodgedLog(judged: Record<string, unknown> = {}): ConversationEvent[] {
  const log = new LogBuilder().started(42);
  log.buyer(0, 'hello');
  log.agent(2, { text: '亲，在的，欢迎光临～', judged: { courtesyOnly: true } });
  const ask = log.buyer(5, 'details', 0);
  const objection = log.buyer(7, 'details', 1);
  log.agent(12, {
    text: '这款是90%白鸭绒，品质很好，现在下单还有优惠',
    judged: { openAsks: [ask], evaded: [ask], ignoredObjections: [objection], ...judged },
  });
  log.agent(14, { source: 'action', card: 'order-invite', text: '[邀请下单]', judged: { invites: true } });
  log.order(20, 'o1', 299);
  log.agent(25, { source: 'action', card: 'payment-reminder', text: '[催付]', judged: { reminds: true } });
  log.paid(40, 'o1');
  log.buyer(42, 'thanks');
  log.ended(42, 'finished');
  return log.events;
}

describe('overturned violations', () => {
  const before = score(dodgedLog());
  const keyOf = (rule: string) => before.violations.find((v) => v.rule === rule)!.key;

  it('every violation has a key, stable across folds and unique in the report', () => {
    expect(before.violations.map((v) => v.rule)).toEqual(['question-evaded', 'objection-unaddressed']);
    expect(score(dodgedLog()).violations.map((v) => v.key)).toEqual(before.violations.map((v) => v.key));
    expect(new Set(before.violations.map((v) => v.key)).size).toBe(before.violations.length);
    expect(before.overturned).toEqual([]);
  });

  it('are reported apart with the original verdict and no longer lower the score', () => {
    const after = score(dodgedLog(), [keyOf('question-evaded')]);
    expect(after.violations.map((v) => v.rule)).toEqual(['objection-unaddressed']);
    expect(after.overturned).toEqual([before.violations[0]]);
    expect(after.score).toBeGreaterThan(before.score);
    // Pure: the same log and decisions give the same report.
    expect(score(dodgedLog(), [keyOf('question-evaded')])).toEqual(after);
  });

  it('overturning every dodge scores like the judge had read the answers right', () => {
    const both = score(dodgedLog(), [keyOf('question-evaded'), keyOf('objection-unaddressed')]);
    expect(both.violations).toEqual([]);
    // b3 is the question and b4 the objection (LogBuilder numbers lines and replies in order).
    const right = score(dodgedLog({ evaded: [], ignoredObjections: [], stated: ['b3'], addressed: ['b4'] }));
    expect(right.violations).toEqual([]);
    expect(both.score).toBe(right.score);
  });

  it('a key the report does not have changes nothing', () => {
    expect(score(dodgedLog(), ['wrong-fact|1'])).toEqual(before);
  });

  it('two wrong facts in one reply are two violations with their own keys', () => {
    const report = score(dodgedLog({ contradicted: ['jacket.material', 'jacket.color.red'] }));
    const wrong = report.violations.filter((v) => v.rule === 'wrong-fact');
    expect(wrong).toHaveLength(2);
    expect(wrong[0]!.key).not.toBe(wrong[1]!.key);
    const one = score(dodgedLog({ contradicted: ['jacket.material', 'jacket.color.red'] }), [wrong[0]!.key]);
    expect(one.violations.filter((v) => v.rule === 'wrong-fact').map((v) => v.key)).toEqual([wrong[1]!.key]);
  });
});
