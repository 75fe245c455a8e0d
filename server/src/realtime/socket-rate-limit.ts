// Per-socket flood guard: a token bucket (burst `capacity`, refilled to it over `windowMs`). Cheap enough to
// run on every inbound packet.
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
