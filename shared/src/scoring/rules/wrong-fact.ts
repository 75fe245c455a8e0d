// A reply that contradicts the catalogue, once per fact it contradicts.
import type { Finding, RuleContext } from '../rule.ts';

export function wrongFact({ facts }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const { message, judgement } of facts.agentMessages) {
    if (!judgement) continue;
    for (const fact of new Set(judgement.contradicted)) {
      findings.push({ rule: 'wrong-fact', at: message.at, detail: { messageId: message.id, fact } });
    }
  }
  return findings;
}
