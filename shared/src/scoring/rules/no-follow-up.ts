// The buyer went quiet on purpose (a silence beat) and the agent sent no real follow-up before the follow-up
// window closed (二次跟进). A window not closed by the time the conversation is judged is not judged yet.
import type { Finding, RuleContext } from '../rule.ts';

export function noFollowUp({ facts }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const quiet of facts.quiets) {
    if (facts.judgedAt < quiet.until) continue;
    // Strictly after: the reply that led into the silence is logged at the same instant as the quiet.
    // Only a real follow-up counts: 好的 / 嗯嗯 / a goodbye is not one (logs before followsUp: any message).
    const followed = facts.agentMessages.some(
      ({ message, judgement }) =>
        message.at > quiet.at && message.at <= quiet.until && judgement?.followsUp !== false,
    );
    if (followed) continue;
    findings.push({
      rule: 'no-follow-up',
      at: quiet.until,
      detail: { quietSeconds: (quiet.until - quiet.at) / 1000 },
    });
  }
  return findings;
}
