// The buyer asked to change their order (address, variant, note) and the order does not show it: never
// changed, or changed to another value — whether or not a reply said "已经改好了". Each field of a request
// is judged when a later request for the same field replaces it, else when the conversation closes — at a
// drill's stop only once the response benchmark passed since the request (the change was due by then).
import { type ChangeField, changeMismatches } from '../../shopper/orders.ts';
import { beatIndex } from '../buyer-lines.ts';
import { answerDue, orderAt } from '../facts.ts';
import type { Finding, RuleContext } from '../rule.ts';

export function orderNotUpdated({ scenario, facts, products, thresholds }: RuleContext): Finding[] {
  const beats = beatIndex(scenario);
  // A request is the first line of a visit to a beat that asks for a change.
  const requests = [...facts.buyerMessages.values()]
    .filter((m) => m.line === 0 && beats.get(m.beat)?.change !== undefined)
    .sort((a, b) => a.at - b.at);
  const findings: Finding[] = [];
  requests.forEach((request, i) => {
    const change = beats.get(request.beat)!.change!;
    const order = facts.orders.filter((o) => o.at <= request.at).pop();
    if (order === undefined) return; // nothing to change yet: the scenario asks too early
    const product = products.get(order.product);
    const wrong: ChangeField[] = [];
    let judgedAt = facts.end;
    for (const field of ['address', 'option', 'note'] as const) {
      if (change[field] === undefined) continue;
      const replaced = requests.slice(i + 1).find((r) => beats.get(r.beat)!.change![field] !== undefined);
      const until = replaced?.at ?? facts.end;
      // Not replaced: judged once the change was due (the agent may still make it while it runs).
      if (replaced === undefined && !answerDue(facts, request.at, thresholds)) continue;
      const snapshot = orderAt(order, until);
      if (changeMismatches(snapshot, { [field]: change[field] }, product).length > 0) {
        wrong.push(field);
        judgedAt = Math.min(judgedAt, until);
      }
    }
    if (wrong.length === 0) return;
    const field = wrong[0]!;
    const now = orderAt(order, judgedAt);
    // The reply that said it was done, when one did: that is where the mistake shows.
    const claim = facts.judgements.find((j) => j.confirmsChange && j.at >= request.at && j.at <= judgedAt);
    const expected = change[field]!;
    findings.push({
      rule: 'order-not-updated',
      at: claim?.at ?? judgedAt,
      detail: {
        ...(claim && { messageId: claim.messageId }),
        request: request.id,
        orderId: order.orderId,
        fields: wrong,
        field,
        expected: typeof expected === 'string' ? expected : expected.join(' / '),
        actual: field === 'option' ? Object.values(now.sku).join(' / ') : now[field],
        claimed: claim !== undefined,
      },
    });
  });
  return findings;
}
