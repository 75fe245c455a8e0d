// The connection slice: what the status badge shows, always visible in the top bar.
import { createStore } from 'zustand/vanilla';

export type ConnectionStatus = 'offline' | 'connecting' | 'online' | 'reconnecting';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Times the socket came back after a drop (for the e2e test and the curious). */
  reconnects: number;
  /** Bumped when the server says a drill of one of my classes started, stopped or changed (`drill:status`),
   * so screens listing drills fetch them again. */
  drillChanges: number;
  setStatus(status: ConnectionStatus): void;
  drillChanged(): void;
}

export function createConnectionStore() {
  return createStore<ConnectionState>()((set, get) => ({
    status: 'offline',
    reconnects: 0,
    drillChanges: 0,
    setStatus(status) {
      const previous = get().status;
      if (previous === status) return;
      const back = status === 'online' && previous === 'reconnecting';
      set({ status, reconnects: get().reconnects + (back ? 1 : 0) });
    },
    drillChanged() {
      set({ drillChanges: get().drillChanges + 1 });
    },
  }));
}

export type ConnectionStore = ReturnType<typeof createConnectionStore>;
