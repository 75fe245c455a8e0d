// Every question was answered, yet the agent never invited the buyer to place the order (拍的指令) before
// the buyer decided (ordered on their own, left, or the conversation ran its course). A drill's end is no
// decision: a buyer cut off while still asking was never due an invitation.
import { type Finding, type RuleContext, toSeconds } from '../rule.ts';

export function noOrderPrompt({ scenario, facts }: RuleContext): Finding[] {
  const decidedAt = facts.decidedAt;
  if (scenario.goal === 'retained' || decidedAt === null) return [];
  // An ask sent at the very moment of the decision could not have been answered before it.
  const asks = new Set<string>();
  for (const message of facts.buyerMessages.values()) {
    if (message.marks?.ask !== undefined && message.at < decidedAt) asks.add(message.id);
  }
  const stated = new Set<string>();
  let lastAnswerAt: number | null = null;
  for (const judged of facts.judgements) {
    if (judged.at > decidedAt) break;
    if (judged.invites) return [];
    for (const id of judged.openAsks) asks.add(id);
    for (const id of judged.stated) stated.add(id);
    if (judged.stated.length > 0) lastAnswerAt = judged.at;
  }
  if (asks.size === 0) return [];
  for (const id of asks) if (!stated.has(id)) return [];
  // How soon after the last answer the buyer decided: often seconds, too soon for an invitation sent
  // afterwards, which is why it belongs in the answer itself.
  const afterAnswerSeconds = lastAnswerAt === null ? undefined : toSeconds(decidedAt - lastAnswerAt);
  return [
    {
      rule: 'no-order-prompt',
      at: decidedAt,
      detail: { questions: asks.size, ...(afterAnswerSeconds !== undefined && { afterAnswerSeconds }) },
    },
  ];
}
