// Solo practice: one scenario, or a random mix of buyers who walk in one after another. A scenario of a unit
// the learning path has not opened yet shows as locked, naming the unit to finish first (the server refuses it).
import type { PathProgress, ScenarioSummary } from '@kefu/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useStartPractice } from './use-start-practice.ts';

/** Scenario id → the unit to finish first, for every scenario of a locked unit. */
function lockedScenarios(progress: PathProgress | null): Map<string, string> {
  const locked = new Map<string, string>();
  if (!progress) return locked;
  const current = progress.units.find((u) => u.unit.id === progress.current)?.unit.name ?? '';
  for (const u of progress.units) {
    if (u.status === 'locked') for (const s of u.scenarios) locked.set(s.id, current);
  }
  return locked;
}

export function SoloPractice({
  scenarios,
  error,
  progress = null,
}: {
  scenarios: readonly ScenarioSummary[] | null;
  error: string | null;
  /** The student's learning path (null for staff, or without a course): locked units' scenarios are locked. */
  progress?: PathProgress | null;
}) {
  const { t } = useTranslation();
  const locked = lockedScenarios(progress);
  const [mix, setMix] = useState(2);
  const start = useStartPractice();

  return (
    <section className="home-section" aria-labelledby="solo-title">
      <h2 id="solo-title">{t('home.soloTitle')}</h2>
      <p className="muted">{t('home.soloHint')}</p>
      <div className="mix">
        <Field label={t('home.mixCount')} className="mix-field">
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={5}
              value={mix}
              onChange={(e) => setMix(Math.min(5, Math.max(1, Number(e.target.value) || 1)))}
            />
          )}
        </Field>
        <button
          type="button"
          className="primary-orange"
          disabled={start.busy}
          onClick={() => void start.run({ mix })}
        >
          {t('home.mixStart')}
        </button>
      </div>
      <FormError error={error ?? start.error} />
      {scenarios === null && !error ? <p className="muted">{t('app.loading')}</p> : null}
      {scenarios?.length === 0 ? <p className="empty">{t('home.noScenarios')}</p> : null}
      <ul className="scenario-grid">
        {scenarios?.map((s) => {
          const unit = locked.get(s.id);
          return (
            <li key={s.id} className={`scenario-card${unit === undefined ? '' : ' scenario-locked'}`}>
              <h3>{s.title}</h3>
              <span className="tag">{t('home.difficulty', { level: s.difficulty })}</span>
              {unit === undefined ? null : <span className="tag tag-muted">{t('path.status.locked')}</span>}
              {s.description ? <p className="muted">{s.description}</p> : null}
              {unit === undefined ? (
                <button
                  type="button"
                  className="secondary"
                  disabled={start.busy}
                  aria-label={`${t('home.start')}${t('app.colon')}${s.title}`}
                  onClick={() => void start.run({ scenarioId: s.id })}
                >
                  {t('home.start')}
                </button>
              ) : (
                <p className="muted small">{t('home.lockedScenario', { unit })}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
