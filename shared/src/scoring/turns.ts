// Turns as Taobao counts them (首问首答): a turn starts at the first buyer message not yet answered and
// ends at the agent's next message; more buyer messages before that reply do not restart the clock.

export interface Turn {
  start: number;
  /** The reply's time, or null when the turn was never answered. */
  end: number | null;
  /** Buyer messages the turn covers, first one first. */
  messageIds: readonly string[];
  replyId: string | null;
}

export function responseMs(turn: Turn): number | null {
  return turn.end === null ? null : turn.end - turn.start;
}

export class TurnTracker {
  private readonly turns: Turn[] = [];
  private open: { start: number; messageIds: string[] } | null = null;

  buyerSpoke(messageId: string, at: number): void {
    if (this.open) this.open.messageIds.push(messageId);
    else this.open = { start: at, messageIds: [messageId] };
  }

  agentReplied(messageId: string, at: number): void {
    if (!this.open) return;
    this.turns.push({
      start: this.open.start,
      end: at,
      messageIds: this.open.messageIds,
      replyId: messageId,
    });
    this.open = null;
  }

  /**
   * The turns of the whole conversation. A turn still open is unanswered, unless it only began at the moment
   * the conversation closed (the farewell line, a closing thank-you): the agent never had a chance to reply.
   */
  finish(closingMoment: number): Turn[] {
    const turns = [...this.turns];
    if (this.open && this.open.start < closingMoment) {
      turns.push({ start: this.open.start, end: null, messageIds: this.open.messageIds, replyId: null });
    }
    return turns;
  }
}
