// judgeReply remembered per shopper context. Judging is pure — a function of the context, the open lines and
// what the reply says (never of its client id) — and it is most of a live step's work (the word cut and the
// matcher). The same reply to the same open lines recurs across a class: a quick phrase, the opening
// greeting, the 催付 card. Like the scoring's near-duplicate memo, this is a pure function's cache: a hit
// gives exactly what judging would, as a fresh copy the caller may keep. The memo is per context (it goes
// with the context) and bounded, so a long-running server does not keep every reply it judged.
import type { AgentMessage, ReplyJudgement } from '../conversation/events.ts';
import { type JudgeContext, judgeReply, type OpenItem } from './judge.ts';

export const JUDGE_MEMO_SIZE = 2_000;

type Open = Parameters<typeof judgeReply>[1];
const memos = new WeakMap<JudgeContext, Map<string, ReplyJudgement>>();

/** A judgement is plain data: lists of ids, flags, and the flagged words. */
const copy = (j: ReplyJudgement): ReplyJudgement =>
  Object.fromEntries(
    Object.entries(j).map(([field, value]) => [
      field,
      Array.isArray(value) ? [...value] : typeof value === 'object' && value !== null ? { ...value } : value,
    ]),
  ) as unknown as ReplyJudgement;

export function judgeReplyRemembered(ctx: JudgeContext, open: Open, message: AgentMessage): ReplyJudgement {
  const { id: _clientId, ...said } = message;
  const items: readonly OpenItem[] = open.items;
  const key = JSON.stringify([open.messages, items, open.hasOrder, said]);
  let memo = memos.get(ctx);
  if (!memo) {
    memo = new Map();
    memos.set(ctx, memo);
  }
  const known = memo.get(key);
  if (known) return copy(known);
  const judged = judgeReply(ctx, open, message);
  memo.set(key, copy(judged));
  // A Map keeps insertion order: the first key is the oldest.
  if (memo.size > JUDGE_MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  return judged;
}
