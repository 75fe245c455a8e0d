// The app shell: finds out who is logged in, keeps the URL hash and the screen in step, and shows the
// screen. Everything but login loads on demand to keep the first download small; the workbench's code is
// fetched as soon as someone is logged in, so it is there before they open it.
import type { UserView } from '@kefu/shared/protocol';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HttpError } from '../api/http.ts';
import { Login } from '../auth/Login.tsx';
import { type Screen, type Stores, useSession, useStores } from '../stores/index.ts';
import { homeOf } from '../stores/session.ts';
import { useServices } from './context.tsx';
import { hashOf, isPublic, loginFor, screenOf } from './route.ts';

// One promise, so the prefetch and the screen share a single download.
let workbenchModule: Promise<typeof import('../workbench/Workbench.tsx')> | undefined;
function loadWorkbench() {
  workbenchModule ??= import('../workbench/Workbench.tsx');
  return workbenchModule;
}
const Workbench = lazy(() => loadWorkbench().then((m) => ({ default: m.Workbench })));
const Home = lazy(() => import('../home/Home.tsx'));
const Register = lazy(() => import('../auth/Register.tsx'));
const ChangePassword = lazy(() => import('../auth/ChangePassword.tsx'));
const Summary = lazy(() => import('../summary/Summary.tsx'));
const Staff = lazy(() => import('../staff/StaffApp.tsx'));
const Certificate = lazy(() => import('../home/Certificate.tsx'));

/** Where someone lands: the screen asked for if they may see it, else their home (or login). Instructors
 * and trainers start on the staff pages (their work is there; 学员首页 is one click away), admins on
 * 账号与班级; a student who opens a staff link is sent to their own home rather than a dead end. Anyone
 * logged in may open 修改密码 (`#/password`); a one-time password sends them there first. */
export function landing(user: UserView | null, asked: Screen | null): Screen {
  if (!user) return asked && isPublic(asked) ? asked : { name: 'login' };
  if (user.mustChangePassword) return { name: 'password' };
  if (!asked || isPublic(asked) || asked.name === 'loading') return homeOf(user);
  if (asked.name === 'staff' && user.role === 'student') return { name: 'home' };
  if (asked.name === 'certificate' && user.role !== 'student') return homeOf(user);
  return asked;
}

/** Where a login from this screen leads: the screen the login page was asked to open after it, if any. */
export function afterLogin(user: UserView, from: Screen): Screen {
  return landing(user, from.name === 'login' ? (from.next ?? null) : null);
}

function useHashSync(stores: Stores): void {
  useEffect(() => {
    const session = stores.session;
    const toHash = (screen: Screen) => {
      const hash = hashOf(screen);
      if (hash && window.location.hash !== hash) window.location.hash = hash;
    };
    const unsubscribe = session.subscribe((state, previous) => {
      if (state.screen !== previous.screen) toHash(state.screen);
    });
    const onHashChange = () => {
      const { user, screen } = session.getState();
      if (screen.name === 'loading') return;
      const next = landing(user, screenOf(window.location.hash));
      if (hashOf(next) !== hashOf(screen)) session.getState().go(next);
      else toHash(screen);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      unsubscribe();
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [stores]);
}

function useBoot(stores: Stores): void {
  const { api } = useServices();
  useEffect(() => {
    let live = true;
    const asked = screenOf(window.location.hash);
    // `session`, not `me`: no one logged in is an answer (user null), not a 401 logged in the console.
    const loggedOut = () => {
      // A link opened while logged out (a report, the workbench) opens after the login.
      const target = landing(null, asked);
      stores.session.getState().go(target.name === 'login' ? loginFor(asked) : target);
    };
    api.auth.session().then(
      (me) => {
        if (!live) return;
        stores.conversations.getState().setServerTime(me.serverTime);
        if (!me.user) return loggedOut();
        stores.session.getState().setUser(me.user);
        stores.session.getState().go(landing(me.user, asked));
      },
      (err: unknown) => {
        if (!live) return;
        // The server cannot be reached or failed: the login page shows errors itself.
        if (!(err instanceof HttpError)) console.error(err);
        loggedOut();
      },
    );
    return () => {
      live = false;
    };
  }, [api, stores]);
}

export function App() {
  const { t } = useTranslation();
  const stores = useStores();
  const { api } = useServices();
  const screen = useSession((s) => s.screen);
  const loggedIn = useSession((s) => s.user !== null);
  useHashSync(stores);
  useBoot(stores);
  useEffect(() => {
    // A failed prefetch is retried when the workbench is opened (and shows the error there).
    if (loggedIn) loadWorkbench().catch(() => (workbenchModule = undefined));
  }, [loggedIn]);

  const onLoggedIn = (user: UserView) => {
    const from = stores.session.getState().screen;
    stores.session.getState().setUser(user);
    stores.session.getState().go(afterLogin(user, from));
  };
  const onLogout = () => {
    void api.auth.logout().catch(() => undefined);
    stores.session.getState().setUser(null);
    stores.session.getState().go({ name: 'login' });
  };

  const fallback = (
    <p className="boot" role="status">
      {t('app.loading')}
    </p>
  );
  let view: ReactNode;
  switch (screen.name) {
    case 'loading':
      view = fallback;
      break;
    case 'login':
      view = <Login onLoggedIn={onLoggedIn} />;
      break;
    case 'register':
      view = <Register onLoggedIn={onLoggedIn} />;
      break;
    case 'password':
      view = (
        <ChangePassword
          onChanged={onLoggedIn}
          onBack={() => {
            const user = stores.session.getState().user;
            if (user) stores.session.getState().go(homeOf(user));
          }}
          onLogout={onLogout}
        />
      );
      break;
    case 'home':
      view = <Home onLogout={onLogout} />;
      break;
    case 'workbench':
      view = <Workbench />;
      break;
    case 'summary':
      view = <Summary conversationIds={screen.conversationIds} />;
      break;
    case 'certificate':
      view = <Certificate unitId={screen.unitId} />;
      break;
    case 'staff':
      view = <Staff path={screen.path} onLogout={onLogout} />;
      break;
  }
  return <Suspense fallback={fallback}>{view}</Suspense>;
}
