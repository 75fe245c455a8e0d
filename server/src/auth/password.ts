// Password hashing with Argon2id at OWASP's recommended cost (19 MiB, 2 iterations, parallelism 1) through
// @node-rs/argon2 (prebuilt binaries): about a tenth of the CPU of the scrypt N=2^17 it replaces, so a class
// logging in at once gets in within seconds, and every hash runs on libuv's thread pool, never on the event
// loop. Stored as the standard PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), which names its own
// cost. Hashes from before (`scrypt$N$r$p$salt$hash`) still verify, and the login that verifies one replaces
// it with an Argon2id hash (`needsRehash`). The cost is an option of the app (tests lower it), nowhere else.
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';

export interface PasswordCost {
  /** Memory per hash, in KiB (`m`). */
  memoryKiB: number;
  /** Passes over the memory (`t`). */
  iterations: number;
  /** Lanes (`p`). */
  parallelism: number;
}

/** OWASP's Argon2id recommendation (m=19 MiB, t=2, p=1): what every password a person chose gets. */
export const DEFAULT_PASSWORD_COST: PasswordCost = { memoryKiB: 19_456, iterations: 2, parallelism: 1 };
/** For tests only: the same scheme at a fraction of the cost, so suites that log in often stay quick. */
export const TEST_PASSWORD_COST: PasswordCost = { memoryKiB: 256, iterations: 1, parallelism: 1 };

/**
 * Cost for passwords this server generated (`generatePassword`): the memory-hard cost is there to slow the
 * guessing of passwords people choose; a random ~70-bit one-time password resists guessing at any cost, and
 * is replaced (at full cost) at first login. Lower, so a class list of 40 imports in a moment.
 */
const GENERATED_COST: PasswordCost = { memoryKiB: 4_096, iterations: 1, parallelism: 1 };

/** Argon2id in @node-rs/argon2's numbering (its `Algorithm` is a const enum, which this build cannot import). */
const ARGON2ID = 2;
const ARGON2_PREFIX = '$argon2id$';

/** A one-time password: 12 characters from an unambiguous alphabet (no 0/O, 1/l/I), easy to read aloud, ~70 bits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
}

export interface PasswordHasher {
  /** The cost of new hashes of chosen passwords. */
  readonly cost: PasswordCost;
  /** A new hash; `generated` for a `generatePassword` one-time password (a lower cost, see GENERATED_COST). */
  hash(password: string, kind?: 'chosen' | 'generated'): Promise<string>;
  /**
   * Whether `password` matches the stored hash. Without one (no such user) it spends the same time on a hash
   * that never matches, so timing does not reveal which usernames exist.
   */
  verify(password: string, stored: string | undefined): Promise<boolean>;
  /** A hash from before Argon2id: replace it once the password is known (at a successful login). */
  needsRehash(stored: string): boolean;
}

const argon2Options = (cost: PasswordCost) => ({
  algorithm: ARGON2ID,
  memoryCost: cost.memoryKiB,
  timeCost: cost.iterations,
  parallelism: cost.parallelism,
});

/** The scrypt hashes stored before Argon2id (`scrypt$N$r$p$salt$hash`, base64url). */
async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, hash] = stored.split('$');
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  // scrypt needs 128·N·r bytes; the default maxmem (32 MiB) is below that for N=2^17.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, options, (err, k) =>
      err ? reject(err) : resolve(k),
    ),
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export function passwordHasher(cost: PasswordCost = DEFAULT_PASSWORD_COST): PasswordHasher {
  const generatedCost: PasswordCost = {
    memoryKiB: Math.min(cost.memoryKiB, GENERATED_COST.memoryKiB),
    iterations: Math.min(cost.iterations, GENERATED_COST.iterations),
    parallelism: cost.parallelism,
  };
  // A well-formed hash of nothing anyone can type, at the full cost: what an unknown username is checked against.
  const zeros = (bytes: number) => Buffer.alloc(bytes).toString('base64').replace(/=+$/, '');
  const unknownUser = `${ARGON2_PREFIX}v=19$m=${cost.memoryKiB},t=${cost.iterations},p=${cost.parallelism}$${zeros(16)}$${zeros(32)}`;
  return {
    cost,
    hash: (password, kind = 'chosen') =>
      argon2Hash(password.normalize('NFKC'), argon2Options(kind === 'generated' ? generatedCost : cost)),
    async verify(password, stored = unknownUser) {
      try {
        if (stored.startsWith(ARGON2_PREFIX)) return await argon2Verify(stored, password.normalize('NFKC'));
        if (stored.startsWith('scrypt$')) return await verifyScrypt(password, stored);
      } catch {
        // A malformed stored hash matches nothing.
      }
      return false;
    },
    needsRehash: (stored) => !stored.startsWith(ARGON2_PREFIX),
  };
}
