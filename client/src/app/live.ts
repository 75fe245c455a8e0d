// The live gateway for the whole app: a socket session exists while someone is logged in, and is torn
// down on logout. Components hold this one object; it forwards to the current socket session. The socket
// code (socket.io-client) is fetched at login, so the login page downloads less.
import type { Gateway } from '../api/gateway.ts';
import type { Api } from '../api/http.ts';
import type { SocketGateway, SocketGatewayOptions } from '../api/socket.ts';
import type { Stores } from '../stores/index.ts';
import { loginFor } from './route.ts';

type CreateSession = (stores: Stores, options: SocketGatewayOptions) => SocketGateway;

export interface LiveGatewayOptions {
  api: Api;
  /** A buyer wrote: sound and title alert (the caller knows the words). */
  onBuyerMessage(conversationId: string): void;
  /** Defaults to the Socket.IO gateway, loaded on first use. */
  loadSession?: () => Promise<CreateSession>;
}

const loadSocketGateway = () => import('../api/socket.ts').then((m) => m.createSocketGateway);

export function createLiveGateway(
  stores: Stores,
  options: LiveGatewayOptions,
): Gateway & { dispose(): void } {
  const load = options.loadSession ?? loadSocketGateway;
  let current: SocketGateway | null = null;
  /** Bumped on every login/logout so a slow load for an earlier session is dropped. */
  let generation = 0;

  function wanted(): boolean {
    const user = stores.session.getState().user;
    return user !== null && !user.mustChangePassword;
  }

  function follow(): void {
    generation += 1;
    if (current) {
      current.stop();
      current = null;
      stores.conversations.getState().reset();
    }
    if (!wanted()) return;
    const mine = generation;
    void load().then((create) => {
      if (mine !== generation) return;
      current = create(stores, {
        api: options.api,
        onBuyerMessage: options.onBuyerMessage,
        onUnauthenticated: () => {
          // Logged out in another tab, or expired: the login page says so and leads back here.
          const { screen } = stores.session.getState();
          stores.session.getState().setUser(null);
          stores.session.getState().go(loginFor(screen, true));
        },
      });
      current.start();
    });
  }

  const unsubscribe = stores.session.subscribe((state, previous) => {
    const before = previous.user;
    const after = state.user;
    // Same person, same standing (e.g. the hello re-sent on reconnect): keep the session.
    if (before?.id === after?.id && before?.mustChangePassword === after?.mustChangePassword) return;
    follow();
  });
  follow();

  return {
    send(conversationId, message) {
      return current ? current.send(conversationId, message) : null;
    },
    retry(conversationId, messageId) {
      current?.retry(conversationId, messageId);
    },
    sync() {
      current?.sync();
    },
    updateOrder(conversationId, change) {
      return current
        ? current.updateOrder(conversationId, change)
        : Promise.resolve({ ok: false, error: options.api.describe({ code: 'network' }) });
    },
    dispose() {
      generation += 1;
      unsubscribe();
      current?.stop();
      current = null;
    },
  };
}
