// What the workbench needs from the network, as an interface: the socket client implements it, and
// component tests pass a fake.
import type { OrderChange, OutgoingMessage } from '../conversation/outgoing.ts';

/** How an order change ended: the server made it (the order shows it once its event arrives), or why not. */
export type OrderChangeResult = { ok: true } | { ok: false; error: string };

export interface Gateway {
  /** Show the message at once as pending and deliver it; returns its client id, or null when there is no
   * live session to hold it (not logged in yet), in which case nothing happened. */
  send(conversationId: string, message: OutgoingMessage): string | null;
  /** Change an order (address, SKU, seller note); resolves once the server has stored it or refused it. */
  updateOrder(conversationId: string, change: OrderChange): Promise<OrderChangeResult>;
  /** Send a failed message again with the same client id. */
  retry(conversationId: string, messageId: string): void;
  /** Fetch the open conversations and catch up on each (the workbench calls it when it opens). */
  sync(): void;
}
