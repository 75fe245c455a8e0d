// 答非所问 or a dodge: a reply that answers nothing is irrelevant when it speaks of another subject than the
// buyer's, a dodge when it stays on the buyer's concern (vaguely), read with the shipped library.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { type JudgeContext, judgeReply, type OpenItem } from '../../../shared/src/shopper/judge.ts';
import { createMatcher } from '../../../shared/src/text/index.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const contextOf = (id: string): JudgeContext => {
  const products = [library.products.get(id)!];
  return { library, products, matcher: createMatcher(library.lexicon, products) };
};
const earbuds = contextOf('wireless-earbuds');
const washer = contextOf('drum-washer');
const jacket = contextOf('down-jacket');
const mooncake = contextOf('mooncake-box');
const oranges = contextOf('navel-oranges');

/** 'irrelevant', 'evaded' (a dodge), 'unaddressed' (a worry left open) or 'answered'. */
function reading(ctx: JudgeContext, reply: string, item: Omit<OpenItem, 'messageId'>): string {
  const items: OpenItem[] = [{ messageId: 'b1', ...item }];
  const j = judgeReply(
    ctx,
    { messages: ['b1'], items, hasOrder: false },
    { id: 'a1', text: reply, source: 'typed' },
  );
  if (j.irrelevant) return 'irrelevant';
  if (j.evaded.length > 0) return 'evaded';
  if (j.ignoredObjections.length > 0) return 'unaddressed';
  return j.stated.length + j.addressed.length > 0 ? 'answered' : 'none';
}

describe('the subject of a reply against the buyer’s concern', () => {
  it('a spec is a subject of its own: another spec of the product is another subject', () => {
    const battery = { ask: 'wireless-earbuds.battery', text: '充满电能听几个小时' };
    expect(reading(earbuds, '这款有主动降噪，地铁上也很安静', battery)).toBe('irrelevant');
    expect(reading(earbuds, '续航很给力的亲', battery)).toBe('evaded');
  });

  it('the buyer’s own words are part of the concern (尺寸 asked of the dimensions)', () => {
    const dimensions = { ask: 'drum-washer.dimensions' };
    expect(reading(washer, '尺寸是常规的，一般都放得下', { ...dimensions, text: '机器尺寸多大' })).toBe(
      'evaded',
    );
    // Without the buyer's line the word 尺寸 reads as a size answer to a spec question.
    expect(reading(washer, '尺寸是常规的，一般都放得下', dimensions)).toBe('irrelevant');
  });

  it('a moment named by an event (发货前 · 寄出去的时候) is no talk of shipping', () => {
    const bad = { ask: 'navel-oranges.bad-fruit', text: '烂了怎么办' };
    expect(reading(oranges, '发货之前都一个个挑过的', bad)).toBe('evaded');
    expect(reading(oranges, '我们三天内发货', bad)).toBe('irrelevant');
  });

  it('a worry is about its own topics: a dispatch time is another subject for a price worry', () => {
    const price = { objection: 'price', text: '有点小贵啊' };
    expect(reading(jacket, '我们24小时内就发货', price)).toBe('irrelevant');
    expect(reading(jacket, '这款包邮的亲', price)).toBe('answered');
  });

  it('freshness stays on a shelf-life concern; material and packaging words name their topic', () => {
    expect(reading(mooncake, '都是新鲜现做的', { ask: 'mooncake-box.shelf-life', text: '能保存几天' })).toBe(
      'evaded',
    );
    const wash = { ask: 'down-jacket.machine-wash', text: '可以丢洗衣机吗' };
    expect(reading(jacket, '面料很软很亲肤', wash)).toBe('irrelevant');
    expect(reading(jacket, '面料很软很亲肤', { ask: 'down-jacket.material', text: '里面填的什么' })).toBe(
      'evaded',
    );
    expect(reading(mooncake, '外包装很上档次', { ask: 'mooncake-box.gift-bag', text: '送人有袋子吗' })).toBe(
      'evaded',
    );
    expect(reading(washer, '厂家直发，很快的', { ask: 'drum-washer.installation', text: '上门装吗' })).toBe(
      'irrelevant',
    );
  });

  it('a compensation granted in place of an answer dodges the question; it is no subject of its own', () => {
    const delivery = { ask: 'wireless-earbuds.delivery', text: '还要几天才到啊' };
    expect(reading(earbuds, '让您久等了，给您申请了一张5元优惠券，下次可以用', delivery)).toBe('evaded');
    expect(reading(earbuds, '这款有优惠券，领了更划算', delivery)).toBe('irrelevant');
    expect(
      reading(washer, '亲，给您申请了20元补偿，您看可以吗', { objection: 'shipping', text: '什么时候送啊' }),
    ).toBe('unaddressed');
  });

  it('the dispatch promised with an order prompt belongs to the prompt (a dodge, not another subject)', () => {
    const waterproof = { ask: 'wireless-earbuds.waterproof', text: '戴着跑步出汗有没有影响' };
    expect(reading(earbuds, '亲 您喜欢的话可以先拍下哦 我们尽快发货', waterproof)).toBe('evaded');
    expect(reading(earbuds, '我们尽快发货', waterproof)).toBe('irrelevant');
  });

  it('what shipping costs and how fast it comes are different subjects, for a question', () => {
    const fee = { ask: 'down-jacket.free-shipping', text: '包邮吗？' };
    expect(reading(jacket, '亲，我们发货很快的', fee)).toBe('irrelevant');
    expect(reading(jacket, '48小时内发货哦亲', fee)).toBe('irrelevant');
    expect(reading(earbuds, '全国包邮哈', { ask: 'wireless-earbuds.delivery', text: '几天能到' })).toBe(
      'irrelevant',
    );
    // Vague on the fee itself is a dodge.
    expect(reading(jacket, '运费这块您放心', fee)).toBe('evaded');
    // Sending and delivery stay one group: the courier for a delivery question misses it.
    expect(reading(earbuds, '快递会联系您的', { ask: 'wireless-earbuds.delivery', text: '几天能到' })).toBe(
      'evaded',
    );
  });

  it('a shipping worry is broad: the fee or the dispatch is on it either way', () => {
    expect(reading(jacket, '亲，我们发货很快的', { objection: 'shipping', text: '运费也太贵了吧' })).not.toBe(
      'irrelevant',
    );
  });
});
