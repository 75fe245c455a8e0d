// The buyer had a reply to every message but gave up and left (顾客流失) because what they came for never came:
// a question or concern no reply answered, or an order change never made on the order. Counted under
// accuracy, where its cause is, not responsiveness: the replies came, the answer did not.
import type { Finding, RuleContext } from '../rule.ts';
import { toSeconds } from '../rule.ts';

export function buyerGaveUp({ facts }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const departure of facts.departures) {
    const cause = departure.waitingFor;
    if (departure.reason !== 'patience' || (cause !== 'answers' && cause !== 'change')) continue;
    const lastReply = facts.agentMessages.filter(({ message }) => message.at <= departure.at).at(-1);
    const open = departure.open.map((id) => facts.buyerMessages.get(id)).filter((m) => m !== undefined);
    const asks = open.filter((m) => m.marks?.ask !== undefined);
    const firstObjection = open.find((m) => m.marks?.objection !== undefined);
    findings.push({
      rule: 'buyer-gave-up',
      at: departure.at,
      detail: {
        waitingFor: cause,
        // The last reply the buyer got: what the report shows as the student's reply beside the model answer.
        ...(lastReply && {
          messageId: lastReply.message.id,
          waitedSeconds: toSeconds(departure.at - lastReply.message.at),
        }),
        ...(open.length > 0 && { questionId: open[0]!.id }),
        ...(asks.length > 0 && { asked: asks.map((m) => m.text), ask: asks[0]!.marks!.ask }),
        ...(firstObjection && { objection: firstObjection.marks!.objection }),
        ...(cause === 'change' && { fields: [...departure.fields] }),
      },
    });
  }
  return findings;
}
