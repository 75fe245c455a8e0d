// What the student sends: typed text, a quick phrase, or an action card. The client id is made here, once,
// and reused by every retry so the server can store the message exactly once.
import type { OrderUpdate } from '@kefu/shared/conversation/events';
import type { AgentActionName, AgentSource } from './chat-item.ts';

/** The log's own limit (the workbench counts towards it). */
export { MAX_MESSAGE_CHARS } from '@kefu/shared/api/limits';

export interface OutgoingMessage {
  text: string;
  source: AgentSource;
  phraseId?: string;
  action?: AgentActionName;
  /** A discount card's amount (yuan). */
  amount?: number;
  /** A recommendation card's catalogue product. */
  product?: string;
  /** A picture of the library sent with the text (an image phrase's size chart). */
  image?: string;
}

/** An order change as the student makes it; the gateway gives it its client id. */
export type OrderChange = Omit<OrderUpdate, 'id'>;

export function newClientId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `c-${Date.now().toString(36)}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
