// Solo practice: one scenario, or a random mix of buyers who walk in one after another.
import type { ScenarioSummary } from '@kefu/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useStartPractice } from './use-start-practice.ts';

export function SoloPractice({
  scenarios,
  error,
}: {
  scenarios: readonly ScenarioSummary[] | null;
  error: string | null;
}) {
  const { t } = useTranslation();
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
        {scenarios?.map((s) => (
          <li key={s.id} className="scenario-card">
            <h3>{s.title}</h3>
            <span className="tag">{t('home.difficulty', { level: s.difficulty })}</span>
            {s.description ? <p className="muted">{s.description}</p> : null}
            <button
              type="button"
              className="secondary"
              disabled={start.busy}
              aria-label={`${t('home.start')}${t('app.colon')}${s.title}`}
              onClick={() => void start.run({ scenarioId: s.id })}
            >
              {t('home.start')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
