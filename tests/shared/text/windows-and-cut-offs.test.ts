// A time limit the buyer has (签收后48小时内拍照) against a promise the shop keeps early (48小时内发货), and a
// case named by a time of day (16点以后 · 过了四点 · 4点之后): how numbers and conditions of this shape are read.
import { describe, expect, it } from 'vitest';
import { ProductSchema } from '../../../shared/src/scenario/schema.ts';
import { conditionSpellings, createMatcher, judgeFact } from '../../../shared/src/text/index.ts';
import { lexicon } from './fixtures.ts';

const fruit = ProductSchema.parse({
  id: 'fruit',
  name: '脐橙',
  price: 39,
  facts: {
    claim: {
      kind: 'value',
      topic: 'service',
      value: '签收后48小时内拍照',
      aliases: ['签收48小时内', '收到后48小时内'],
    },
    dispatch: { kind: 'value', topic: 'shipping', value: '48小时内发货', aliases: ['两天内发货'] },
    presale: { kind: 'value', topic: 'shipping', value: '付款后15天内发货', aliases: ['付款后15天内'] },
    send: {
      kind: 'value',
      topic: 'shipping',
      value: '16点前付款当天发',
      aliases: ['当天发', '今天发'],
      except: [{ when: ['16点以后', '过了16点'], value: '次日发货', aliases: ['明天发', '第二天发'] }],
    },
  },
});
const matcher = createMatcher(lexicon, [fruit]);
const verdict = (text: string, ask: string) => judgeFact(matcher, matcher.analyse(text), [fruit], ask, true);

describe('a window the buyer has, counted from an event', () => {
  it('is the catalogue window only: a shorter or a longer one is wrong', () => {
    expect(verdict('签收后一天内拍照', 'fruit.claim')).toBe('contradicted');
    expect(verdict('收到24小时内拍照', 'fruit.claim')).toBe('contradicted');
    expect(verdict('签收后3天内拍照', 'fruit.claim')).toBe('contradicted');
    expect(verdict('签收两天之内拍照', 'fruit.claim')).toBe('stated');
    expect(verdict('签收48小时内拍照哦', 'fruit.claim')).toBe('stated');
  });
  it('a promise the shop keeps within its time is kept early, also counted from the payment', () => {
    expect(verdict('24小时内发货', 'fruit.dispatch')).toBe('stated');
    expect(verdict('付款后10天内发货', 'fruit.presale')).toBe('stated');
  });
});

describe('a case named by the time of day', () => {
  it('is said on either clock, in either order, with digits or words', () => {
    const spellings = conditionSpellings('16点以后');
    for (const s of ['16点以后', '过了16点', '过了4点', '过了四点', '4点之后', '四点后', '超过十六点'])
      expect(spellings).toContain(s);
    expect(conditionSpellings('下午4点后')).toContain('16点以后');
    expect(conditionSpellings('新疆')).toEqual(['新疆']);
    // A time with no "after" is no cut-off.
    expect(conditionSpellings('4点')).toEqual(['4点']);
  });
  it('the day said before it dates the case, and the default said in it is wrong', () => {
    expect(verdict('今天过了四点啦 明天给您发', 'fruit.send')).toBe('stated');
    expect(verdict('已经4点之后了，第二天发', 'fruit.send')).toBe('stated');
    expect(verdict('四点之后拍的也是今天发', 'fruit.send')).toBe('contradicted');
    expect(verdict('今天发', 'fruit.send')).toBe('stated');
  });
});

describe("an option's note states amounts of it", () => {
  const diapers = ProductSchema.parse({
    id: 'diapers',
    name: '纸尿裤',
    price: 109,
    facts: {
      size: {
        kind: 'options',
        topic: 'size',
        options: [
          { value: 'M码', aliases: ['中号'], note: '6–11千克，64片' },
          { value: 'L码', note: '9–14千克，54片' },
          { value: 'NB码', note: '5千克以下，84片' },
        ],
      },
    },
  });
  const m = createMatcher(lexicon, [diapers]);
  const of = (text: string, ask: string) => judgeFact(m, m.analyse(text), [diapers], ask, true);
  it('a number of a dimension the note gives, said of the asked option, is held against it', () => {
    expect(of('M码64片一包', 'diapers.size.M码')).toBe('stated');
    expect(of('中号一包70片', 'diapers.size.M码')).toBe('contradicted');
    expect(of('适合7到10公斤的宝宝', 'diapers.size.M码')).toBe('stated');
    expect(of('NB码能穿到8公斤', 'diapers.size.NB码')).toBe('contradicted');
  });
  it('not a number said of another option, nor one of a dimension the note does not give', () => {
    expect(of('L码是54片的', 'diapers.size.M码')).not.toBe('contradicted');
    expect(of('M码48小时内发货', 'diapers.size.M码')).not.toBe('contradicted');
  });
});
