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

  it('uses the last event as the end when the log has no ended event', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.buyer(5, 'color');
    expect(firedAt(unanswered, log)).toEqual([0]);
  });

  it('ignores agent messages after the conversation ended', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.ended(20, 'stopped');
    log.agent(25);
    expect(firedAt(unanswered, log)).toEqual([0]);
  });
});
