// Every answered turn (the first included) later than the response benchmark (30 s).
import { type Finding, type RuleContext, toMs, toSeconds } from '../rule.ts';
import { responseMs } from '../turns.ts';

export function slowResponse({ facts, thresholds }: RuleContext): Finding[] {
  const limit = toMs(thresholds.responseSeconds);
  const findings: Finding[] = [];
  for (const turn of facts.turns) {
    const waited = responseMs(turn);
    if (waited === null || waited <= limit || turn.end === null || turn.replyId === null) continue;
    findings.push({
      rule: 'slow-response',
      at: turn.end,
      detail: {
        messageId: turn.replyId,
        seconds: toSeconds(waited),
        limitSeconds: thresholds.responseSeconds,
      },
    });
  }
  return findings;
}
