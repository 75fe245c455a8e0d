// Every answered turn (the first included) later than the response benchmark (30 s). While the conversation
// runs, the turn still waiting past the benchmark is already late: reported at the moment it became so
// (`pending`), and at the reply once it comes (never, and it is unanswered instead).
import { overLimit } from '../benchmarks.ts';
import { type Finding, type RuleContext, toMs, toSeconds } from '../rule.ts';
import { responseMs } from '../turns.ts';

export function slowResponse({ facts, thresholds }: RuleContext): Finding[] {
  const limit = thresholds.responseSeconds;
  const findings: Finding[] = [];
  for (const turn of facts.turns) {
    const waited = responseMs(turn);
    if (waited === null || !overLimit(waited, limit) || turn.end === null || turn.replyId === null) continue;
    findings.push({
      rule: 'slow-response',
      at: turn.end,
      detail: { messageId: turn.replyId, seconds: toSeconds(waited), limitSeconds: limit },
    });
  }
  const waiting = facts.openTurn;
  if (waiting && facts.phase === 'running' && overLimit(facts.judgedAt - waiting.start, limit)) {
    findings.push({
      rule: 'slow-response',
      at: waiting.start + toMs(limit),
      detail: { messageId: waiting.messageIds[0], pending: true, limitSeconds: limit },
    });
  }
  return findings;
}
