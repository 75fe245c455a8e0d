// The instructor and trainer pages, one lazy chunk: class reports and grades, drills and the live
// monitor, the scenario studio and the rubric editor. Students reach only their own reports elsewhere.
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../api/route-links.ts';
import { useLoad } from '../api/use-load.ts';
import { TopBar } from '../app/TopBar.tsx';
import { useSession, useStores } from '../stores/index.ts';
import './i18n/index.ts';
import { routeOf, useGo } from './nav.ts';
import { ClassReport } from './reports/ClassReport.tsx';
import { ConversationReplay } from './reports/ConversationReplay.tsx';
import { StudentReport } from './reports/StudentReport.tsx';
import { StaffHome } from './StaffHome.tsx';
import './staff.css';

const Drills = lazy(() => import('./monitor/Drills.tsx'));
const Monitor = lazy(() => import('./monitor/Monitor.tsx'));
const DrillResults = lazy(() => import('./monitor/DrillResults.tsx'));
const Studio = lazy(() => import('./studio/Studio.tsx'));
const RubricEditor = lazy(() => import('./studio/RubricEditor.tsx'));
const Leaderboard = lazy(() => import('./reports/Leaderboard.tsx'));
const Admin = lazy(() => import('./admin/Admin.tsx'));
const ClassImport = lazy(() => import('./roster/ClassImport.tsx'));
const Appeals = lazy(() => import('./appeals/Appeals.tsx'));

/** How often the open-appeals badge is counted again while a teacher stays on one page. */
export const APPEALS_POLL_MS = 30_000;

export default function StaffApp({ path, onLogout }: { path: string; onLogout: () => void }) {
  const { t } = useTranslation('staff');
  const go = useGo();
  const stores = useStores();
  const user = useSession((s) => s.user);
  const route = routeOf(path);
  const isStaff = user !== null && user.role !== 'student';
  // Appeals waiting for a decision in one's classes: counted again on every page change and decision.
  const openAppeals = useLoad(routes.appeals.openCount, isStaff ? {} : null);
  const openCount = openAppeals.data?.open ?? 0;
  const recount = openAppeals.reload;
  // biome-ignore lint/correctness/useExhaustiveDependencies: path is the trigger — each navigation recounts
  useEffect(() => recount(), [path, recount]);
  // Students file appeals while a teacher stays on one page: counted again every APPEALS_POLL_MS while
  // the tab is shown, and at once when the teacher comes back to the tab.
  useEffect(() => {
    if (!isStaff) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') recount();
    }, APPEALS_POLL_MS);
    const onShow = () => {
      if (document.visibilityState === 'visible') recount();
    };
    document.addEventListener('visibilitychange', onShow);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onShow);
    };
  }, [isStaff, recount]);

  if (!user || user.role === 'student') {
    return (
      <div className="page">
        <TopBar title={t('title')} />
        <p className="form-error staff-page" role="alert">
          {t('forbidden')}
        </p>
        {/* Not a dead end: the student's own home is one click away. */}
        <p className="staff-page">
          <button
            type="button"
            className="primary"
            onClick={() => stores.session.getState().go(user ? { name: 'home' } : { name: 'login' })}
          >
            {t('nav.studentHome')}
          </button>
        </p>
      </div>
    );
  }

  let view: React.ReactNode;
  switch (route.page) {
    case 'home':
      view = <StaffHome />;
      break;
    case 'class':
      view = <ClassReport classId={route.classId} />;
      break;
    case 'student':
      view = <StudentReport classId={route.classId} studentId={route.studentId} />;
      break;
    case 'leaderboard':
      view = <Leaderboard classId={route.classId} />;
      break;
    case 'conversation':
      view = <ConversationReplay conversationId={route.conversationId} />;
      break;
    case 'drills':
      view = <Drills classId={route.classId} />;
      break;
    case 'monitor':
      view = <Monitor drillId={route.drillId} />;
      break;
    case 'results':
      view = <DrillResults drillId={route.drillId} />;
      break;
    case 'studio':
      view = <Studio />;
      break;
    case 'rubric':
      view = <RubricEditor classId={route.classId} />;
      break;
    case 'import':
      view = <ClassImport classId={route.classId} />;
      break;
    case 'admin':
      view = <Admin />;
      break;
    case 'appeals':
      view = <Appeals onDecided={recount} />;
      break;
  }

  return (
    <div className="page staff">
      <TopBar title={t('title')}>
        <nav className="staff-nav no-print" aria-label={t('nav.label')}>
          <button type="button" className="topbar-button" onClick={() => go({ page: 'home' })}>
            {t('nav.classes')}
          </button>
          <button
            type="button"
            className="topbar-button"
            onClick={() => go({ page: 'appeals' })}
            aria-describedby={openCount > 0 ? 'open-appeals' : undefined}
          >
            {t('nav.appeals')}
            <OpenAppealsBadge count={openCount} />
          </button>
          {/* Outside the button: text inside it would be part of its name (申诉1 条申诉待裁定), not only its description. */}
          {openCount > 0 ? (
            <span id="open-appeals" className="sr-only">
              {t('nav.openAppeals', { count: openCount })}
            </span>
          ) : null}
          {user.role === 'admin' ? (
            <button type="button" className="topbar-button" onClick={() => go({ page: 'admin' })}>
              {t('nav.admin')}
            </button>
          ) : null}
          {user.role !== 'trainer' ? (
            <button type="button" className="topbar-button" onClick={() => go({ page: 'studio' })}>
              {t('nav.studio')}
            </button>
          ) : null}
          <button
            type="button"
            className="topbar-button"
            onClick={() => stores.session.getState().go({ name: 'home' })}
          >
            {t('nav.studentHome')}
          </button>
        </nav>
        <button type="button" className="topbar-button" onClick={onLogout}>
          {t('nav.logout')}
        </button>
      </TopBar>
      <main className="staff-main">
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>{view}</Suspense>
      </main>
    </div>
  );
}

/** How many appeals wait for a decision, shown beside 申诉 (said in words by the button's description). */
function OpenAppealsBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="badge nav-badge" aria-hidden="true">
      {count > 99 ? '99+' : count}
    </span>
  );
}
