// The shop rules a reply can break whatever the buyer asked: the shopper's judgement flags each reply
// (offPlatform, bannedClaim, rude) with the words that raised it; the three rules read those flags.
import type { RuleId } from '../scenario/schema.ts';
import type { ConversationFacts } from './facts.ts';
import type { Finding } from './rule.ts';

export type ComplianceFlag = 'offPlatform' | 'bannedClaim' | 'rude';

/** One finding per agent message the judgement flagged; logs judged before the flags existed have none. */
export function complianceFindings(facts: ConversationFacts, rule: RuleId, flag: ComplianceFlag): Finding[] {
  return facts.agentMessages.flatMap(({ message, judgement }) => {
    if (judgement?.[flag] !== true) return [];
    const words = judgement.flagged?.[flag];
    return [{ rule, at: message.at, detail: { messageId: message.id, ...(words ? { words } : {}) } }];
  });
}
