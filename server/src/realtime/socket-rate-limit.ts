// Flood guards: a token bucket (a burst of `capacity`, refilled at `capacity` per `windowMs`: so up to twice
// `capacity` in any one window, never more), cheap enough to run on every inbound packet; one per socket and one per user across all their sockets, and a cap on how many
// sockets one user may hold open (per server process).
import { SOCKET_RATE_LIMIT } from '@kefu/shared';

/** Sockets one user may have open at once: a few browser tabs, not a flood. */
export const MAX_SOCKETS_PER_USER = 10;
/** Inbound events per user in a window, all their sockets together (each socket also has its own budget). */
export const USER_RATE_LIMIT = 2 * SOCKET_RATE_LIMIT;

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(capacity: number, windowMs: number, now: number) {
    this.capacity = capacity;
    this.perMs = capacity / windowMs;
    this.tokens = capacity;
    this.updatedAt = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
