// Home: go back to a practice, join a class or a running drill, start a solo practice, read what the
// trainers wrote and my reports. Every part that loads shows its own error (nothing is swallowed).

import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { routes } from '../api/route-links.ts';
import { useLoad } from '../api/use-load.ts';
import { TopBar } from '../app/TopBar.tsx';
import { FormError } from '../forms/FormError.tsx';
import { STAFF_ENTRY_NS } from '../staff/i18n/entry.ts';
import { useSession, useStores } from '../stores/index.ts';
import { DrillList } from './DrillList.tsx';
import { JoinClass } from './JoinClass.tsx';
import { LearningPath } from './LearningPath.tsx';
import { MyReports } from './MyReports.tsx';
import { SoloPractice } from './SoloPractice.tsx';
import { TrainerComments } from './TrainerComments.tsx';

export { DRILL_POLL_MS } from './DrillList.tsx';

const SelfEvaluation = lazy(() => import('../staff/self/SelfEvaluation.tsx'));

export default function Home({ onLogout }: { onLogout: () => void }) {
  const { t } = useTranslation();
  const stores = useStores();
  const user = useSession((s) => s.user);
  const student = user?.role === 'student';
  const scenarios = useLoad(routes.scenarios.list);
  const open = useLoad(routes.practice.conversations, { query: { status: 'open' } });
  const classes = useLoad(routes.classes.list);
  const mine = useLoad(routes.reports.student, user ? { params: { id: user.id } } : null);
  const path = useLoad(routes.course.path, student ? {} : null);
  const [joinedNow, setJoinedNow] = useState(false);

  return (
    <div className="page">
      <TopBar title={t('app.home')}>
        <button
          type="button"
          className="topbar-button"
          onClick={() => stores.session.getState().go({ name: 'password' })}
        >
          {t('auth.changeOwn')}
        </button>
        <button type="button" className="topbar-button" onClick={onLogout}>
          {t('app.logout')}
        </button>
      </TopBar>
      <div className="home">
        <h1>{t('home.hello', { name: user?.displayName ?? '' })}</h1>
        {user && !student ? (
          <button
            type="button"
            className="primary"
            onClick={() => stores.session.getState().go({ name: 'staff', path: '' })}
          >
            {t(`${STAFF_ENTRY_NS}:${user.role === 'trainer' ? 'trainer' : 'instructor'}`)}
          </button>
        ) : null}
        <ResumePractice openCount={open.data?.conversations.length ?? 0} error={open.error} />
        {student && (joinedNow || classes.data?.classes.length === 0) ? (
          <JoinClass
            onJoined={() => {
              setJoinedNow(true);
              // What a student may practise follows their classes (scenarios published to a class, its path).
              classes.reload();
              scenarios.reload();
              path.reload();
            }}
          />
        ) : null}
        <FormError error={classes.error} />
        <DrillList key={classes.data?.classes.length ?? 0} />
        {student ? (
          <LearningPath path={path.data} error={path.error} scenarios={scenarios.data?.scenarios ?? null} />
        ) : null}
        <SoloPractice
          scenarios={scenarios.data?.scenarios ?? null}
          units={scenarios.data?.units ?? []}
          error={scenarios.error}
          progress={path.data?.progress ?? null}
        />
        {student ? (
          <Suspense fallback={null}>
            <SelfEvaluation />
          </Suspense>
        ) : null}
        {student ? <TrainerComments evaluations={mine.data?.evaluations ?? []} /> : null}
        <MyReports conversations={mine.data?.conversations ?? null} error={mine.error} />
      </div>
    </div>
  );
}

/** Back to the buyers still waiting, or to the last practice (its summary) once they have all left. */
function ResumePractice({ openCount, error }: { openCount: number; error: string | null }) {
  const { t } = useTranslation();
  const stores = useStores();
  const user = useSession((s) => s.user);
  const hasLastPractice = useStore(
    stores.practice,
    (s) => s.owner !== null && s.owner === user?.id && s.conversationIds.length > 0,
  );
  const toWorkbench = () => {
    stores.conversations.getState().reset();
    stores.session.getState().go({ name: 'workbench' });
  };
  if (error) return <FormError error={error} />;
  if (openCount > 0)
    return (
      <button type="button" className="primary" onClick={toWorkbench}>
        {t('home.resume', { count: openCount })}
      </button>
    );
  if (hasLastPractice)
    return (
      <button type="button" className="secondary" onClick={toWorkbench}>
        {t('home.lastPractice')}
      </button>
    );
  return null;
}
