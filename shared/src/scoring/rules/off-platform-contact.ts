// A reply that leads the buyer off the platform (引导站外交易): WeChat, QQ, a phone number, private transfer.
// Taobao punishes the shop for it, whatever the intent. One per message, naming what was said.
import { complianceFindings } from '../compliance.ts';
import type { Finding, RuleContext } from '../rule.ts';

export function offPlatformContact({ facts }: RuleContext): Finding[] {
  return complianceFindings(facts, 'off-platform-contact', 'offPlatform');
}
