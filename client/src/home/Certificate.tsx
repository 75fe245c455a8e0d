// A printable certificate of a passed learning-path unit: who, which unit, when its pass mark was reached,
// the skills it certifies and the scenarios passed. Built from the student's own path, so it cannot be
// printed for a unit not passed.

import { formatScore } from '@kefu/shared/scoring/format';
import { useTranslation } from 'react-i18next';
import { routes } from '../api/route-links.ts';
import { useLoad } from '../api/use-load.ts';
import { TopBar } from '../app/TopBar.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useSession, useStores } from '../stores/index.ts';

export default function Certificate({ unitId }: { unitId: string }) {
  const { t, i18n } = useTranslation();
  const stores = useStores();
  const user = useSession((s) => s.user);
  const path = useLoad(routes.course.path);
  const progress = path.data?.progress ?? null;
  const unit = progress?.units.find((u) => u.unit.id === unitId) ?? null;
  const back = () => stores.session.getState().go({ name: 'home' });

  let body = <p className="muted">{t('app.loading')}</p>;
  if (path.error) body = <FormError error={path.error} />;
  else if (path.data && (unit === null || unit.status !== 'passed' || unit.passedAt === null))
    body = <p className="empty">{t('certificate.notPassed')}</p>;
  else if (progress && unit && unit.passedAt !== null)
    body = (
      <article className="certificate" aria-labelledby="certificate-title">
        <p className="certificate-course">{progress.courseName}</p>
        <h1 id="certificate-title">{t('certificate.title')}</h1>
        <p className="certificate-text">
          {t('certificate.text', { name: user?.displayName ?? '', unit: unit.unit.name })}
        </p>
        <p className="certificate-goal">{unit.unit.goal}</p>
        <div className="path-skills">
          <div>
            <h2>{t('path.competition')}</h2>
            <ul>
              {unit.unit.competition.map((skill) => (
                <li key={skill}>{skill}</li>
              ))}
            </ul>
          </div>
          <div>
            <h2>{t('path.certificateSkills')}</h2>
            <ul>
              {unit.unit.certificate.map((skill) => (
                <li key={skill}>{skill}</li>
              ))}
            </ul>
          </div>
        </div>
        <h2>{t('certificate.scenarios', { score: unit.unit.pass.score })}</h2>
        <ul className="certificate-scenarios">
          {unit.scenarios
            .filter((s) => s.passed)
            .map((s) => (
              <li key={s.id}>
                {s.title} · {t('path.best', { score: formatScore(s.best ?? 0) })}
              </li>
            ))}
        </ul>
        <p className="certificate-date">
          {t('certificate.date', {
            date: new Date(unit.passedAt).toLocaleDateString(i18n.language, {
              year: 'numeric',
              month: 'long',
              day: 'numeric',
            }),
          })}
        </p>
      </article>
    );

  return (
    <div className="page">
      <TopBar title={t('certificate.pageTitle')}>
        <button type="button" className="topbar-button" onClick={back}>
          {t('certificate.back')}
        </button>
      </TopBar>
      <div className="home">
        <div className="certificate-actions no-print">
          <button
            type="button"
            className="primary"
            disabled={unit?.status !== 'passed'}
            onClick={() => window.print()}
          >
            {t('certificate.print')}
          </button>
        </div>
        {body}
      </div>
    </div>
  );
}
