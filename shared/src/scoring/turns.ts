// Turns as Taobao counts them (首问首答): a turn starts at the first buyer message not yet answered and
// ends at the agent's next message; more buyer messages before that reply do not restart the clock.
// `openTurnSince` is that definition as one step, so the report, the drill monitor and the workbench's
// waiting timers all count the same wait (the workbench folds the student's events with it).

export interface Turn {
  start: number;
  /** The reply's time, or null when the turn was never answered. */
  end: number | null;
  /** Buyer messages the turn covers, first one first. */
  messageIds: readonly string[];
  replyId: string | null;
}

/** A turn still waiting for its reply. */
export interface OpenTurn {
  start: number;
  messageIds: readonly string[];
}

export function responseMs(turn: Turn): number | null {
  return turn.end === null ? null : turn.end - turn.start;
}

/**
 * When the open turn began after one more event (null: nobody is waiting). A buyer message opens a turn
 * unless one is open; the agent's message ends it; nothing else moves it.
 */
export function openTurnSince(since: number | null, event: { type: string; at: number }): number | null {
  if (event.type === 'buyer-message') return since ?? event.at;
  if (event.type === 'agent-message') return null;
  return since;
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

  /** The turns answered so far, oldest first. */
  get answered(): readonly Turn[] {
    return this.turns;
  }

  /** The turn waiting for a reply, if any. */
  get waiting(): OpenTurn | null {
    return this.open && { start: this.open.start, messageIds: [...this.open.messageIds] };
  }
}
