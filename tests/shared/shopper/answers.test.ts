// Which open questions a reply answers, answers wrongly, dodges or leaves pending, read with the shipped
// library: several questions at once, conditional policies.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { type JudgeContext, judgeReply, type OpenItem } from '../../../shared/src/shopper/judge.ts';
import { createMatcher } from '../../../shared/src/text/index.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const contextOf = (...ids: string[]): JudgeContext => {
  const products = ids.map((id) => library.products.get(id)!);
  return { library, products, matcher: createMatcher(library.lexicon, products) };
};
const judge = (ctx: JudgeContext, text: string, asks: string[]) => {
  const items: OpenItem[] = asks.map((ask, i) => ({ messageId: `b${i + 1}`, ask }));
  return judgeReply(
    ctx,
    { messages: items.map((i) => i.messageId), items, hasOrder: false },
    { id: 'a1', text, source: 'typed' },
  );
};

describe('several questions at once', () => {
  const romper = contextOf('baby-romper');
  const asks = ['baby-romper.safety', 'baby-romper.opening'];

  it('answering one passes the other over (the buyer waits for it: no dodge yet)', () => {
    const j = judge(romper, 'A类的亲，宝妈放心~', asks);
    expect(j.stated).toEqual(['b1']);
    expect(j.passedOver).toEqual(['b2']);
    expect(j.evaded).toEqual([]);
  });

  it('answering one wrongly and not the other: one wrong, one passed over', () => {
    const j = judge(romper, 'B类的亲', asks);
    expect(j.wrong).toEqual(['b1']);
    expect(j.passedOver).toEqual(['b2']);
  });

  it('answering both passes none over; a hold answers and passes over nothing', () => {
    expect(judge(romper, 'A类的，按扣开档', asks).passedOver).toEqual([]);
    const hold = judge(romper, '稍等亲，我帮您查一下', asks);
    expect([hold.passedOver, hold.evaded, hold.stated]).toEqual([[], [], []]);
  });
});
