// The session slice: who is logged in and which screen is showing.
import type { UserView } from '@kefu/shared/protocol';
import { createStore } from 'zustand/vanilla';

export type Screen =
  | { name: 'loading' }
  /** `next`: the screen to open after logging in (a link opened, or the page the session ended on);
   * `ended`: the session ended while someone used the app (logged out elsewhere, expired). */
  | { name: 'login'; next?: Screen; ended?: boolean }
  | { name: 'register' }
  | { name: 'home' }
  | { name: 'password' }
  | { name: 'workbench' }
  | { name: 'summary'; conversationIds: string[] }
  /** A student's printable certificate of a passed learning-path unit. */
  | { name: 'certificate'; unitId: string }
  /** Instructor and trainer pages (lazy chunk); `path` is the rest of the hash, e.g. `reports/class/<id>`. */
  | { name: 'staff'; path: string };

export interface SessionState {
  user: UserView | null;
  screen: Screen;
  setUser(user: UserView | null): void;
  go(screen: Screen): void;
  /** To the page the user starts on: staff go to their staff home, students to theirs. */
  goHome(): void;
}

/** The page someone starts on after logging in. */
export function homeOf(user: UserView): Screen {
  return user.role === 'admin'
    ? { name: 'staff', path: 'admin' }
    : user.role === 'instructor' || user.role === 'trainer'
      ? { name: 'staff', path: '' }
      : { name: 'home' };
}

export function createSessionStore() {
  return createStore<SessionState>()((set, get) => ({
    user: null,
    screen: { name: 'loading' },
    setUser(user) {
      set({ user });
    },
    go(screen) {
      set({ screen });
    },
    goHome() {
      const user = get().user;
      set({ screen: user ? homeOf(user) : { name: 'home' } });
    },
  }));
}

export type SessionStore = ReturnType<typeof createSessionStore>;
