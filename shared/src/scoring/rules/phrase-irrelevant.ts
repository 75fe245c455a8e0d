// A reply the shopper read as fitting only another topic than every open question (答非所问).
import type { Finding, RuleContext } from '../rule.ts';

export function phraseIrrelevant({ facts }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const { message, judgement } of facts.agentMessages) {
    if (!judgement?.irrelevant) continue;
    findings.push({
      rule: 'phrase-irrelevant',
      at: message.at,
      detail: {
        messageId: message.id,
        source: message.source,
        phraseId: message.phraseId,
        topics: judgement.topics,
      },
    });
  }
  return findings;
}
