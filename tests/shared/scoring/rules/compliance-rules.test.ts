// The three shop-rule checks read the shopper's judgement of each reply: one violation per flagged message.
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../../../../shared/src/scenario/schema.ts';
import { explainViolation } from '../../../../shared/src/scoring/explain.ts';
import type { Rule } from '../../../../shared/src/scoring/rule.ts';
import { bannedClaim } from '../../../../shared/src/scoring/rules/banned-claim.ts';
import { offPlatformContact } from '../../../../shared/src/scoring/rules/off-platform-contact.ts';
import { rudeLanguage } from '../../../../shared/src/scoring/rules/rude-language.ts';
import { contextOf, firedAt, LogBuilder } from '../log-builder.ts';

const cases: [RuleId, Rule, 'offPlatform' | 'bannedClaim' | 'rude', string, string, string][] = [
  [
    'off-platform-contact',
    offPlatformContact,
    'offPlatform',
    '加我微信',
    '引导买家到站外联系或交易（「加我微信」）',
    'off the platform ("加我微信")',
  ],
  [
    'banned-claim',
    bannedClaim,
    'bannedClaim',
    '全网最好',
    '广告法禁止的极限用语（「全网最好」）',
    'forbids ("全网最好")',
  ],
  ['rude-language', rudeLanguage, 'rude', '爱买不买', '不文明用语（「爱买不买」）', 'reply ("爱买不买")'],
];

describe.each(cases)('%s', (rule, check, flag, words, zh, en) => {
  it('fires once at each reply the judgement flagged, naming the words', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(3, { judged: { [flag]: true, flagged: { [flag]: words } } });
    log.agent(5, { judged: { [flag]: false } });
    log.agent(8, { judged: { [flag]: true } });
    expect(firedAt(check, log)).toEqual([3, 8]);
    const [first, second] = check(contextOf(log.events));
    expect(first).toMatchObject({ rule, detail: { words } });
    expect(explainViolation(rule, first!.detail, 'zh-CN')).toContain(zh);
    expect(explainViolation(rule, first!.detail, 'en')).toContain(en);
    // Without the words the explanation still reads well.
    expect(explainViolation(rule, second!.detail, 'zh-CN')).not.toContain('（');
  });

  it('does not fire for replies judged before the flags existed (older logs)', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(3);
    expect(firedAt(check, log)).toEqual([]);
  });
});
