// An objection (异议: price, quality, fit, shipping) answered vaguely: a substantive reply ignored it, or it
// was open at a reply and no reply ever addressed it. Once per objection line, at the first such reply.
// "Never addressed" waits for the answer to be due, as for a question (see question-evaded).
import { answerDue } from '../facts.ts';
import type { Finding, RuleContext } from '../rule.ts';

interface Miss {
  at: number;
  replyId: string;
}

export function objectionUnaddressed({ facts, thresholds }: RuleContext): Finding[] {
  const ignored = new Map<string, Miss>();
  const leftOpen = new Map<string, Miss>();
  const addressed = new Set<string>();
  for (const judged of facts.judgements) {
    const miss = { at: judged.at, replyId: judged.messageId };
    for (const id of judged.addressed) addressed.add(id);
    for (const id of judged.ignoredObjections) if (!ignored.has(id)) ignored.set(id, miss);
    for (const id of judged.openMessages) {
      const isObjection = facts.buyerMessages.get(id)?.marks?.objection !== undefined;
      if (isObjection && !leftOpen.has(id) && !judged.addressed.includes(id)) leftOpen.set(id, miss);
    }
  }
  for (const id of addressed) leftOpen.delete(id);
  for (const id of leftOpen.keys()) {
    const raised = facts.buyerMessages.get(id);
    if (raised && !answerDue(facts, raised.at, thresholds)) leftOpen.delete(id);
  }
  for (const [id, miss] of leftOpen) if (!ignored.has(id)) ignored.set(id, miss);
  return [...ignored].map(([objectionId, miss]) => ({
    rule: 'objection-unaddressed' as const,
    at: miss.at,
    detail: {
      messageId: miss.replyId,
      objectionId,
      objection: facts.buyerMessages.get(objectionId)?.marks?.objection,
    },
  }));
}
