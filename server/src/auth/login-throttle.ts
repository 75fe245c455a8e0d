// Login rate limit, per account and per address: a sliding window of failed attempts for each account (stops
// password guessing on one user from many machines) and of all attempts for each address (stops one machine
// spraying many users). In memory: a restart forgets, which only gives an attacker one more window.
export interface ThrottleLimits {
  accountFailures: number;
  addressAttempts: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = {
  accountFailures: 5,
  addressAttempts: 30,
  windowMs: 15 * 60 * 1000,
};

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly attempts = new Map<string, number[]>();

  private readonly limits: ThrottleLimits;

  constructor(limits: ThrottleLimits = DEFAULT_LIMITS) {
    this.limits = limits;
  }

  /** Milliseconds until a login may be tried again, or 0 when it may be tried now. Counts the attempt. */
  attempt(account: string, address: string, now: number): number {
    const byAccount = this.recent(this.failures, account.toLowerCase(), now);
    const byAddress = this.recent(this.attempts, address, now);
    const waits = [
      byAccount.length >= this.limits.accountFailures ? byAccount[0]! + this.limits.windowMs - now : 0,
      byAddress.length >= this.limits.addressAttempts ? byAddress[0]! + this.limits.windowMs - now : 0,
    ];
    const wait = Math.max(...waits);
    if (wait === 0) byAddress.push(now);
    return wait;
  }

  failed(account: string, now: number): void {
    this.recent(this.failures, account.toLowerCase(), now).push(now);
  }

  succeeded(account: string): void {
    this.failures.delete(account.toLowerCase());
  }

  /** Lifts an account's lock (an admin reset its password). The per-address window is left alone. */
  clearAccount(account: string): void {
    this.failures.delete(account.toLowerCase());
  }

  private recent(map: Map<string, number[]>, key: string, now: number): number[] {
    const kept = (map.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
    map.set(key, kept);
    return kept;
  }
}
