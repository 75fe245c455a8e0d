// What an agent-script step or a workbench action sends: typed text, a quick phrase, or an action card.
import type { AgentMessage } from '../conversation/events.ts';
import { findPhrase } from '../scenario/library.ts';
import type { AgentAction, AgentStep } from '../scenario/schema.ts';
import type { ShopperContext } from './context.ts';

/** The card text each action sends; the wording carries the lexicon's concepts (付款, 拍下) as a real card does. */
export function actionText(action: AgentAction, ctx: ShopperContext): string {
  switch (action) {
    case 'remindPayment':
      return '【催付】亲，您拍下的宝贝还没有付款哦，现在付款我们马上为您安排发货~';
    case 'inviteOrder':
      return '【邀请下单】亲，喜欢的话可以直接拍下哦，现在下单尽快为您发货~';
    case 'sendProductCard': {
      const product = ctx.products[0];
      return product ? `【商品】${product.name} ¥${product.price}` : '【商品】';
    }
  }
}

/** The agent message for one script step. Throws on an unknown phrase: scripts are validated before they run. */
export function agentMessageFor(
  ctx: ShopperContext,
  step: Pick<AgentStep, 'say' | 'phrase' | 'action'>,
  id: string,
): AgentMessage {
  if (step.say !== undefined) return { id, text: step.say, source: 'typed' };
  if (step.phrase !== undefined) {
    const phrase = findPhrase(ctx.library, step.phrase);
    if (!phrase) throw new Error(`unknown quick phrase "${step.phrase}"`);
    return { id, text: phrase.text, source: 'phrase', phraseId: phrase.id };
  }
  const action = step.action!;
  return { id, text: actionText(action, ctx), source: 'action', action };
}
