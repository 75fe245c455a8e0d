// Password hashing with scrypt: memory-hard, built into node:crypto, no native add-on. Stored as
// `scrypt$N$r$p$salt$hash` (base64url); verifying reads the cost from the stored hash, so the cost can be
// raised later without breaking old hashes. The cost is an option of the app (tests lower it), nowhere else.
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

export interface PasswordCost {
  N: number;
  r: number;
  p: number;
}

/** The production cost (N=2^17): what every password a person chose gets. */
export const DEFAULT_PASSWORD_COST: PasswordCost = { N: 2 ** 17, r: 8, p: 1 };
/** For tests only: the same scheme about a hundred times cheaper, so suites that log in often stay quick. */
export const TEST_PASSWORD_COST: PasswordCost = { N: 2 ** 10, r: 8, p: 1 };

/**
 * Cost for passwords this server generated (`generatePassword`): the memory-hard cost is there to slow the
 * guessing of passwords people choose; a random ~70-bit one-time password resists guessing at any cost, and
 * is replaced (at full cost) at first login. Lower, so a class list of 40 imports in seconds, not a minute.
 */
const GENERATED_N = 2 ** 14;

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; the default maxmem (32 MiB) is below that for N=2^17.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** A one-time password: 12 characters from an unambiguous alphabet (no 0/O, 1/l/I), easy to read aloud, ~70 bits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
}

export interface PasswordHasher {
  /** The cost of new hashes of chosen passwords. */
  readonly cost: PasswordCost;
  /** A new hash; `generated` for a `generatePassword` one-time password (a lower cost, see GENERATED_N). */
  hash(password: string, kind?: 'chosen' | 'generated'): Promise<string>;
  /**
   * Whether `password` matches the stored hash. Without one (no such user) it spends the same time on a hash
   * that never matches, so timing does not reveal which usernames exist.
   */
  verify(password: string, stored: string | undefined): Promise<boolean>;
}

export function passwordHasher(cost: PasswordCost = DEFAULT_PASSWORD_COST): PasswordHasher {
  const generatedCost = { ...cost, N: Math.min(cost.N, GENERATED_N) };
  const format = (c: PasswordCost, salt: Buffer, key: Buffer) =>
    ['scrypt', c.N, c.r, c.p, salt.toString('base64url'), key.toString('base64url')].join('$');
  const unknownUser = format(cost, Buffer.alloc(16), Buffer.alloc(KEY_LENGTH));
  return {
    cost,
    async hash(password, kind = 'chosen') {
      const used = kind === 'generated' ? generatedCost : cost;
      const salt = randomBytes(16);
      return format(used, salt, await derive(password, salt, used));
    },
    async verify(password, stored = unknownUser) {
      const [scheme, n, rr, pp, salt, hash] = stored.split('$');
      if (scheme !== 'scrypt' || !salt || !hash) return false;
      const expected = Buffer.from(hash, 'base64url');
      const key = await derive(password, Buffer.from(salt, 'base64url'), {
        N: Number(n),
        r: Number(rr),
        p: Number(pp),
      });
      return key.length === expected.length && timingSafeEqual(key, expected);
    },
  };
}
