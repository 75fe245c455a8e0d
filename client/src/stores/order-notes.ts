// The seller's own annotations on an order (changed shipping address, seller note). The protocol has no
// event for them, so they stay on this device, keyed by order id, like Qianniu's local order memo.
import { createStore } from 'zustand/vanilla';

export interface OrderNote {
  address?: string;
  note?: string;
}

export interface OrderNotesState {
  byOrder: Record<string, OrderNote>;
  update(orderId: string, patch: OrderNote): void;
}

export function createOrderNotesStore() {
  return createStore<OrderNotesState>()((set, get) => ({
    byOrder: {},
    update(orderId, patch) {
      const { byOrder } = get();
      set({ byOrder: { ...byOrder, [orderId]: { ...byOrder[orderId], ...patch } } });
    },
  }));
}

export type OrderNotesStore = ReturnType<typeof createOrderNotesStore>;
