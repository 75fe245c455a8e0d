// What the workbench needs from the network, as an interface: the socket client implements it, and
// component tests pass a fake.
import type { OutgoingMessage } from '../conversation/outgoing.ts';

export interface Gateway {
  /** Show the message at once as pending and deliver it; returns its client id, or null when there is no
   * live session to hold it (not logged in yet), in which case nothing happened. */
  send(conversationId: string, message: OutgoingMessage): string | null;
  /** Send a failed message again with the same client id. */
  retry(conversationId: string, messageId: string): void;
  /** Fetch the open conversations and catch up on each (the workbench calls it when it opens). */
  sync(): void;
}
