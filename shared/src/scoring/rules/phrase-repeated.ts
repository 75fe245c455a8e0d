// The same quick phrase sent again in one conversation, or a text nearly the same as an earlier message
// (频繁使用话术), or the same card pressed again before the buyer said anything since the last one (a
// payment reminder sent seven times in four seconds is spam). Each repeat fires once, whichever way it repeats.

import { findNearDuplicates } from '../near-duplicates.ts';
import type { Finding, RuleContext } from '../rule.ts';

export function phraseRepeated({ facts, thresholds, particles }: RuleContext): Finding[] {
  const findings: Finding[] = [...repeatedCards(facts)];
  const phrasesSent = new Map<string, string>();
  // Cards are compared with cards below: their fixed text is not the agent's own writing.
  const written = facts.agentMessages
    .map(({ message }) => message)
    .filter((message) => message.source !== 'action' && message.card === undefined);
  const nearDuplicates = findNearDuplicates(written, particles, thresholds.nearDuplicateDice);
  for (const message of written) {
    const earlierSamePhrase = message.phraseId === undefined ? undefined : phrasesSent.get(message.phraseId);
    const nearDuplicate = nearDuplicates.get(message.id);
    if (earlierSamePhrase !== undefined) {
      findings.push({
        rule: 'phrase-repeated',
        at: message.at,
        detail: {
          messageId: message.id,
          kind: 'same-phrase',
          phraseId: message.phraseId,
          earlierId: earlierSamePhrase,
        },
      });
    } else if (nearDuplicate) {
      findings.push({
        rule: 'phrase-repeated',
        at: message.at,
        detail: {
          messageId: message.id,
          kind: 'near-duplicate',
          earlierId: nearDuplicate.earlierId,
          similarity: nearDuplicate.similarity,
        },
      });
    }
    if (message.phraseId !== undefined && !phrasesSent.has(message.phraseId)) {
      phrasesSent.set(message.phraseId, message.id);
    }
  }
  return findings;
}

/** A card of the same kind sent again while the buyer has written nothing since the previous one. */
function repeatedCards(facts: RuleContext['facts']): Finding[] {
  const findings: Finding[] = [];
  const buyerTimes = [...facts.buyerMessages.values()].map((m) => m.at);
  const lastCard = new Map<string, { id: string; at: number }>();
  for (const { message } of facts.agentMessages) {
    if (message.card === undefined) continue;
    const earlier = lastCard.get(message.card);
    if (earlier !== undefined && !buyerTimes.some((t) => t > earlier.at && t <= message.at)) {
      findings.push({
        rule: 'phrase-repeated',
        at: message.at,
        detail: { messageId: message.id, kind: 'same-card', card: message.card, earlierId: earlier.id },
      });
    }
    lastCard.set(message.card, { id: message.id, at: message.at });
  }
  return findings;
}
