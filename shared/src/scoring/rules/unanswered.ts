// A turn never answered that a reply was due for (facts.ts: left open at the end, or past its benchmark when
// the conversation was stopped). It points at the buyer message that opened it.
import { type Finding, type RuleContext, toSeconds } from '../rule.ts';

export function unanswered({ facts }: RuleContext): Finding[] {
  return facts.turns
    .filter((turn) => turn.end === null)
    .map((turn) => ({
      rule: 'unanswered' as const,
      at: turn.start,
      detail: {
        messageId: turn.messageIds[0],
        messages: turn.messageIds.length,
        waitedSeconds: toSeconds(facts.end - turn.start),
      },
    }));
}
