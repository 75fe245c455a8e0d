// A script flooding the socket endpoint: hundreds of engine.io sessions (polling handshakes that never join,
// or WebSocket upgrades) with no session from one address, or with one account's cookie. Each address may
// hold only a few connections that are not signed in, each account only a few engine connections, so the
// flood is refused with a clear message while a class of 40 behind the same NAT address still connects.
// The server trusts X-Forwarded-For here (TRUST_PROXY) so that one machine can play several addresses.
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  MAX_ANONYMOUS_PER_ADDRESS,
  MAX_ENGINE_CONNECTIONS_PER_USER,
} from '../../server/src/realtime/socket-rate-limit.ts';
import {
  type ClientSocket,
  seedUser,
  startServer,
  type TestServer,
  type TestUser,
} from './helpers/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ trustProxy: true });
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

/** An engine.io polling handshake, as a script sends it: a session id back (200), or a refusal. */
async function handshake(address: string, cookie?: string) {
  const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
    headers: { origin: server.origin, 'x-forwarded-for': address, ...(cookie && { cookie }) },
  });
  const text = await res.text();
  return { status: res.status, text, sid: res.status === 200 ? JSON.parse(text.slice(1)).sid : null };
}

/** Closes a polling session (engine.io's close packet, "1"). */
async function closeSession(sid: string, address: string) {
  await fetch(`${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
    method: 'POST',
    headers: { origin: server.origin, 'x-forwarded-for': address, 'content-type': 'text/plain' },
    body: '1',
  });
}

function connectFrom(address: string, user: TestUser | null): Promise<ClientSocket> {
  const socket: ClientSocket = io(server.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: {
      origin: server.origin,
      'x-forwarded-for': address,
      ...(user && { cookie: user.cookie }),
    },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(err);
    });
  });
}

describe('a flood of connections without a session', () => {
  it('is refused past the cap per address with a message in Chinese; the class behind that address still connects', async () => {
    const room = '198.51.100.7';
    const flood = await Promise.all(
      Array.from({ length: MAX_ANONYMOUS_PER_ADDRESS + 30 }, () => handshake(room)),
    );
    const held = flood.filter((h) => h.status === 200);
    const refused = flood.filter((h) => h.status !== 200);
    expect(held).toHaveLength(MAX_ANONYMOUS_PER_ADDRESS);
    expect(refused).toHaveLength(30);
    for (const r of refused) expect(JSON.parse(r.text).message).toMatch(/连接太多/);
    // Another address is not affected.
    expect((await handshake('203.0.113.20')).status).toBe(200);

    // 40 students behind the same address sign in and connect at once while the flood holds its places.
    const students = await Promise.all(
      Array.from({ length: 40 }, (_, i) => seedUser(server.app, 'student', `nat_student_${i}`)),
    );
    const sockets = await Promise.all(students.map((s) => connectFrom(room, s)));
    expect(sockets.every((s) => s.connected)).toBe(true);
    for (const s of sockets) s.disconnect();

    // The flood's sessions end: their places are free again.
    await Promise.all(held.map((h) => closeSession(h.sid, room)));
    await vi.waitFor(async () => expect((await handshake(room)).status).toBe(200), { timeout: 5_000 });
  });

  it('tells a browser without a session to sign in, however many times it tries (its place is given back)', async () => {
    const address = '198.51.100.8';
    for (let i = 0; i < MAX_ANONYMOUS_PER_ADDRESS + 10; i++) {
      const err = await connectFrom(address, null).then(
        () => null,
        (e: Error & { data?: { error?: { code: string } } }) => e,
      );
      expect(err?.data?.error?.code).toBe('unauthenticated');
    }
  });
});

describe('one account opening engine connections that never join', () => {
  it(`caps them at ${MAX_ENGINE_CONNECTIONS_PER_USER}; other accounts on the same address are not held up`, async () => {
    const address = '198.51.100.9';
    const greedy = await seedUser(server.app, 'student', 'flood_account');
    const flood = await Promise.all(
      Array.from({ length: MAX_ENGINE_CONNECTIONS_PER_USER + 10 }, () => handshake(address, greedy.cookie)),
    );
    expect(flood.filter((h) => h.status === 200)).toHaveLength(MAX_ENGINE_CONNECTIONS_PER_USER);
    const refused = flood.filter((h) => h.status !== 200);
    expect(refused).toHaveLength(10);
    for (const r of refused) expect(JSON.parse(r.text).message).toMatch(/页面太多/);
    const other = await seedUser(server.app, 'student', 'flood_neighbour');
    (await connectFrom(address, other)).disconnect();
  });
});
