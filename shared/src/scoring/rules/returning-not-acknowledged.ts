// A returning customer (老顾客) whose first two replies never acknowledge it: business as usual.
import type { Finding, RuleContext } from '../rule.ts';

const REPLIES_TO_ACKNOWLEDGE = 2;

export function returningNotAcknowledged({ scenario, facts }: RuleContext): Finding[] {
  if (!scenario.persona.returning) return [];
  const first = facts.agentMessages.slice(0, REPLIES_TO_ACKNOWLEDGE);
  if (first.some(({ judgement }) => judgement?.acknowledges)) return [];
  const last = first.length === REPLIES_TO_ACKNOWLEDGE ? first[first.length - 1] : undefined;
  if (!last && facts.phase !== 'over') return []; // a second reply may yet come (or was cut off by a stop)
  return [
    {
      rule: 'returning-not-acknowledged',
      at: last ? last.message.at : facts.end,
      detail: last ? { messageId: last.message.id, replies: first.length } : { replies: first.length },
    },
  ];
}
