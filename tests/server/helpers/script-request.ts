// The socket request one agent-script step makes, for the bots that play scripts over a real socket (the
// tests' student bot and the load benchmark's): a message goes out on `conversation:send`, an order change
// (`updateOrder`) on `conversation:order`, as the workbench sends them.
import {
  type AgentScript,
  type EventEnvelope,
  type OrderPayload,
  orderViewOf,
  type SendPayload,
  type ShopperContext,
  scriptInput,
} from '@kefu/shared';

export type ScriptRequest =
  | { event: 'conversation:send'; payload: SendPayload }
  | { event: 'conversation:order'; payload: OrderPayload };

/**
 * The request for `step` with message or update id `id`, given the conversation's events as the student holds
 * them (a discount card is 改价 or a coupon, and {订单号} is filled, from the orders they show).
 */
export function scriptRequest(
  ctx: ShopperContext,
  conversationId: string,
  step: AgentScript[number],
  id: string,
  events: readonly EventEnvelope['event'][],
): ScriptRequest {
  const input = scriptInput(ctx, step, id, orderViewOf(events));
  return input.type === 'order-update'
    ? { event: 'conversation:order', payload: { conversationId, update: input.update } }
    : { event: 'conversation:send', payload: { conversationId, message: input.message } };
}
