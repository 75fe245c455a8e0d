// The learning path on a student's home: the units in teaching order with the competition and 1+X skills
// each trains, how far the student is (a unit opens once the one before it reached its pass mark), the
// scenario recommended next for the rules they break most, and a certificate for every passed unit.
import type { PathResponse, UnitProgress } from '@kefu/shared/protocol';
import { formatScore } from '@kefu/shared/scoring/format';
import { useTranslation } from 'react-i18next';
import { FormError } from '../forms/FormError.tsx';
import { useStores } from '../stores/index.ts';
import { useStartPractice } from './use-start-practice.ts';

export function LearningPath({ path, error }: { path: PathResponse | null; error: string | null }) {
  const { t } = useTranslation();
  const start = useStartPractice();
  const progress = path?.progress ?? null;
  if (!error && path !== null && progress === null) return null;
  const recommendation = path?.recommendation ?? null;
  const recommended = progress?.units
    .flatMap((u) => u.scenarios.map((s) => ({ unit: u.unit, scenario: s })))
    .find((x) => x.scenario.id === recommendation?.scenarioId);
  const passed = progress?.units.filter((u) => u.status === 'passed').length ?? 0;

  return (
    <section className="home-section learning-path" aria-labelledby="path-title">
      <h2 id="path-title">{t('path.title', { name: progress?.courseName ?? '' })}</h2>
      <FormError error={error ?? start.error} />
      {progress === null && !error ? <p className="muted">{t('app.loading')}</p> : null}
      {progress ? (
        <p className="muted">{t('path.summary', { passed, total: progress.units.length })}</p>
      ) : null}
      {recommendation && recommended ? (
        <section className="path-next" aria-label={t('path.nextLabel')}>
          <div>
            <p className="path-next-kicker">
              {t(recommendation.kind === 'next' ? 'path.next' : 'path.review', {
                unit: recommended.unit.name,
              })}
            </p>
            <h3>{recommended.scenario.title}</h3>
            <p className="muted">
              {recommendation.rules.length > 0
                ? t('path.because', {
                    rules: recommendation.rules.map((rule) => t(`rules.${rule}`)).join(t('path.listSep')),
                  })
                : t('path.noHistory')}
            </p>
          </div>
          <button
            type="button"
            className="primary-orange"
            disabled={start.busy}
            onClick={() => void start.run({ scenarioId: recommended.scenario.id })}
          >
            {t('path.startNext')}
          </button>
        </section>
      ) : null}
      <ol className="path-units">
        {progress?.units.map((u, i) => (
          <Unit key={u.unit.id} index={i + 1} progress={u} busy={start.busy} onStart={start.run} />
        ))}
      </ol>
    </section>
  );
}

function Unit({
  index,
  progress,
  busy,
  onStart,
}: {
  index: number;
  progress: UnitProgress;
  busy: boolean;
  onStart: (body: { scenarioId: string }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const stores = useStores();
  const { unit, status } = progress;
  const headingId = `unit-${unit.id}`;
  return (
    <li className={`path-unit path-unit-${status}`} aria-labelledby={headingId}>
      <div className="path-unit-head">
        <span className="path-unit-index" aria-hidden="true">
          {index}
        </span>
        <h3 id={headingId}>{unit.name}</h3>
        <span
          className={`tag ${status === 'passed' ? 'tag-green' : status === 'open' ? 'tag-orange' : 'tag-muted'}`}
        >
          {t(`path.status.${status}`)}
        </span>
        <span className="muted">
          {t('path.passMark', {
            passed: progress.passedCount,
            required: progress.required,
            score: unit.pass.score,
          })}
        </span>
        <progress max={progress.required} value={Math.min(progress.passedCount, progress.required)} />
        {status === 'passed' ? (
          <button
            type="button"
            className="secondary"
            onClick={() => stores.session.getState().go({ name: 'certificate', unitId: unit.id })}
          >
            {t('path.certificate')}
          </button>
        ) : null}
      </div>
      <p className="path-unit-goal">{unit.goal}</p>
      {/* The skills stay in view for the unit being learnt; folded for the others, one click away. */}
      <details className="path-skills-box" open={status === 'open'}>
        <summary>{t('path.skills')}</summary>
        <div className="path-skills">
          <div>
            <h4>{t('path.competition')}</h4>
            <ul>
              {unit.competition.map((skill) => (
                <li key={skill}>{skill}</li>
              ))}
            </ul>
          </div>
          <div>
            <h4>{t('path.certificateSkills')}</h4>
            <ul>
              {unit.certificate.map((skill) => (
                <li key={skill}>{skill}</li>
              ))}
            </ul>
          </div>
        </div>
      </details>
      {status === 'locked' ? (
        <p className="muted">{t('path.locked')}</p>
      ) : (
        <ul className="list path-scenarios">
          {progress.scenarios.map((s) => (
            <li key={s.id}>
              <span>{s.title}</span>
              <span className="tag">{t('home.difficulty', { level: s.difficulty })}</span>
              {s.best === null ? (
                <span className="muted">{t('path.notPlayed')}</span>
              ) : (
                <strong>{t('path.best', { score: formatScore(s.best) })}</strong>
              )}
              {s.passed ? <span className="tag tag-green">{t('path.scenarioPassed')}</span> : null}
              <button
                type="button"
                className="secondary"
                disabled={busy}
                aria-label={`${t('home.start')}${t('app.colon')}${s.title}`}
                onClick={() => void onStart({ scenarioId: s.id })}
              >
                {t('home.start')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
