// What an agent-script step or a workbench action sends: typed text, a quick phrase, an action card, or an
// order change.
import type { AgentMessage, OrderUpdate, ShopperInput } from '../conversation/events.ts';
import { findPhrase } from '../scenario/library.ts';
import { fillVariables } from '../scenario/phrase-variables.ts';
import type { AgentAction, AgentStep } from '../scenario/schema.ts';
import { discountText, recommendText } from './card-texts.ts';
import type { ShopperContext } from './context.ts';

/** The card text each action sends; the wording carries the lexicon's concepts (付款, 拍下) as a real card does. */
export function actionText(
  action: Exclude<AgentAction, 'updateOrder'>,
  ctx: ShopperContext,
  options: { amount?: number; product?: string; repricing?: boolean } = {},
): string {
  switch (action) {
    case 'remindPayment':
      return '【催付】亲，您拍下的宝贝还没有付款哦，现在付款我们马上为您安排发货~';
    case 'inviteOrder':
      return '【邀请下单】亲，喜欢的话可以直接拍下哦，现在下单尽快为您发货~';
    case 'sendProductCard': {
      const product = ctx.products[0];
      return product ? `【商品】${product.name} ¥${product.price}` : '【商品】';
    }
    case 'discount':
      return discountText(options.amount ?? 0, options.repricing === true);
    case 'recommend': {
      const product = options.product === undefined ? undefined : ctx.library.products.get(options.product);
      return product ? recommendText(product) : '【推荐】';
    }
  }
}

/** The buyer and order a quick phrase's variables stand for. */
export interface PhraseVariables {
  /** {买家} */
  buyer: string;
  /** {商品} */
  product: string;
  /** {订单号}: empty before the buyer ordered. */
  orderNo: string;
}

/**
 * Fills a quick phrase's variables ({买家}, {商品}, {订单号}) for a script step; one with no value (no order
 * yet) reads as nothing, as a script cannot type it in. Unknown braces stay as written.
 */
export function fillPhrase(text: string, vars: PhraseVariables): string {
  const { text: filled, unfilled } = fillVariables(text, {
    买家: vars.buyer,
    商品: vars.product,
    订单号: vars.orderNo,
  });
  let out = filled;
  for (const token of unfilled.reverse()) out = out.slice(0, token.start) + out.slice(token.end);
  return out;
}

/** What the machine's state says about the orders, for texts that depend on it. */
export interface OrderView {
  /** The latest order is placed and not paid: a discount is 改价, not a coupon. */
  unpaidOrder: boolean;
  /** The latest order's number, for {订单号}. */
  orderNo: string;
}

/**
 * The orders as the events show them (the full log or the student's view of it): whether the latest order
 * is unpaid, and its number. What a bot or the simulator knows when a script step fires.
 */
export function orderViewOf(
  events: readonly { type: string; orderId?: string; orderNo?: string }[],
): OrderView {
  let latest: { orderId: string; orderNo: string; paid: boolean } | undefined;
  for (const e of events) {
    if (e.type === 'order-placed')
      latest = { orderId: e.orderId ?? '', orderNo: e.orderNo ?? '', paid: false };
    if (e.type === 'order-paid' && latest !== undefined && e.orderId === latest.orderId) latest.paid = true;
  }
  return { unpaidOrder: latest !== undefined && !latest.paid, orderNo: latest?.orderNo ?? '' };
}

/**
 * The input for one script step: a message (typed, quick phrase, card) or an order change. Throws on an unknown
 * phrase: scripts are validated before they run.
 */
export function scriptInput(
  ctx: ShopperContext,
  step: Pick<AgentStep, 'say' | 'phrase' | 'action' | 'address' | 'option' | 'note' | 'amount' | 'product'>,
  id: string,
  orders: OrderView = { unpaidOrder: false, orderNo: '' },
): Extract<ShopperInput, { type: 'agent-message' | 'order-update' }> {
  if (step.action === 'updateOrder') {
    const update: OrderUpdate = { id };
    if (step.address !== undefined) update.address = step.address;
    if (step.option !== undefined) update.option = step.option;
    if (step.note !== undefined) update.note = step.note;
    return { type: 'order-update', update };
  }
  return { type: 'agent-message', message: agentMessageFor(ctx, step, id, orders) };
}

/** The agent message for one script step that sends one (not `updateOrder`). */
export function agentMessageFor(
  ctx: ShopperContext,
  step: Pick<AgentStep, 'say' | 'phrase' | 'action' | 'amount' | 'product'>,
  id: string,
  orders: OrderView = { unpaidOrder: false, orderNo: '' },
): AgentMessage {
  if (step.say !== undefined) return { id, text: step.say, source: 'typed' };
  if (step.phrase !== undefined) {
    const phrase = findPhrase(ctx.library, step.phrase);
    if (!phrase) throw new Error(`unknown quick phrase "${step.phrase}"`);
    const text = fillPhrase(phrase.text, {
      buyer: ctx.scenario.persona.name,
      product: ctx.products[0]?.name ?? '',
      orderNo: orders.orderNo,
    });
    return {
      id,
      text,
      source: 'phrase',
      phraseId: phrase.id,
      ...(phrase.image !== undefined && { image: phrase.image }),
    };
  }
  const action = step.action!;
  if (action === 'updateOrder') throw new Error('updateOrder changes the order: it is not a message');
  const message: AgentMessage = {
    id,
    text: actionText(action, ctx, {
      ...(step.amount !== undefined && { amount: step.amount }),
      ...(step.product !== undefined && { product: step.product }),
      repricing: orders.unpaidOrder,
    }),
    source: 'action',
    action,
  };
  if (action === 'discount') message.amount = step.amount!;
  if (action === 'recommend') message.product = step.product!;
  return message;
}
