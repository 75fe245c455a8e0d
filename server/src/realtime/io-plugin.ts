// Socket.IO on Fastify's HTTP server (our own small plugin: fastify-socket.io does not support Fastify 5).
// The handshake must come from our origin (CORS does not guard WebSocket upgrades, so allowRequest checks
// Origin) and carry a live session, within the user's socket cap; every inbound packet passes the flood
// guards (per socket, then per user) and goes to the handler of its event in the protocol's table
// (`app.socketEvents.handle({...})`, see ./socket-events.ts).
import { type ApiError, apiError, SOCKET_RATE_LIMIT, SOCKET_RATE_WINDOW_MS } from '@kefu/shared';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { SESSION_COOKIE } from '../auth/plugin.ts';
import { hashToken } from '../db/repositories/sessions.ts';
import { toUserView } from '../db/repositories/users.ts';
import type { KefuServer } from './io-types.ts';
import { sessionRoom, userRoom } from './io-types.ts';
import { SocketEvents } from './socket-events.ts';
import { MAX_SOCKETS_PER_USER, TokenBucket, USER_RATE_LIMIT } from './socket-rate-limit.ts';

declare module 'fastify' {
  interface FastifyInstance {
    io: KefuServer;
    socketEvents: SocketEvents;
  }
}

/** A refused handshake: the client reads `data.error.code` (its message is the Chinese text). */
function handshakeError(error: ApiError): Error {
  return Object.assign(new Error(error.message), { data: { error } });
}
/** Largest inbound packet: a 2,000-character message plus its envelope, with room for multi-byte text. */
const MAX_PACKET_BYTES = 16 * 1024;

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
        const allowed = app.originAllowed(req.headers.origin, req.headers.host);
        callback(allowed ? null : '请求来源不被允许（Origin 不匹配）', allowed);
      },
    });

    // One budget per user for as long as the process runs (bounded by the number of accounts), so closing
    // and reopening sockets does not refill it.
    const userBuckets = new Map<string, TokenBucket>();

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
      const userBucket =
        userBuckets.get(user.id) ?? new TokenBucket(USER_RATE_LIMIT, SOCKET_RATE_WINDOW_MS, app.clock.now());
      userBuckets.set(user.id, userBucket);
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
  },
  { name: 'io', dependencies: ['auth'] },
);
