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
// Kept in the database (guess_failures, login_devices): every server process of a cluster counts the same
// windows and knows the same devices (alternating processes gains an attacker nothing), and a restart
// forgets nothing. A guess is stamped first and counted after (insert-then-count, ordered by the stamps'
// sequence), so guesses racing on any process see each other: of a burst, only as many as the window has
// room for go ahead.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

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
  succeeded(): Promise<void>;
}

/** Devices remembered per account (the latest ones): a student's own computers and phone, a lab seat or two. */
const DEVICES_PER_ACCOUNT = 5;
/** Every this many guesses, stamps older than the window are deleted (the table stays small under a spray). */
const PRUNE_EVERY = 200;

export class GuessThrottle {
  private readonly db: Kysely<Database>;
  private readonly limits: ThrottleLimits;
  private guessesSincePrune = 0;

  constructor(db: Kysely<Database>, limits: ThrottleLimits = DEFAULT_LIMITS) {
    this.db = db;
    this.limits = limits;
  }

  async begin(keys: GuessKeys, now: number): Promise<Guess> {
    if (++this.guessesSincePrune >= PRUNE_EVERY) {
      this.guessesSincePrune = 0;
      await this.db
        .deleteFrom('guess_failures')
        .where('at', '<=', now - this.limits.windowMs)
        .execute();
    }
    const account = keys.account?.toLowerCase();
    const known =
      account !== undefined && keys.device !== undefined && (await this.isKnownDevice(account, keys.device));
    const charged: [string, number][] = known
      ? [[`device:${account}:${keys.device}`, this.limits.accountFailures]]
      : [[`address:${keys.address}`, this.limits.addressFailures]];
    if (account !== undefined && !known) charged.push([`account:${account}`, this.limits.accountFailures]);

    const stamps = await this.stamp(
      charged.map(([key]) => key),
      now,
    );
    const since = now - this.limits.windowMs;
    let wait = 0;
    const ranks: number[] = [];
    for (const [i, [key, limit]] of charged.entries()) {
      // This guess's place among the window's stamps (its own included), in the order they were stamped.
      const window = await this.db
        .selectFrom('guess_failures')
        .select(['seq', 'at'])
        .where('key', '=', key)
        .where('at', '>', since)
        .orderBy('seq')
        .execute();
      const rank = window.findIndex((row) => Number(row.seq) === stamps[i]) + 1;
      ranks.push(rank);
      if (rank > limit) wait = Math.max(wait, Number(window[0]!.at) + this.limits.windowMs - now);
    }
    if (keys.oneGuessPastAddressLock && wait > 0 && charged.length === 2 && ranks[1] === 1) {
      // Only the address is full, and nobody guessed at this account: its one guess, charged to it alone.
      await this.unstamp([stamps[0]!]);
      stamps.shift();
      wait = 0;
    }
    if (wait > 0) {
      await this.unstamp(stamps);
      return { wait, succeeded: async () => {} };
    }
    return {
      wait: 0,
      succeeded: async () => {
        await this.unstamp(stamps);
        if (account !== undefined) await this.clearAccount(account);
      },
    };
  }

  /** `device` logged in to `account`: from now on its guesses at the account have their own window. */
  async rememberDevice(account: string, device: string, now: number): Promise<void> {
    const key = account.toLowerCase();
    await this.db
      .insertInto('login_devices')
      .values({ account: key, device, seen_at: now })
      .onConflict((oc) => oc.columns(['account', 'device']).doUpdateSet({ seen_at: now }))
      .execute();
    const kept = this.db
      .selectFrom('login_devices')
      .select('device')
      .where('account', '=', key)
      .orderBy('seen_at', 'desc')
      .limit(DEVICES_PER_ACCOUNT);
    await this.db
      .deleteFrom('login_devices')
      .where('account', '=', key)
      .where('device', 'not in', kept)
      .execute();
  }

  private async isKnownDevice(account: string, device: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('login_devices')
      .select('device')
      .where('account', '=', account)
      .where('device', '=', device)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * The accounts of `accounts` that may not guess now (their failures fill the window), each with the
   * milliseconds until its lock lifts by itself; counts nothing.
   */
  async locked(accounts: string[], now: number): Promise<Map<string, number>> {
    if (accounts.length === 0) return new Map();
    const since = now - this.limits.windowMs;
    const rows = await this.db
      .selectFrom('guess_failures')
      .select(['key', 'at'])
      .where(
        'key',
        'in',
        accounts.map((a) => `account:${a.toLowerCase()}`),
      )
      .where('at', '>', since)
      .orderBy('seq')
      .execute();
    const windows = new Map<string, number[]>();
    for (const row of rows) {
      const key = row.key.slice('account:'.length);
      windows.set(key, [...(windows.get(key) ?? []), Number(row.at)]);
    }
    const locked = new Map<string, number>();
    for (const [account, stamps] of windows) {
      // Locked until the stamps after the window's limit are the only ones left in it (see begin()).
      if (stamps.length >= this.limits.accountFailures) {
        const lifts = stamps[stamps.length - this.limits.accountFailures]! + this.limits.windowMs;
        locked.set(account, Math.max(1, lifts - now));
      }
    }
    return locked;
  }

  /**
   * Lifts an account's lock (an admin reset its password, the class's instructor vouched for the student):
   * its own window and its known browsers' windows. The address windows are left alone.
   */
  async clearAccount(account: string): Promise<void> {
    const key = account.toLowerCase();
    await this.db
      .deleteFrom('guess_failures')
      .where((eb) =>
        eb.or([
          eb('key', '=', `account:${key}`),
          // Every `device:<account>:<id>` key: ':' + 1 is ';', so the range holds exactly that prefix.
          eb.and([eb('key', '>=', `device:${key}:`), eb('key', '<', `device:${key};`)]),
        ]),
      )
      .execute();
  }

  private async stamp(keys: string[], now: number): Promise<number[]> {
    const seqs: number[] = [];
    for (const key of keys) {
      const row = await this.db
        .insertInto('guess_failures')
        .values({ key, at: now })
        .returning('seq')
        .executeTakeFirstOrThrow();
      seqs.push(Number(row.seq));
    }
    return seqs;
  }

  private async unstamp(seqs: number[]): Promise<void> {
    if (seqs.length > 0) await this.db.deleteFrom('guess_failures').where('seq', 'in', seqs).execute();
  }
}

/** The Chinese words for a lock: how many minutes until it lifts. */
export const minutesUntil = (waitMs: number) => Math.max(1, Math.ceil(waitMs / 60_000));
