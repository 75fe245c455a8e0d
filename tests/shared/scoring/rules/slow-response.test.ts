import { describe, expect, it } from 'vitest';
import { slowResponse } from '../../../../shared/src/scoring/rules/slow-response.ts';
import { firedAt, LogBuilder } from '../log-builder.ts';

describe('slow-response', () => {
  it('does not fire at exactly 30.0 s and fires at 30.1 s', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1);
    log.buyer(10);
    log.agent(40);
    log.buyer(50);
    log.agent(80.1);
    expect(firedAt(slowResponse, log)).toEqual([80.1]);
  });

  it('counts the first turn too', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(31);
    expect(firedAt(slowResponse, log)).toEqual([31]);
  });

  it('times a turn from its first unanswered buyer message, not the latest', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.buyer(25, 'color');
    log.agent(30.1);
    expect(firedAt(slowResponse, log)).toEqual([30.1]);
  });

  it('counts any agent message as the reply (a card too)', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(2, { source: 'action', card: 'product', text: '[商品卡片]' });
    log.agent(60); // nothing was waiting: not a turn
    expect(firedAt(slowResponse, log)).toEqual([]);
  });
});
