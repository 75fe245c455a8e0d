// Password hashes: real accounts get the production cost unless the app is told otherwise (tests lower it);
// verifying reads the cost from the stored hash, so hashes of any cost keep working after a change.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_COST, passwordHasher, TEST_PASSWORD_COST } from '../../server/src/auth/password.ts';
import { startApp } from './helpers/server.ts';

describe('password hashing', () => {
  it('hashes with scrypt N=2^17 by default', async () => {
    expect(await passwordHasher().hash('correct horse')).toMatch(
      /^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/,
    );
  });

  it('hashes a one-time password it generated at N=2^14, never above the cost of chosen ones', async () => {
    expect(await passwordHasher().hash('aB3dE5gH7jK9', 'generated')).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await passwordHasher(TEST_PASSWORD_COST).hash('aB3dE5gH7jK9', 'generated')).toMatch(
      /^scrypt\$1024\$8\$1\$/,
    );
  });

  it('verifies a hash made at another cost, and only with the right password', async () => {
    const weak = await passwordHasher(TEST_PASSWORD_COST).hash('correct horse');
    expect(weak).toMatch(/^scrypt\$1024\$8\$1\$/);
    const other = passwordHasher({ N: 2 ** 11, r: 8, p: 1 });
    expect(await other.verify('correct horse', weak)).toBe(true);
    expect(await other.verify('correct horsf', weak)).toBe(false);
  });

  it('salts every hash and says no for a missing or malformed one', async () => {
    const hasher = passwordHasher(TEST_PASSWORD_COST);
    expect(await hasher.hash('same')).not.toBe(await hasher.hash('same'));
    expect(await hasher.verify('anything', undefined)).toBe(false);
    expect(await hasher.verify('anything', '')).toBe(false);
    expect(await hasher.verify('anything', 'md5$abc')).toBe(false);
  });

  it('is an option of the app: the production cost unless a test lowers it', async () => {
    for (const [option, cost] of [
      [undefined, DEFAULT_PASSWORD_COST],
      [TEST_PASSWORD_COST, TEST_PASSWORD_COST],
    ] as const) {
      const server = await startApp({ passwordCost: option });
      try {
        expect(server.app.passwords.cost).toEqual(cost);
      } finally {
        await server.close();
        server.cleanup();
      }
    }
  });
});
