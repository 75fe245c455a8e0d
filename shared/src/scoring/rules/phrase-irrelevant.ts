// A reply the shopper read as fitting only another topic than every open question (答非所问).
import type { Finding, RuleContext } from '../rule.ts';

export function phraseIrrelevant({ facts }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const { message, judgement } of facts.agentMessages) {
    if (!judgement?.irrelevant) continue;
    // Name what the buyer was asking, so the student sees which question the reply missed.
    const askedId = judgement.openAsks.at(-1) ?? judgement.openMessages.at(-1);
    const askedMessage = askedId === undefined ? undefined : facts.buyerMessages.get(askedId);
    const asked = askedMessage?.text;
    // The fact asked, so the explanation can give the right answer.
    const ask = askedMessage?.marks?.ask;
    findings.push({
      rule: 'phrase-irrelevant',
      at: message.at,
      detail: {
        messageId: message.id,
        source: message.source,
        phraseId: message.phraseId,
        topics: judgement.topics,
        ...(asked === undefined ? {} : { askedId, asked }),
        ...(ask === undefined ? {} : { ask }),
      },
    });
  }
  return findings;
}
