// Socket.IO on Fastify's HTTP server (our own small plugin: fastify-socket.io does not support Fastify 5).
// The handshake must come from our origin (CORS does not guard WebSocket upgrades, so allowRequest checks
// Origin) and carry a live session, within the user's socket cap; every inbound packet passes the flood
// guards (per socket, then per user) and goes to the handler of its event in the protocol's table
// (`app.socketEvents.handle({...})`, see ./socket-events.ts).
// An engine.io connection takes a place when it is opened (allowRequest, once per connection, never per
// packet: the send path does no more work): per account with a session, per address without one, so a
// script opening hundreds of sessions that never join is refused while a class behind its address is not.

import type { IncomingMessage } from 'node:http';
import { type ApiError, apiError, SOCKET_RATE_LIMIT, SOCKET_RATE_WINDOW_MS } from '@kefu/shared';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { SESSION_COOKIE } from '../auth/plugin.ts';
import { hashToken } from '../db/repositories/sessions.ts';
import { toUserView } from '../db/repositories/users.ts';
import type { KefuServer } from './io-types.ts';
import { sessionRoom, userRoom } from './io-types.ts';
import { SocketEvents } from './socket-events.ts';
import {
  ConnectionSlots,
  MAX_ANONYMOUS_PER_ADDRESS,
  MAX_ENGINE_CONNECTIONS_PER_USER,
  MAX_SOCKETS_PER_USER,
  TokenBucket,
  UserBudgets,
} from './socket-rate-limit.ts';

declare module 'fastify' {
  interface FastifyInstance {
    io: KefuServer;
    socketEvents: SocketEvents;
    /** Every user's inbound event budget on this process (the cluster sets its share). */
    userBudgets: UserBudgets;
  }
}

/** A refused handshake: the client reads `data.error.code` (its message is the Chinese text). */
function handshakeError(error: ApiError): Error {
  return Object.assign(new Error(error.message), { data: { error } });
}
/** Largest inbound packet: a 2,000-character message plus its envelope, with room for multi-byte text. */
const MAX_PACKET_BYTES = 16 * 1024;

/** The place a handshake took, until its connection opens (then it is given back when that closes). */
const SLOT = Symbol('connection slot');
type SlottedRequest = IncomingMessage & { [SLOT]?: { release: () => void; opened: boolean } };

/** The client's address as Fastify's request.ip gives it: X-Forwarded-For's first entry behind a trusted proxy. */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = trustProxy && typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : '';
  return first || req.socket.remoteAddress || 'unknown';
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export default fp(
  async (app) => {
    const events = new SocketEvents(app.log);
    const io: KefuServer = new Server(app.server, {
      serveClient: false,
      maxHttpBufferSize: MAX_PACKET_BYTES,
      allowRequest: (req, callback) => {
        if (!app.originAllowed(req.headers.origin, req.headers.host)) {
          return callback('请求来源不被允许（Origin 不匹配）', false);
        }
        takeSlot(req as SlottedRequest).then(
          (refusal) => callback(refusal, refusal === null),
          (err) => {
            app.log.error({ err }, 'socket handshake failed');
            callback(apiError('internal').message, false);
          },
        );
      },
    });

    const slots = new ConnectionSlots();
    /** Takes the handshake's place (null) or says why there is none. */
    async function takeSlot(req: SlottedRequest): Promise<string | null> {
      const user = await app.userFromCookieHeader(req.headers.cookie);
      // Looked up and taken in one synchronous step, so a burst of handshakes cannot all pass the count.
      const release = user
        ? slots.take(`user:${user.id}`, MAX_ENGINE_CONNECTIONS_PER_USER)
        : slots.take(
            `address:${clientAddress(req, app.settings.trustProxy ?? false)}`,
            MAX_ANONYMOUS_PER_ADDRESS,
          );
      if (!release) {
        return user
          ? apiError('too-many-sockets', { max: MAX_SOCKETS_PER_USER }).message
          : apiError('too-many-connections').message;
      }
      const slot = { release, opened: false };
      req[SLOT] = slot;
      // A handshake refused after this point (a bad WebSocket key) opens no connection: give the place back
      // when its request's socket goes.
      req.socket.once('close', () => {
        if (!slot.opened) release();
      });
      return null;
    }
    io.engine.on(
      'connection',
      (conn: { request: SlottedRequest; once(event: 'close', f: () => void): void }) => {
        const slot = conn.request[SLOT];
        if (!slot) return;
        slot.opened = true;
        conn.once('close', slot.release);
      },
    );
    io.engine.on('connection_error', ({ req }: { req: SlottedRequest }) => {
      const slot = req[SLOT];
      if (slot && !slot.opened) slot.release();
    });

    const userBudgets = new UserBudgets(SOCKET_RATE_WINDOW_MS);

    io.use(async (socket, next) => {
      try {
        const user = await app.userFromCookieHeader(socket.request.headers.cookie);
        if (!user) return next(handshakeError(apiError('unauthenticated')));
        if (user.must_change_password === 1) {
          return next(handshakeError(apiError('password-change-required')));
        }
        // Checked and joined in one synchronous step, so a burst of handshakes cannot all pass the count.
        const room = userRoom(user.id);
        if ((io.sockets.adapter.rooms.get(room)?.size ?? 0) >= MAX_SOCKETS_PER_USER) {
          return next(handshakeError(apiError('too-many-sockets', { max: MAX_SOCKETS_PER_USER })));
        }
        socket.data.user = user;
        socket.join(room);
        next();
      } catch (err) {
        app.log.error({ err }, 'socket handshake failed');
        next(handshakeError(apiError('internal')));
      }
    });

    io.on('connection', (socket) => {
      const { user } = socket.data;
      const token = cookieValue(socket.request.headers.cookie, SESSION_COOKIE);
      if (token) socket.join(sessionRoom(hashToken(token)));
      const bucket = new TokenBucket(SOCKET_RATE_LIMIT, SOCKET_RATE_WINDOW_MS, app.clock.now());
      const userBucket = userBudgets.of(user.id, app.clock.now());
      // Every packet is answered by the table's handler; none reaches socket.on listeners.
      socket.use((packet) => {
        const now = app.clock.now();
        void events.receive(socket, packet, bucket.take(now) && userBucket.take(now));
      });
      socket.emit('session:hello', { user: toUserView(user), serverTime: app.clock.now() });
    });

    // Sockets hold the HTTP server open: drop them before Fastify waits for connections to end.
    app.addHook('preClose', async () => {
      io.local.disconnectSockets(true);
      io.engine.close();
    });
    app.addHook('onReady', async () => events.assertComplete());
    app.decorate('io', io);
    app.decorate('socketEvents', events);
    app.decorate('userBudgets', userBudgets);
  },
  { name: 'io', dependencies: ['auth'] },
);
