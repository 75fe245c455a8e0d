// The fields a drill and an exam share: the scenario picker (by unit and level, searchable) and the bounded number inputs (buyers per
// student, arrival interval, concurrency…), so both forms look and behave alike.
import type { CourseUnitRef, PlayableScenario } from '@kefu/shared/protocol';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupByUnit, matchesAll, queryTerms, type UnitGroup } from '../../course/scenario-groups.ts';

/**
 * The scenarios to pick, grouped the way the course is built (unit, then level), with a search by title,
 * product and skill, a "select all" per unit (of what the search shows) and how many are picked.
 */
export function ScenarioPicks({
  scenarios,
  units,
  picked,
  onChange,
}: {
  scenarios: readonly PlayableScenario[];
  /** The course's units in order. */
  units: readonly CourseUnitRef[];
  picked: readonly string[];
  onChange: (picked: string[]) => void;
}) {
  const { t } = useTranslation('staff');
  const { t: words } = useTranslation();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const terms = queryTerms(query);
  const chosen = new Set(picked);
  const shown = scenarios.filter((s) =>
    matchesAll(terms, [
      s.title,
      s.description ?? '',
      ...s.productNames,
      ...s.skills.map((skill) => words(`skills.${skill}`)),
      units.find((u) => u.id === s.unit)?.name ?? '',
    ]),
  );
  const set = (ids: readonly string[], on: boolean) => {
    const next = new Set(picked);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    // In the list's order, whatever order they were ticked in.
    onChange(scenarios.filter((s) => next.has(s.id)).map((s) => s.id));
  };
  return (
    <fieldset className="scenario-picks">
      <legend>{t('drills.scenarios')}</legend>
      <div className="scenario-picks-bar">
        <label className="field" htmlFor={searchId}>
          <span>{t('drills.searchScenarios')}</span>
          <input
            id={searchId}
            type="search"
            value={query}
            placeholder={t('drills.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <p className="scenario-picks-count" role="status">
          {t('drills.pickedCount', { count: picked.length })}
        </p>
        {picked.length > 0 ? (
          <button type="button" className="secondary small-button" onClick={() => onChange([])}>
            {t('drills.clearPicks')}
          </button>
        ) : null}
      </div>
      {shown.length === 0 ? <p className="muted">{t('drills.noScenarioFound')}</p> : null}
      {groupByUnit(shown, units).map((group) => (
        <PickGroup
          key={group.unit?.id ?? ''}
          name={group.unit?.name ?? t('drills.outsidePath')}
          group={group}
          chosen={chosen}
          onSet={set}
        />
      ))}
    </fieldset>
  );
}

function PickGroup({
  name,
  group,
  chosen,
  onSet,
}: {
  name: string;
  group: UnitGroup<PlayableScenario>;
  chosen: ReadonlySet<string>;
  onSet: (ids: readonly string[], on: boolean) => void;
}) {
  const { t } = useTranslation('staff');
  const ids = group.scenarios.map((s) => s.id);
  const count = ids.filter((id) => chosen.has(id)).length;
  const all = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (all.current) all.current.indeterminate = count > 0 && count < ids.length;
  });
  return (
    <section className="pick-group" aria-label={name}>
      <div className="pick-group-head">
        <h3>{name}</h3>
        <label className="check">
          <input
            ref={all}
            type="checkbox"
            checked={count === ids.length}
            aria-label={t('drills.selectGroup', { name })}
            onChange={(e) => onSet(ids, e.target.checked)}
          />
          {t('drills.selectAll', { picked: count, total: ids.length })}
        </label>
      </div>
      {group.levels.map((level) => (
        <div key={level.difficulty} className="pick-level">
          <span className="muted small">{t('drills.level', { level: level.difficulty })}</span>
          <div className="pick-list">
            {level.scenarios.map((s) => (
              <label key={s.id} className="check">
                {/* Named by its title alone; the products beside it are a hint. */}
                <input
                  type="checkbox"
                  aria-label={s.title}
                  checked={chosen.has(s.id)}
                  onChange={(e) => onSet([s.id], e.target.checked)}
                />
                <span>
                  {s.title}
                  {s.productNames.length > 0 ? (
                    <small className="muted"> · {s.productNames.join('、')}</small>
                  ) : null}
                </span>
              </label>
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}

export function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (n: number) => void;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="number"
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
    </label>
  );
}

/** How the buyers arrive, the same bounds in a drill and an exam: buyers per student, the interval between
 * them and how many talk at once. */
export function MixFields(props: {
  shoppers: number;
  interval: number;
  concurrency: number;
  onShoppers: (n: number) => void;
  onInterval: (n: number) => void;
  onConcurrency: (n: number) => void;
}) {
  const { t } = useTranslation('staff');
  return (
    <>
      <NumberField
        label={t('drills.shoppers')}
        value={props.shoppers}
        min={1}
        max={50}
        onChange={props.onShoppers}
      />
      <NumberField
        label={t('drills.interval')}
        value={props.interval}
        min={0}
        max={3600}
        onChange={props.onInterval}
      />
      <NumberField
        label={t('drills.concurrency')}
        value={props.concurrency}
        min={1}
        max={10}
        onChange={props.onConcurrency}
      />
    </>
  );
}
