// Solo practice: a random mix of buyers who walk in one after another, or one scenario. A student with a
// learning path picks single scenarios in the path (grouped there by unit and level, locked ones folded); here
// are only the scenarios outside it. Staff (no path) see every scenario, grouped by unit and level.
import type { CourseUnitRef, PathProgress, PlayableScenario } from '@kefu/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupByUnit } from '../course/scenario-groups.ts';
import { Field } from '../forms/Field.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useStartPractice } from './use-start-practice.ts';

/** The scenarios the learning path lists (every one of its units'). */
function inPath(progress: PathProgress | null): Set<string> {
  return new Set(progress?.units.flatMap((u) => u.scenarios.map((s) => s.id)) ?? []);
}

export function SoloPractice({
  scenarios,
  units = [],
  error,
  progress = null,
}: {
  scenarios: readonly PlayableScenario[] | null;
  /** The course's units in order: how staff's list is grouped. */
  units?: readonly CourseUnitRef[];
  error: string | null;
  /** The student's learning path (null for staff, or without a course): its scenarios are listed there. */
  progress?: PathProgress | null;
}) {
  const { t } = useTranslation();
  const listed = inPath(progress);
  const rest = scenarios?.filter((s) => !listed.has(s.id)) ?? null;
  const [mix, setMix] = useState(2);
  const start = useStartPractice();

  return (
    <section className="home-section" aria-labelledby="solo-title">
      <h2 id="solo-title">{t('home.soloTitle')}</h2>
      <p className="muted">{t(progress ? 'home.soloHintPath' : 'home.soloHint')}</p>
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
      {groupByUnit(rest ?? [], progress ? [] : units).map((group) => (
        <section
          key={group.unit?.id ?? ''}
          className="solo-group"
          aria-label={group.unit?.name ?? t('home.outsidePath')}
        >
          {group.unit || !progress ? <h3>{group.unit?.name ?? t('home.outsidePath')}</h3> : null}
          <ul className="scenario-grid">
            {group.scenarios.map((s) => (
              <li key={s.id} className="scenario-card">
                <h4>{s.title}</h4>
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
      ))}
    </section>
  );
}
