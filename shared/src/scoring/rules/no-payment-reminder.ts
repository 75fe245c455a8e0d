// An order stayed unpaid through the payment-reminder window and the agent sent no reminder (催付 card or
// a reminding message). The window is cut short when the conversation ends first.
import { type Finding, type RuleContext, toMs } from '../rule.ts';

export function noPaymentReminder({ facts, thresholds }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const order of facts.orders) {
    const windowEnd = order.at + toMs(thresholds.paymentReminderSeconds);
    if (!facts.closed && facts.end < windowEnd) continue; // still open: the agent may yet remind
    const judgedAt = Math.min(windowEnd, facts.end);
    if (order.paidAt !== null && order.paidAt <= judgedAt) continue;
    const reminded = facts.judgements.some((j) => j.reminds && j.at >= order.at && j.at <= judgedAt);
    if (reminded) continue;
    findings.push({
      rule: 'no-payment-reminder',
      at: judgedAt,
      detail: {
        orderId: order.orderId,
        amount: order.amount,
        windowSeconds: thresholds.paymentReminderSeconds,
      },
    });
  }
  return findings;
}
