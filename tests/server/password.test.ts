// Password hashes: Argon2id at OWASP's cost for real accounts unless the app is told otherwise (tests lower
// it); verifying reads the cost from the stored hash, so hashes of any cost keep working after a change; the
// scrypt hashes stored before Argon2id still log in, and that login replaces them.
import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_COST, passwordHasher, TEST_PASSWORD_COST } from '../../server/src/auth/password.ts';
import { api, seedUser, startApp } from './helpers/server.ts';

/** A hash as the server stored them before Argon2id (scrypt N=2^17 in production; a small N here). */
function legacyScrypt(password: string, N = 2 ** 10): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N, r: 8, p: 1 });
  return ['scrypt', N, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

describe('password hashing', () => {
  it("hashes with Argon2id at OWASP's cost by default (19 MiB, 2 iterations, parallelism 1)", async () => {
    expect(await passwordHasher().hash('correct horse')).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
    );
  });

  it('hashes a one-time password it generated at a lower cost, never above the cost of chosen ones', async () => {
    expect(await passwordHasher().hash('aB3dE5gH7jK9', 'generated')).toMatch(
      /^\$argon2id\$v=19\$m=4096,t=1,p=1\$/,
    );
    expect(await passwordHasher(TEST_PASSWORD_COST).hash('aB3dE5gH7jK9', 'generated')).toMatch(
      /^\$argon2id\$v=19\$m=256,t=1,p=1\$/,
    );
  });

  it('verifies a hash made at another cost, and only with the right password', async () => {
    const weak = await passwordHasher(TEST_PASSWORD_COST).hash('correct horse');
    expect(weak).toMatch(/^\$argon2id\$v=19\$m=256,t=1,p=1\$/);
    const other = passwordHasher({ memoryKiB: 512, iterations: 2, parallelism: 1 });
    expect(await other.verify('correct horse', weak)).toBe(true);
    expect(await other.verify('correct horsf', weak)).toBe(false);
  });

  it('verifies the scrypt hashes stored before Argon2id, and marks them for replacing', async () => {
    const hasher = passwordHasher(TEST_PASSWORD_COST);
    const old = legacyScrypt('correct horse');
    expect(await hasher.verify('correct horse', old)).toBe(true);
    expect(await hasher.verify('correct horsf', old)).toBe(false);
    expect(hasher.needsRehash(old)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('correct horse'))).toBe(false);
  });

  it('salts every hash and says no for a missing or malformed one', async () => {
    const hasher = passwordHasher(TEST_PASSWORD_COST);
    expect(await hasher.hash('same')).not.toBe(await hasher.hash('same'));
    for (const stored of [undefined, '', 'md5$abc', '$argon2id$v=19$m=oops', 'scrypt$x$y$z$$']) {
      expect(await hasher.verify('anything', stored), String(stored)).toBe(false);
    }
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

describe('logging in with a hash from before Argon2id', () => {
  it('succeeds, and replaces the stored scrypt hash with an Argon2id one (keeping a pending password change)', async () => {
    const server = await startApp();
    try {
      const seeded = await seedUser(server.app, 'student', 'legacy_hash');
      await server.app.users.setPassword(seeded.user.id, legacyScrypt('an-old-passphrase-7'), true);
      const login = await api(server, 'POST', '/api/auth/login', {
        body: { username: 'legacy_hash', password: 'an-old-passphrase-7' },
      });
      expect(login.status).toBe(200);
      const row = await server.app.users.findById(seeded.user.id);
      expect(row?.password_hash).toMatch(/^\$argon2id\$/);
      expect(row?.must_change_password).toBe(1);
      const again = await api(server, 'POST', '/api/auth/login', {
        body: { username: 'legacy_hash', password: 'an-old-passphrase-7' },
      });
      expect(again.status).toBe(200);
      expect((await server.app.users.findById(seeded.user.id))?.password_hash).toBe(row?.password_hash);
    } finally {
      await server.close();
      server.cleanup();
    }
  });
});
