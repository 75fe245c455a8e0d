// Flood guards: a token bucket (a burst of `capacity`, refilled at `capacity` per `windowMs`: so up to twice
// `capacity` in any one window, never more), cheap enough to run on every inbound packet; one per socket and
// one per user across all their sockets, and a cap on how many sockets one user may hold open. Before any of
// that, engine.io connections are counted when they open (never per packet): per account, and per address
// for those without a session.
// With several server processes (PostgreSQL), a user's event budget is the cluster's, not each process's:
// each of n live processes holds 1/n of it (UserBudgets), so a user whose sockets alternate processes gets
// no more than on one, and the packet path stays one bucket take (no database, no message between
// processes). The socket and connection caps stay per process on purpose: what a socket costs (memory, a
// file descriptor, the fan-out of its rooms' emits) is paid by the process holding it, so each process's
// cap bounds what one user can cost that process, whichever processes they also hold sockets on; what a
// user's sockets can make the shared database and the conversations' owners do goes through the events,
// whose budget is shared.
import { SOCKET_RATE_LIMIT } from '@kefu/shared';

/** Sockets one user may have open at once: a few browser tabs, not a flood. */
export const MAX_SOCKETS_PER_USER = 10;
/** Inbound events per user in a window, all their sockets together (each socket also has its own budget). */
export const USER_RATE_LIMIT = 2 * SOCKET_RATE_LIMIT;
/**
 * Engine.io connections one account may hold, joined or not: room for its MAX_SOCKETS_PER_USER sockets and
 * their reconnections, not for a script opening sessions that never join (each lives until the connect
 * timeout).
 */
export const MAX_ENGINE_CONNECTIONS_PER_USER = 2 * MAX_SOCKETS_PER_USER;
/**
 * Connections without a session one address may hold. A browser without one is told to sign in at once and
 * closes its connection (socket.io-client does after a refused join), so a class behind one NAT address
 * needs a handful at most; a script holding them open is refused past this.
 */
export const MAX_ANONYMOUS_PER_ADDRESS = 50;

/** Open connections per key (an account or an address), each counted from its handshake to its close. */
export class ConnectionSlots {
  private readonly open = new Map<string, number>();

  /** Takes a place under `key` if fewer than `max` are held; the returned release is idempotent. */
  take(key: string, max: number): (() => void) | null {
    const held = this.open.get(key) ?? 0;
    if (held >= max) return null;
    this.open.set(key, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left <= 0) this.open.delete(key);
      else this.open.set(key, left);
    };
  }
}

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private capacity: number;
  private perMs: number;
  private readonly windowMs: number;

  constructor(capacity: number, windowMs: number, now: number) {
    this.capacity = capacity;
    this.windowMs = windowMs;
    this.perMs = capacity / windowMs;
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** A new capacity (and refill rate) from now on; tokens above it are dropped. */
  resize(capacity: number): void {
    this.capacity = capacity;
    this.perMs = capacity / this.windowMs;
    this.tokens = Math.min(this.tokens, capacity);
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Every user's event budget on this process: USER_RATE_LIMIT shared by the live processes (1/n each, see the
 * top). Kept for as long as the process runs (bounded by the number of accounts), so closing and reopening
 * sockets does not refill it.
 */
export class UserBudgets {
  private readonly buckets = new Map<string, TokenBucket>();
  private share = USER_RATE_LIMIT;
  private readonly windowMs: number;
  /** How many processes the budgets are split among now. */
  processes = 1;

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  /** `processes` serve the users now (told by the cluster's heartbeat): each holds 1/n of every budget. */
  setProcesses(processes: number): void {
    this.processes = Math.max(1, processes);
    const share = Math.ceil(USER_RATE_LIMIT / this.processes);
    if (share === this.share) return;
    this.share = share;
    for (const bucket of this.buckets.values()) bucket.resize(share);
  }

  /** The user's bucket on this process (one map lookup per packet). */
  of(userId: string, now: number): TokenBucket {
    let bucket = this.buckets.get(userId);
    if (!bucket) {
      bucket = new TokenBucket(this.share, this.windowMs, now);
      this.buckets.set(userId, bucket);
    }
    return bucket;
  }
}
