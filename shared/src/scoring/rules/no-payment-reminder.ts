// An order stayed unpaid through the payment-reminder window and the agent sent no reminder (催付 card or
// a reminding message). A buyer who closes the conversation unpaid closes the window with it; a conversation
// stopped from outside (or still running) is judged only on windows that closed before the stop (or now).
import { type Finding, type RuleContext, toMs, toSeconds } from '../rule.ts';

export function noPaymentReminder({ facts, thresholds }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const order of facts.orders) {
    const windowEnd = order.at + toMs(thresholds.paymentReminderSeconds);
    if (facts.phase !== 'over' && facts.judgedAt < windowEnd) continue; // the agent may yet remind
    const judgedAt = Math.min(windowEnd, facts.judgedAt);
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
        // Less than the window when the buyer closed the conversation first: what the explanation may claim.
        unpaidSeconds: toSeconds(judgedAt - order.at),
      },
    });
  }
  return findings;
}
