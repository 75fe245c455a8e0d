// The learning path on a student's home, the way the course is built: the units in teaching order, each with
// its scenarios by difficulty level. The unit being learnt is open; passed ones fold to their scores; locked
// ones fold to why they are locked and what opens them. A search (title, product, skill) and a filter (what I
// can practise, what I have not passed) narrow the list. Also the scenario recommended next for the rules the
// student breaks most, and a certificate for every passed unit. Locking is the server's: this only shows it.
import type { PathResponse, PlayableScenario, ScenarioProgress, UnitProgress } from '@kefu/shared/protocol';
import { formatScore } from '@kefu/shared/scoring/format';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { byLevel, matchesAll, queryTerms } from '../course/scenario-groups.ts';
import { Field } from '../forms/Field.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useStores } from '../stores/index.ts';
import { useStartPractice } from './use-start-practice.ts';

const FILTERS = ['all', 'open', 'todo'] as const;
type Filter = (typeof FILTERS)[number];

export function LearningPath({
  path,
  error,
  scenarios = null,
}: {
  path: PathResponse | null;
  error: string | null;
  /** The playable scenarios (descriptions, products, rules): what the search reads beyond the titles. */
  scenarios?: readonly PlayableScenario[] | null;
}) {
  const { t } = useTranslation();
  const start = useStartPractice();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  // A unit the student opened or folded by hand; the others follow the default (only the current one open).
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  const progress = path?.progress ?? null;
  const details = useMemo(() => new Map((scenarios ?? []).map((s) => [s.id, s])), [scenarios]);
  if (!error && path !== null && progress === null) return null;
  const recommendation = path?.recommendation ?? null;
  const recommended = progress?.units
    .flatMap((u) => u.scenarios.map((s) => ({ unit: u.unit, scenario: s })))
    .find((x) => x.scenario.id === recommendation?.scenarioId);
  const passed = progress?.units.filter((u) => u.status === 'passed').length ?? 0;

  const terms = queryTerms(query);
  const narrowing = terms.length > 0 || filter !== 'all';
  const shown = (u: UnitProgress, s: ScenarioProgress) => {
    if (filter !== 'all' && u.status === 'locked') return false;
    if (filter === 'todo' && s.passed) return false;
    const more = details.get(s.id);
    return matchesAll(terms, [
      s.title,
      u.unit.name,
      more?.description ?? '',
      ...(more?.productNames ?? []),
      ...(more?.skills ?? []).map((skill) => t(`skills.${skill}`)),
      ...(more?.rules ?? []).map((rule) => t(`rules.${rule}`)),
    ]);
  };
  const units = (progress?.units ?? []).map((u, i, all) => ({
    progress: u,
    index: i + 1,
    previous: all[i - 1],
    visible: u.scenarios.filter((s) => shown(u, s)),
  }));
  const listed = narrowing ? units.filter((u) => u.visible.length > 0) : units;

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
      {progress ? (
        <search className="path-search">
          <Field label={t('path.search')} className="field path-search-field">
            {(control) => (
              <input
                {...control}
                type="search"
                value={query}
                placeholder={t('path.searchPlaceholder')}
                onChange={(e) => setQuery(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('path.filter')} className="field path-filter-field">
            {(control) => (
              <select {...control} value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
                {FILTERS.map((f) => (
                  <option key={f} value={f}>
                    {t(`path.filters.${f}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {narrowing ? (
            <p className="muted small" role="status">
              {t('path.found', { count: listed.reduce((n, u) => n + u.visible.length, 0) })}
            </p>
          ) : null}
        </search>
      ) : null}
      <ol className="path-units">
        {listed.map((u) => (
          <Unit
            key={u.progress.unit.id}
            index={u.index}
            progress={u.progress}
            previous={u.previous}
            current={progress?.units.find((x) => x.unit.id === progress.current)}
            scenarios={u.visible}
            details={details}
            expanded={opened[u.progress.unit.id] ?? (narrowing || u.progress.unit.id === progress?.current)}
            resultsOnly={narrowing}
            onToggle={(open) => setOpened((o) => ({ ...o, [u.progress.unit.id]: open }))}
            busy={start.busy}
            onStart={start.run}
          />
        ))}
      </ol>
    </section>
  );
}

function Unit({
  index,
  progress,
  previous,
  current,
  scenarios,
  details,
  expanded,
  resultsOnly,
  onToggle,
  busy,
  onStart,
}: {
  index: number;
  progress: UnitProgress;
  /** The unit before it: a locked unit opens once that one is passed. */
  previous: UnitProgress | undefined;
  /** The first unit not passed yet: the one to finish. */
  current: UnitProgress | undefined;
  /** Its scenarios the search and filter let through. */
  scenarios: readonly ScenarioProgress[];
  details: ReadonlyMap<string, PlayableScenario>;
  expanded: boolean;
  /** Searching or filtering: only the scenarios found, without the unit's goal and skills. */
  resultsOnly: boolean;
  onToggle: (open: boolean) => void;
  busy: boolean;
  onStart: (body: { scenarioId: string }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const stores = useStores();
  const { unit, status } = progress;
  const headingId = `unit-${unit.id}`;
  const bodyId = `unit-body-${unit.id}`;
  const bests = progress.scenarios
    .map((s) => s.best)
    .filter((b): b is number => b !== null)
    .sort((a, b) => b - a);
  return (
    <li className={`path-unit path-unit-${status}`} aria-labelledby={headingId}>
      <div className="path-unit-head">
        <span className="path-unit-index" aria-hidden="true">
          {index}
        </span>
        <h3 id={headingId}>
          <button
            type="button"
            className="path-unit-toggle"
            aria-expanded={expanded}
            aria-controls={bodyId}
            onClick={() => onToggle(!expanded)}
          >
            {unit.name}
          </button>
        </h3>
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
      {status === 'locked' ? <p className="path-unit-why">{unlockText(t, previous, current)}</p> : null}
      {status === 'passed' && bests.length > 0 ? (
        <p className="path-unit-why">
          {t('path.bestScores', { scores: bests.map((b) => formatScore(b)).join(' · ') })}
        </p>
      ) : null}
      {expanded ? (
        <div id={bodyId}>
          {resultsOnly ? null : <UnitSkills progress={progress} />}
          {byLevel(scenarios).map((level) => (
            <div key={level.difficulty} className="path-level">
              <h4>{t('home.difficulty', { level: level.difficulty })}</h4>
              <ul className="list path-scenarios">
                {level.scenarios.map((s) => (
                  <li key={s.id}>
                    <span className="path-scenario-title">
                      {s.title}
                      {details.get(s.id)?.productNames.length ? (
                        <small className="muted">
                          {' '}
                          · {details.get(s.id)?.productNames.join(t('path.listSep'))}
                        </small>
                      ) : null}
                    </span>
                    {s.best === null ? (
                      <span className="muted">{t('path.notPlayed')}</span>
                    ) : (
                      <strong>{t('path.best', { score: formatScore(s.best) })}</strong>
                    )}
                    {s.passed ? <span className="tag tag-green">{t('path.scenarioPassed')}</span> : null}
                    {status === 'locked' ? null : (
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy}
                        aria-label={`${t('home.start')}${t('app.colon')}${s.title}`}
                        onClick={() => void onStart({ scenarioId: s.id })}
                      >
                        {t('home.start')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
    </li>
  );
}

/** The unit's goal and the competition and 1+X skills it trains. */
function UnitSkills({ progress: { unit, status } }: { progress: UnitProgress }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

/**
 * Why a unit is locked and what opens it: every unit before it passed. When the one before is the unit being
 * learnt, how many more scenarios it needs; else which unit is being learnt now.
 */
function unlockText(
  t: (key: string, options?: Record<string, unknown>) => string,
  previous: UnitProgress | undefined,
  current: UnitProgress | undefined,
) {
  if (!previous || !current) return t('path.locked');
  const left = {
    current: current.unit.name,
    count: Math.max(0, current.required - current.passedCount),
    score: current.unit.pass.score,
  };
  return previous === current
    ? t('path.unlockAfterCurrent', left)
    : t('path.unlockAfterAll', { unit: previous.unit.name, ...left });
}
