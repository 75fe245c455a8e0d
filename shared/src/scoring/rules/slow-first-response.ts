// The first turn answered later than the first-response benchmark (首响 3 s on Taobao).
import { type Finding, type RuleContext, toMs, toSeconds } from '../rule.ts';
import { responseMs } from '../turns.ts';

export function slowFirstResponse({ facts, thresholds }: RuleContext): Finding[] {
  const first = facts.turns[0];
  if (!first || first.end === null || first.replyId === null) return [];
  const waited = responseMs(first) ?? 0;
  if (waited <= toMs(thresholds.firstResponseSeconds)) return [];
  return [
    {
      rule: 'slow-first-response',
      at: first.end,
      detail: {
        messageId: first.replyId,
        seconds: toSeconds(waited),
        limitSeconds: thresholds.firstResponseSeconds,
      },
    },
  ];
}
