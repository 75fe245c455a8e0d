// The buyer ran out of patience waiting for a reply and left (顾客流失): a message of theirs had no reply when
// their patience ran out. A buyer who had replies but never the answer leaves for another reason (buyer-gave-up,
// accuracy); scripted and quiet departures are the scenario's or another rule's (no-order-prompt, no-follow-up).
import { type Finding, type RuleContext, toSeconds } from '../rule.ts';

export function buyerLeft({ facts }: RuleContext): Finding[] {
  return facts.departures
    .filter((departure) => departure.reason === 'patience' && departure.waitingFor === 'reply')
    .map((departure) => {
      const waiting = facts.turns.find((turn) => turn.end === null && turn.start < departure.at);
      return {
        rule: 'buyer-left' as const,
        at: departure.at,
        detail: {
          reason: departure.reason,
          waitingFor: 'reply',
          // No message id: the key of a departure stays its rule and moment (appeals decided on it hold).
          ...(waiting && { waitedSeconds: toSeconds(departure.at - waiting.start) }),
        },
      };
    });
}
