// Password hashing with scrypt (N=2^17, r=8, p=1): memory-hard, built into node:crypto, no native add-on.
// Stored as `scrypt$N$r$p$salt$hash` (base64url) so the cost can be raised later without breaking old hashes.
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

const N = 2 ** 17;
const r = 8;
const p = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
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

/**
 * Cost for passwords this server generated (`generatePassword`): the memory-hard cost is there to slow the
 * guessing of passwords people choose; a random ~70-bit one-time password resists guessing at any cost, and
 * is replaced (at full cost) at first login. Lower, so a class list of 40 imports in seconds, not a minute.
 */
const GENERATED_N = 2 ** 14;

export async function hashPassword(
  password: string,
  kind: 'chosen' | 'generated' = 'chosen',
): Promise<string> {
  const salt = randomBytes(16);
  const cost = { N: kind === 'generated' ? GENERATED_N : N, r, p };
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash that never verifies: spend the same time on unknown usernames so timing does not reveal accounts. */
export const DUMMY_HASH = `scrypt$${N}$${r}$${p}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`;
