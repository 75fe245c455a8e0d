// The same quick phrase sent again in one conversation, or a text nearly the same as an earlier message
// (频繁使用话术). Each repeat fires once, whichever way it repeats.

import { findNearDuplicates } from '../near-duplicates.ts';
import type { Finding, RuleContext } from '../rule.ts';

export function phraseRepeated({ facts, thresholds, particles }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const phrasesSent = new Map<string, string>();
  // Cards and actions are the workbench's own buttons: sending one twice is not parroting.
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
