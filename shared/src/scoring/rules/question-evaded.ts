// A product question the agent dodged (a substantive reply that stated none of the open facts), or one that
// was open at a reply and never stated in the whole conversation. Once per question, at the first such reply.
// A question answered wrongly is a wrong-fact, not also a dodge. "Never stated" waits for the
// answer to be due: not while the conversation runs, and at a stop only once the response benchmark passed.
import { answerDue } from '../facts.ts';
import type { Finding, RuleContext } from '../rule.ts';

interface Miss {
  at: number;
  replyId: string;
}

export function questionEvaded({ facts, thresholds }: RuleContext): Finding[] {
  const evaded = new Map<string, Miss>();
  const leftOpen = new Map<string, Miss>();
  const answered = new Set<string>();
  for (const judged of facts.judgements) {
    const miss = { at: judged.at, replyId: judged.messageId };
    for (const id of judged.stated) answered.add(id);
    for (const id of judged.wrong ?? []) answered.add(id);
    for (const id of judged.evaded) if (!evaded.has(id)) evaded.set(id, miss);
    for (const id of judged.openAsks) {
      if (!leftOpen.has(id) && !judged.stated.includes(id)) leftOpen.set(id, miss);
    }
  }
  for (const id of answered) leftOpen.delete(id);
  for (const id of leftOpen.keys()) {
    const asked = facts.buyerMessages.get(id);
    if (asked && !answerDue(facts, asked.at, thresholds)) leftOpen.delete(id);
  }
  for (const [id, miss] of leftOpen) if (!evaded.has(id)) evaded.set(id, miss);
  return [...evaded].map(([askId, miss]) => ({
    rule: 'question-evaded' as const,
    at: miss.at,
    detail: { messageId: miss.replyId, questionId: askId, ask: facts.buyerMessages.get(askId)?.marks?.ask },
  }));
}
