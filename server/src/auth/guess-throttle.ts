// Limits on guessing secrets (passwords at login, the current password before a change, class join codes):
// a sliding window of failed guesses per account (stops guessing one account from many machines) and per
// address (stops one machine spraying many accounts). Only failures count, so a computer room behind one
// NAT address can log a whole class in at once. A guess counts as failed from the moment it starts until it
// succeeds, so a burst of parallel guesses cannot slip past the limit while the hashes run.
// A known device — a browser the account logged in from before, proven by its random device cookie — guesses
// on its own window instead: someone else's wrong guesses (at the account, or from the computer room's shared
// address) cannot lock a student out of the browser they use, and that browser still gets only so many tries.
// A full address window (a spray from the computer room) does not hold up a login at an account that has no
// failed guess in its own window: that guess goes ahead, charged to the account alone. A student on a browser
// never used for their account still gets in; the sprayer gets one guess per account it has not guessed at
// yet, after which the address lock holds for that account too, so no account ever gets more guesses than
// its own window (the spray's total is at most the address window plus one per account per window).
// In memory: a restart forgets the windows and the known devices, which gives an attacker at most one more
// window (and a student logs in once more as from an unknown device).
export interface ThrottleLimits {
  /** Failed guesses per account (and per kind of secret) in a window. */
  accountFailures: number;
  /** Failed guesses per client address, all accounts and kinds together, in a window. */
  addressFailures: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = {
  accountFailures: 5,
  addressFailures: 100,
  windowMs: 15 * 60 * 1000,
};

/** What a guess is charged to: the account (with the kind of secret, e.g. `login:wang`) and/or the address. */
export interface GuessKeys {
  account?: string;
  address: string;
  /** The device cookie of the request, if any: a device known for `account` guesses on its own window. */
  device?: string;
  /**
   * Logins only: a full address window lets through one guess at an account nobody guessed at (see the top).
   * Not join codes: every account could then guess one more code past the room's lock.
   */
  oneGuessPastAddressLock?: boolean;
}

export interface Guess {
  /** Milliseconds until guessing may resume; 0 means this guess may go ahead (and is counted). */
  wait: number;
  /** The guess was right: it no longer counts, and the account's failures are forgiven. */
  succeeded(): void;
}

/** Beyond this many keys, windows that have emptied are dropped (keeps memory bounded under a spray). */
const PRUNE_AT = 10_000;
/** Devices remembered per account (the latest ones): a student's own computers and phone, a lab seat or two. */
const DEVICES_PER_ACCOUNT = 5;

export class GuessThrottle {
  private readonly windows = new Map<string, number[]>();
  /** Account → the device cookies it logged in with lately, newest last. */
  private readonly devices = new Map<string, string[]>();
  private readonly limits: ThrottleLimits;

  constructor(limits: ThrottleLimits = DEFAULT_LIMITS) {
    this.limits = limits;
  }

  begin(keys: GuessKeys, now: number): Guess {
    if (this.windows.size > PRUNE_AT) this.prune(now);
    const account = keys.account?.toLowerCase();
    const known =
      account !== undefined && keys.device !== undefined && this.isKnownDevice(account, keys.device);
    const charged: [string, number][] = known
      ? [[`device:${account}:${keys.device}`, this.limits.accountFailures]]
      : [[`address:${keys.address}`, this.limits.addressFailures]];
    if (account !== undefined && !known) charged.push([`account:${account}`, this.limits.accountFailures]);
    let wait = 0;
    for (const [key, limit] of charged) {
      const window = this.recent(key, now);
      if (window.length >= limit) wait = Math.max(wait, window[0]! + this.limits.windowMs - now);
    }
    if (
      keys.oneGuessPastAddressLock &&
      wait > 0 &&
      charged.length === 2 &&
      this.recent(charged[1]![0], now).length === 0
    ) {
      // Only the address is full, and nobody guessed at this account: its one guess, charged to it alone.
      charged.shift();
      wait = 0;
    }
    if (wait > 0) return { wait, succeeded: () => {} };
    const stamps = charged.map(([key]) => {
      const stamp = { key, at: now };
      this.recent(key, now).push(now);
      return stamp;
    });
    return {
      wait: 0,
      succeeded: () => {
        for (const { key, at } of stamps) {
          const window = this.windows.get(key);
          const i = window?.indexOf(at) ?? -1;
          if (window && i >= 0) window.splice(i, 1);
        }
        if (keys.account !== undefined) this.windows.delete(`account:${keys.account.toLowerCase()}`);
      },
    };
  }

  /** `device` logged in to `account`: from now on its guesses at the account have their own window. */
  rememberDevice(account: string, device: string): void {
    const key = account.toLowerCase();
    const known = (this.devices.get(key) ?? []).filter((d) => d !== device);
    known.push(device);
    this.devices.delete(key);
    this.devices.set(key, known.slice(-DEVICES_PER_ACCOUNT));
    // Bounded like the windows: the accounts that logged in longest ago are forgotten first.
    if (this.devices.size > PRUNE_AT) this.devices.delete(this.devices.keys().next().value as string);
  }

  private isKnownDevice(account: string, device: string): boolean {
    return this.devices.get(account)?.includes(device) ?? false;
  }

  /** True while `account` may not guess (its failures fill the window); counts nothing. */
  isLocked(account: string, now: number): boolean {
    const window = this.windows.get(`account:${account.toLowerCase()}`) ?? [];
    return window.filter((t) => t > now - this.limits.windowMs).length >= this.limits.accountFailures;
  }

  /** Lifts an account's lock (an admin reset its password). The address windows are left alone. */
  clearAccount(account: string): void {
    this.windows.delete(`account:${account.toLowerCase()}`);
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.windows.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
    this.windows.set(key, kept);
    return kept;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (window.every((t) => t <= now - this.limits.windowMs)) this.windows.delete(key);
    }
  }
}

/** The Chinese words for a lock: how many minutes until it lifts. */
export const minutesUntil = (waitMs: number) => Math.max(1, Math.ceil(waitMs / 60_000));
