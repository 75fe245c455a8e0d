// A reply that makes an advertising-law absolute claim (广告法极限词: 最好, 第一, 顶级, 100%…). One per
// message, naming the words.
import { complianceFindings } from '../compliance.ts';
import type { Finding, RuleContext } from '../rule.ts';

export function bannedClaim({ facts }: RuleContext): Finding[] {
  return complianceFindings(facts, 'banned-claim', 'bannedClaim');
}
