import { describe, expect, it } from 'vitest';
import { explainViolation } from '../../../../shared/src/scoring/explain.ts';
import { noPaymentReminder } from '../../../../shared/src/scoring/rules/no-payment-reminder.ts';
import { contextOf, firedAt, LogBuilder } from '../log-builder.ts';

/** Order at 10 s; the 120 s window closes at 130 s; the conversation ends unpaid at 250 s. */
function orderWithReminderAt(seconds: number | null): LogBuilder {
  const log = new LogBuilder().started();
  log.buyer(0);
  log.agent(1);
  log.order(10);
  if (seconds !== null)
    log.agent(seconds, { source: 'action', card: 'payment-reminder', judged: { reminds: true } });
  log.ended(250, 'unpaid');
  return log;
}

describe('no-payment-reminder', () => {
  it('does not fire for a reminder at the very end of the window', () => {
    expect(firedAt(noPaymentReminder, orderWithReminderAt(130))).toEqual([]);
  });

  it('fires at the end of the window when the reminder came 0.1 s late, or never', () => {
    expect(firedAt(noPaymentReminder, orderWithReminderAt(130.1))).toEqual([130]);
    expect(firedAt(noPaymentReminder, orderWithReminderAt(null))).toEqual([130]);
  });

  it('does not count a reminder sent before the order', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1, { judged: { reminds: true } });
    log.order(10).ended(250, 'unpaid');
    expect(firedAt(noPaymentReminder, log)).toEqual([130]);
  });

  it('does not fire when the buyer paid within the window', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1);
    log.order(10).paid(130).ended(130);
    expect(firedAt(noPaymentReminder, log)).toEqual([]);
  });

  it('closes the window with the conversation when the buyer ends it unpaid', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1);
    log.order(10).ended(40, 'unpaid');
    expect(firedAt(noPaymentReminder, log)).toEqual([40]);
    // The explanation says how long the order really stayed unpaid, not the window that never ran out.
    const [finding] = noPaymentReminder(contextOf(log.events));
    expect(finding!.detail).toMatchObject({ windowSeconds: 120, unpaidSeconds: 30 });
    expect(explainViolation('no-payment-reminder', finding!.detail, 'zh-CN')).toBe(
      '订单拍下后一直没有付款，直到 30 秒后对话结束都没有催付：拍下未付时要及时催付。',
    );
    expect(explainViolation('no-payment-reminder', finding!.detail, 'en')).toBe(
      'The order stayed unpaid until the conversation ended 30 s later, and no payment reminder was sent: remind the buyer to pay as soon as an order stays unpaid.',
    );
  });

  it('explains a window that ran out by the window', () => {
    const [finding] = noPaymentReminder(contextOf(orderWithReminderAt(null).events));
    expect(finding!.detail).toMatchObject({ windowSeconds: 120, unpaidSeconds: 120 });
    expect(explainViolation('no-payment-reminder', finding!.detail, 'zh-CN')).toBe(
      '订单拍下后 120 秒内未付款，也没有催付：拍下未付时要及时催付（发催付卡片或提醒付款）。',
    );
  });

  it('does not judge a window a drill stop cut short: the reminder was not due yet', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1);
    log.order(10).ended(40, 'stopped');
    expect(firedAt(noPaymentReminder, log)).toEqual([]);
  });

  it('judges a window that closed before the stop', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1);
    log.order(10).ended(140, 'stopped');
    expect(firedAt(noPaymentReminder, log)).toEqual([130]);
  });

  it('fires live the moment the window closes in a running conversation', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1);
    log.order(10);
    expect(firedAt(noPaymentReminder, log, { now: 129.9 })).toEqual([]);
    expect(firedAt(noPaymentReminder, log, { now: 130 })).toEqual([130]);
  });

  it('waits while the window is still open in a live conversation', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1);
    log.order(10);
    log.buyer(40);
    expect(firedAt(noPaymentReminder, log)).toEqual([]);
  });

  it('judges each order on its own', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1);
    log.order(10, 'o1').paid(20, 'o1');
    log.order(30, 'o2');
    log.ended(300, 'unpaid');
    expect(firedAt(noPaymentReminder, log)).toEqual([150]);
  });
});
