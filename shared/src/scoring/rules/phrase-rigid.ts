// A long canned paragraph sent for a question the scenario marks simple (死用话术, feels perfunctory).
import type { Finding, RuleContext } from '../rule.ts';

export function phraseRigid({ facts, thresholds }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const { message, judgement } of facts.agentMessages) {
    if (message.source !== 'phrase' || !judgement) continue;
    // Code points, so an emoji or a rare character counts as one character, as a reader counts it.
    const length = Array.from(message.text).length;
    if (length <= thresholds.rigidPhraseChars) continue;
    const simpleLine = judgement.openMessages.find(
      (id) => facts.buyerMessages.get(id)?.marks?.simple === true,
    );
    if (simpleLine === undefined) continue;
    findings.push({
      rule: 'phrase-rigid',
      at: message.at,
      detail: {
        messageId: message.id,
        phraseId: message.phraseId,
        chars: length,
        limitChars: thresholds.rigidPhraseChars,
        buyerMessageId: simpleLine,
      },
    });
  }
  return findings;
}
