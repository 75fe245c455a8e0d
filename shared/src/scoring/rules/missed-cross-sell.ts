// The buyer let slip a need the scenario marks as a cross-selling opportunity (关联推荐) and no card
// recommending a product that meets it followed before the conversation closed. While it runs the agent may
// still recommend; at a drill's stop a need counts once the response benchmark passed since it came up.
import { answerDue } from '../facts.ts';
import type { Finding, RuleContext } from '../rule.ts';

export function missedCrossSell({ facts, products, thresholds }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const message of facts.buyerMessages.values()) {
    const need = message.marks?.need;
    if (need === undefined || message.line < 0) continue;
    if (!answerDue(facts, message.at, thresholds)) continue;
    const met = facts.recommendations.some((r) => r.at >= message.at && need.includes(r.product));
    if (met) continue;
    findings.push({
      rule: 'missed-cross-sell',
      at: Math.min(facts.departures[0]?.at ?? facts.end, facts.end),
      detail: {
        messageId: message.id,
        products: need,
        names: need.map((id) => products.get(id)?.name ?? id),
      },
    });
  }
  return findings;
}
