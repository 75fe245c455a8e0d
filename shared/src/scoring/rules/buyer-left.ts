// The buyer ran out of patience waiting for a reply and left (顾客流失). Scripted or quiet departures are
// part of the scenario, not the agent's doing.
import type { Finding, RuleContext } from '../rule.ts';

export function buyerLeft({ facts }: RuleContext): Finding[] {
  return facts.departures
    .filter((departure) => departure.reason === 'patience')
    .map((departure) => ({
      rule: 'buyer-left' as const,
      at: departure.at,
      detail: { reason: departure.reason },
    }));
}
