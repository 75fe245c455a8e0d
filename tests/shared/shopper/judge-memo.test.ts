// The judgement memo the shopper machine judges through: every answer is judgeReply's own, whether judged or
// remembered, for any reply to any open lines; a remembered judgement is a fresh copy; the client id does
// not matter, everything else does; the memo is per context and bounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import type { AgentMessage } from '../../../shared/src/conversation/events.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { type JudgeContext, judgeReply, type OpenItem } from '../../../shared/src/shopper/judge.ts';
import { JUDGE_MEMO_SIZE, judgeReplyRemembered } from '../../../shared/src/shopper/judge-memo.ts';
import { createMatcher } from '../../../shared/src/text/index.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const contextOf = (...ids: string[]): JudgeContext => {
  const products = ids.map((id) => library.products.get(id)!);
  return { library, products, matcher: createMatcher(library.lexicon, products) };
};
const openOf = (asks: string[], hasOrder = false) => {
  const items: OpenItem[] = asks.map((ask, i) => ({ messageId: `b${i + 1}`, ask }));
  return { messages: items.map((i) => i.messageId), items, hasOrder };
};
const typed = (id: string, text: string): AgentMessage => ({ id, text, source: 'typed' });

const ASKS = ['baby-romper.safety', 'baby-romper.opening'];
const TEXTS = [
  'A类的亲，宝妈放心~',
  'B类的亲',
  'A类的，按扣开档',
  '稍等亲，我帮您查一下',
  '您好，在的',
  '亲，可以直接拍下哦',
  '加我微信聊',
  '这是最好的，全网第一',
];

describe('judgeReplyRemembered', () => {
  it('answers exactly what judgeReply answers, judged or remembered, for any reply to any open lines', () => {
    const ctx = contextOf('baby-romper');
    fc.assert(
      fc.property(
        fc.constantFrom(...TEXTS),
        fc.subarray(ASKS),
        fc.boolean(),
        fc.option(fc.constantFrom('inviteOrder', 'remindPayment') as fc.Arbitrary<AgentMessage['action']>, {
          nil: undefined,
        }),
        fc.nat(50),
        (text, asks, hasOrder, action, n) => {
          const message: AgentMessage = { ...typed(`a${n}`, text), ...(action && { action }) };
          const open = openOf(asks, hasOrder);
          const fresh = judgeReply(ctx, open, message);
          expect(judgeReplyRemembered(ctx, open, message)).toEqual(fresh);
          expect(judgeReplyRemembered(ctx, open, message)).toEqual(fresh);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hands out a copy: changing one judgement leaves the next the same', () => {
    const ctx = contextOf('baby-romper');
    const open = openOf(ASKS);
    const first = judgeReplyRemembered(ctx, open, typed('a1', '加我微信聊，A类的亲'));
    const expected = judgeReply(ctx, open, typed('a1', '加我微信聊，A类的亲'));
    first.stated.push('b9');
    first.topics.length = 0;
    if (first.flagged) first.flagged.offPlatform = '改过';
    expect(judgeReplyRemembered(ctx, open, typed('a2', '加我微信聊，A类的亲'))).toEqual(expected);
  });

  it('remembers by what the reply says to which open lines, not by its client id', () => {
    const ctx = contextOf('baby-romper');
    const a = judgeReplyRemembered(ctx, openOf(ASKS), typed('x1', 'A类的亲'));
    expect(judgeReplyRemembered(ctx, openOf(ASKS), typed('x2', 'A类的亲'))).toEqual(a);
    // Other open lines or another context give their own judgement, never the remembered one.
    expect(judgeReplyRemembered(ctx, openOf(['baby-romper.opening']), typed('x3', 'A类的亲'))).toEqual(
      judgeReply(ctx, openOf(['baby-romper.opening']), typed('x3', 'A类的亲')),
    );
    const other = contextOf('vacuum-flask');
    expect(judgeReplyRemembered(other, openOf(ASKS), typed('x4', 'A类的亲'))).toEqual(
      judgeReply(other, openOf(ASKS), typed('x4', 'A类的亲')),
    );
  });

  it('stays right past its bound (older entries are dropped, not confused)', () => {
    const ctx = contextOf('baby-romper');
    const open = openOf(ASKS);
    for (let i = 0; i <= JUDGE_MEMO_SIZE; i++) judgeReplyRemembered(ctx, open, typed(`f${i}`, `亲${i}号`));
    expect(judgeReplyRemembered(ctx, open, typed('g', 'A类的亲，宝妈放心~'))).toEqual(
      judgeReply(ctx, open, typed('g', 'A类的亲，宝妈放心~')),
    );
  });
});
