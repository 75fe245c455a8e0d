import { describe, expect, it } from 'vitest';
import { unanswered } from '../../../../shared/src/scoring/rules/unanswered.ts';
import { contextOf, firedAt, LogBuilder } from '../log-builder.ts';

describe('unanswered', () => {
  it('fires once per turn left open at the end, pointing at its first buyer message', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(2);
    const first = log.buyer(10, 'color');
    log.buyer(15, 'price');
    log.ended(60, 'stopped');
    expect(firedAt(unanswered, log)).toEqual([10]);
    expect(unanswered(contextOf(log.events))[0]?.detail.messageId).toBe(first);
  });

  it('does not fire when the turn was answered before the end', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(59.9);
    log.ended(60);
    expect(firedAt(unanswered, log)).toEqual([]);
  });

  it('ignores a farewell line said at the very moment the buyer leaves', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(2);
    log.buyer(30, 'farewell');
    log.left(30).ended(30, 'buyer-left');
    expect(firedAt(unanswered, log)).toEqual([]);
  });

  it('still fires for the question that made the buyer leave', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.buyer(90, 'farewell');
    log.left(90).ended(90, 'buyer-left');
    expect(firedAt(unanswered, log)).toEqual([0]);
  });

  it('does not call the waiting turn of a running conversation unanswered: the reply may still come', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.buyer(5, 'color');
    expect(firedAt(unanswered, log)).toEqual([]);
    expect(firedAt(unanswered, log, { now: 600 })).toEqual([]);
  });

  it('at a stop, counts a waiting turn only once its reply was due (3 s for the first, 30 s after)', () => {
    const first = (stopAt: number) => {
      const log = new LogBuilder().started();
      log.buyer(0);
      return log.ended(stopAt, 'stopped');
    };
    expect(firedAt(unanswered, first(3))).toEqual([]);
    expect(firedAt(unanswered, first(3.1))).toEqual([0]);
    const later = (stopAt: number) => {
      const log = new LogBuilder().started();
      log.buyer(0);
      log.agent(1);
      log.buyer(10, 'color');
      return log.ended(stopAt, 'stopped');
    };
    expect(firedAt(unanswered, later(40))).toEqual([]);
    expect(firedAt(unanswered, later(40.1))).toEqual([10]);
  });

  it('ignores agent messages after the conversation ended', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.ended(20, 'stopped');
    log.agent(25);
    expect(firedAt(unanswered, log)).toEqual([0]);
  });
});
