// The first turn answered later than the first-response benchmark (首响 3 s on Taobao). While the conversation
// runs, a first turn still waiting past the benchmark is already late: reported at the moment it became so
// (`pending`), and at the reply once it comes (never, and it is unanswered instead).
import { overLimit } from '../benchmarks.ts';
import { type Finding, type RuleContext, toMs, toSeconds } from '../rule.ts';
import { responseMs } from '../turns.ts';

export function slowFirstResponse({ facts, thresholds }: RuleContext): Finding[] {
  const limit = thresholds.firstResponseSeconds;
  const first = facts.turns[0];
  const waiting = facts.openTurn;
  if (!first && waiting && facts.phase === 'running' && overLimit(facts.judgedAt - waiting.start, limit)) {
    return [
      {
        rule: 'slow-first-response',
        at: waiting.start + toMs(limit),
        detail: { messageId: waiting.messageIds[0], pending: true, limitSeconds: limit },
      },
    ];
  }
  if (!first || first.end === null || first.replyId === null) return [];
  const waited = responseMs(first) ?? 0;
  if (!overLimit(waited, limit)) return [];
  return [
    {
      rule: 'slow-first-response',
      at: first.end,
      detail: { messageId: first.replyId, seconds: toSeconds(waited), limitSeconds: limit },
    },
  ];
}
