import { describe, expect, it } from 'vitest';
import { ProductSchema } from '../../../../shared/src/scenario/schema.ts';
import { RULE_DIMENSION } from '../../../../shared/src/scoring/dimensions.ts';
import { explainViolation } from '../../../../shared/src/scoring/explain.ts';
import { buyerGaveUp } from '../../../../shared/src/scoring/rules/buyer-gave-up.ts';
import { contextOf, firedAt, LogBuilder, makeScenario } from '../log-builder.ts';

const jacket = ProductSchema.parse({
  id: 'jacket',
  name: '羽绒服',
  price: 299,
  facts: {
    colour: { kind: 'options', topic: 'colour', options: [{ value: '红色' }] },
    material: { kind: 'value', topic: 'material', value: '90%白鸭绒' },
  },
});
const words = (ref: string) => (ref === 'jacket.material' ? '材质：90%白鸭绒' : null);

/** Fast replies that never answer 什么材质 (beat `details`), then the buyer's farewell at 95 s. */
function dodgedThenLeft(cause: boolean): LogBuilder {
  const log = new LogBuilder().started();
  log.buyer(0, 'hello');
  log.agent(2);
  const ask = log.buyer(3, 'details', 0);
  const objection = log.buyer(4, 'details', 1);
  log.agent(5, {
    text: '亲，我们家质量很好的',
    judged: { openAsks: [ask], evaded: [ask], addressed: [objection] },
  });
  log.buyer(93, 'details', -1);
  log.left(93, 'patience', cause ? { waitingFor: 'answers', open: [ask] } : {}).ended(93, 'buyer-left');
  return log;
}

describe('buyer-gave-up', () => {
  it('counts against accuracy, not responsiveness', () => {
    expect(RULE_DIMENSION['buyer-gave-up']).toBe('accuracy');
    expect(RULE_DIMENSION['buyer-left']).toBe('responsiveness');
  });

  it('fires when every message had a reply but a question never got its answer, naming it', () => {
    const log = dodgedThenLeft(true);
    expect(firedAt(buyerGaveUp, log)).toEqual([93]);
    const [finding] = buyerGaveUp(contextOf(log.events, { products: new Map([['jacket', jacket]]) }));
    expect(finding!.detail).toEqual({
      waitingFor: 'answers',
      messageId: 'a5',
      waitedSeconds: 88,
      questionId: 'b3',
      asked: ['details#0'],
      ask: 'jacket.material',
    });
    expect(explainViolation('buyer-gave-up', finding!.detail, 'zh-CN', words)).toBe(
      '买家的消息都有回复，但「details#0」一直没有得到正面回答，最后一次回复后又等了 88 秒，买家放弃离开了（顾客流失）：正面回答买家的问题，应回答「材质：90%白鸭绒」。',
    );
    const en = explainViolation('buyer-gave-up', finding!.detail, 'en', words);
    expect(en).toBe(
      'Every message had a reply, but "details#0" never got a real answer; after the last reply they waited 88 s more, and the shopper gave up and left: answer the question itself; the answer is "材质：90%白鸭绒".',
    );
  });

  it('names a concern left unresolved and says to address it', () => {
    const log = new LogBuilder().started();
    const objection = log.buyer(0, 'price');
    log.agent(2, { judged: { ignoredObjections: [objection] } });
    log.buyer(92, 'price', -1);
    log.left(92, 'patience', { waitingFor: 'answers', open: [objection] }).ended(92, 'buyer-left');
    const [finding] = buyerGaveUp(contextOf(log.events));
    expect(finding!.detail).toMatchObject({ objection: 'price', questionId: objection });
    expect(finding!.detail).not.toHaveProperty('asked');
    expect(explainViolation('buyer-gave-up', finding!.detail, 'zh-CN')).toBe(
      '买家的消息都有回复，但买家对价格的顾虑一直没有得到化解，最后一次回复后又等了 90 秒，买家放弃离开了（顾客流失）：先正面化解买家的顾虑。',
    );
  });

  it('fires for an order change never made, naming the field', () => {
    const scenario = makeScenario({
      beats: [
        { id: 'hello', say: '拍了' },
        { id: 'move', say: '改地址：文三路90号', change: { address: '文三路90号' } },
      ],
    });
    const log = new LogBuilder().started();
    log.buyer(0, 'hello');
    log.order(0);
    log.agent(2);
    log.buyer(10, 'move');
    log.agent(12, { judged: { confirmsChange: true } });
    log.buyer(102, 'move', -1);
    log.left(102, 'patience', { waitingFor: 'change', fields: ['address'] }).ended(102, 'buyer-left');
    const [finding] = buyerGaveUp(contextOf(log.events, { scenario }));
    expect(finding!.detail).toEqual({
      waitingFor: 'change',
      messageId: 'a4',
      waitedSeconds: 90,
      fields: ['address'],
    });
    expect(explainViolation('buyer-gave-up', finding!.detail, 'zh-CN')).toBe(
      '买家的消息都有回复，但要求修改的收货地址一直没有在订单上改好，最后一次回复后又等了 90 秒，买家放弃离开了（顾客流失）：先在订单里改好，再告诉买家。',
    );
    expect(explainViolation('buyer-gave-up', finding!.detail, 'en')).toContain('the address change');
    // A log from before waitingFor: the farewell's beat asked for the change, and every message had a reply.
    const old = log.events.map((e) =>
      e.type === 'buyer-left' ? { type: e.type, at: e.at, reason: e.reason } : e,
    );
    expect(buyerGaveUp(contextOf(old, { scenario }))).toEqual([finding]);
  });

  it.each([
    ['reply', 'patience'],
    [undefined, 'scripted'],
    [undefined, 'quiet'],
  ] as const)('does not fire for waitingFor %s with reason %s', (waitingFor, reason) => {
    const log = new LogBuilder().started();
    log.buyer(0, 'color');
    log.agent(2);
    log.buyer(30, 'hello');
    log.left(120, reason, waitingFor ? { waitingFor } : {}).ended(120, 'buyer-left');
    expect(firedAt(buyerGaveUp, log)).toEqual([]);
  });

  it('reads a log from before waitingFor as the shopper decides: the beat’s questions no reply settled', () => {
    const old = dodgedThenLeft(false);
    expect(buyerGaveUp(contextOf(old.events))).toEqual(buyerGaveUp(contextOf(dodgedThenLeft(true).events)));
  });
});
