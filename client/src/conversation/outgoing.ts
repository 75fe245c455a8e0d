// What the student sends: typed text, a quick phrase, or an action card. The client id is made here, once,
// and reused by every retry so the server can store the message exactly once.
import type { AgentActionName, AgentSource } from './chat-item.ts';

/** Mirrors MAX_MESSAGE_CHARS in the protocol (kept local so the bundle does not pull in zod). */
export const MAX_MESSAGE_CHARS = 2000;

export interface OutgoingMessage {
  text: string;
  source: AgentSource;
  phraseId?: string;
  action?: AgentActionName;
}

export function newClientId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `c-${Date.now().toString(36)}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
