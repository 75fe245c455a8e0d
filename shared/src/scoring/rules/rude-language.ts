// A reply that is impolite or insulting (不文明用语). One per message, naming the words.
import { complianceFindings } from '../compliance.ts';
import type { Finding, RuleContext } from '../rule.ts';

export function rudeLanguage({ facts }: RuleContext): Finding[] {
  return complianceFindings(facts, 'rude-language', 'rude');
}
