// The connection slice: what the status badge shows, always visible in the top bar.
import { createStore } from 'zustand/vanilla';

export type ConnectionStatus = 'offline' | 'connecting' | 'online' | 'reconnecting';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Times the socket came back after a drop (for the e2e test and the curious). */
  reconnects: number;
  setStatus(status: ConnectionStatus): void;
}

export function createConnectionStore() {
  return createStore<ConnectionState>()((set, get) => ({
    status: 'offline',
    reconnects: 0,
    setStatus(status) {
      const previous = get().status;
      if (previous === status) return;
      const back = status === 'online' && previous === 'reconnecting';
      set({ status, reconnects: get().reconnects + (back ? 1 : 0) });
    },
  }));
}

export type ConnectionStore = ReturnType<typeof createConnectionStore>;
