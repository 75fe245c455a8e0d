// Every rule by its id: the report runs them all, and a rule's file is named after its id.
import type { RuleId } from '../../scenario/schema.ts';
import type { Rule } from '../rule.ts';
import { bannedClaim } from './banned-claim.ts';
import { buyerGaveUp } from './buyer-gave-up.ts';
import { buyerLeft } from './buyer-left.ts';
import { discountExceeded } from './discount-exceeded.ts';
import { missedCrossSell } from './missed-cross-sell.ts';
import { noFollowUp } from './no-follow-up.ts';
import { noOrderPrompt } from './no-order-prompt.ts';
import { noPaymentReminder } from './no-payment-reminder.ts';
import { objectionUnaddressed } from './objection-unaddressed.ts';
import { offPlatformContact } from './off-platform-contact.ts';
import { orderNotUpdated } from './order-not-updated.ts';
import { phraseIrrelevant } from './phrase-irrelevant.ts';
import { phraseRepeated } from './phrase-repeated.ts';
import { phraseRigid } from './phrase-rigid.ts';
import { questionEvaded } from './question-evaded.ts';
import { returningNotAcknowledged } from './returning-not-acknowledged.ts';
import { rudeLanguage } from './rude-language.ts';
import { slowFirstResponse } from './slow-first-response.ts';
import { slowResponse } from './slow-response.ts';
import { unanswered } from './unanswered.ts';
import { wrongFact } from './wrong-fact.ts';

export const RULES: Readonly<Record<RuleId, Rule>> = {
  'slow-first-response': slowFirstResponse,
  'slow-response': slowResponse,
  unanswered,
  'buyer-left': buyerLeft,
  'buyer-gave-up': buyerGaveUp,
  'phrase-irrelevant': phraseIrrelevant,
  'phrase-rigid': phraseRigid,
  'phrase-repeated': phraseRepeated,
  'no-follow-up': noFollowUp,
  'no-order-prompt': noOrderPrompt,
  'no-payment-reminder': noPaymentReminder,
  'returning-not-acknowledged': returningNotAcknowledged,
  'question-evaded': questionEvaded,
  'wrong-fact': wrongFact,
  'objection-unaddressed': objectionUnaddressed,
  'order-not-updated': orderNotUpdated,
  'discount-exceeded': discountExceeded,
  'missed-cross-sell': missedCrossSell,
  'off-platform-contact': offPlatformContact,
  'banned-claim': bannedClaim,
  'rude-language': rudeLanguage,
};
