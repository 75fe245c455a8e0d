// The class's trainers (评估导师), for its instructor and admins: who is assigned, a search over the trainer
// accounts to add one, and removal behind a confirmation. An assigned trainer reads the class's reports,
// grades its students as enterprise mentor and exports its grades.
import type { TrainerChoice } from '@kefu/shared/protocol';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { useLoad } from '../../api/use-load.ts';
import { useServices } from '../../app/context.tsx';
import { ConfirmDialog } from '../../forms/ConfirmDialog.tsx';
import { FormError } from '../../forms/FormError.tsx';
import { useSubmit } from '../../forms/use-submit.ts';

/** How many matches the picker lists at once; typing narrows the rest. */
export const TRAINER_MATCHES_SHOWN = 8;

const byName = (a: TrainerChoice, b: TrainerChoice) =>
  a.displayName.localeCompare(b.displayName, 'zh-CN') || a.username.localeCompare(b.username);

export function ClassTrainers({ classId, className }: { classId: string; className: string }) {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  const { data, error, reload } = useLoad(routes.classes.trainerChoices, { params: { id: classId } });
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TrainerChoice | null>(null);
  const ids = { title: useId(), search: useId(), assigned: useId(), matches: useId() };
  const trainers = useMemo(() => [...(data?.trainers ?? [])].sort(byName), [data]);
  const assigned = trainers.filter((tr) => tr.assigned);
  const free = trainers.filter((tr) => !tr.assigned);
  const needle = query.trim().toLowerCase();
  const matches = needle
    ? free.filter(
        (tr) => tr.displayName.toLowerCase().includes(needle) || tr.username.toLowerCase().includes(needle),
      )
    : free;
  const shown = matches.slice(0, TRAINER_MATCHES_SHOWN);

  const add = useSubmit(async (trainer: TrainerChoice) => {
    setStatus(null);
    await api.classes.addMember({ params: { id: classId }, body: { userId: trainer.id, role: 'trainer' } });
    setQuery('');
    setStatus(t('trainers.added', { name: trainer.displayName }));
    reload();
  });
  async function remove() {
    if (!removing) return;
    await api.classes.removeMember({ params: { id: classId, userId: removing.id } });
    setStatus(t('trainers.removed', { name: removing.displayName }));
    setRemoving(null);
    reload();
  }

  return (
    <section className="staff-card class-trainers no-print" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('trainers.title')}</h2>
      <p className="muted small">{t('trainers.hint')}</p>
      <FormError error={error} />
      {data ? (
        <>
          {assigned.length === 0 ? (
            <p className="muted">{t('trainers.none')}</p>
          ) : (
            <ul className="trainer-list" aria-label={t('trainers.assigned')}>
              {assigned.map((tr) => (
                <li key={tr.id}>
                  <span>
                    {tr.displayName} <span className="muted">{tr.username}</span>
                  </span>
                  <button
                    type="button"
                    className="secondary small-button"
                    aria-label={t('trainers.removeWho', { name: tr.displayName })}
                    onClick={() => setRemoving(tr)}
                  >
                    {t('trainers.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h3 className="trainer-add-title">{t('trainers.add')}</h3>
          {trainers.length === 0 ? (
            <p className="muted">{t('trainers.noAccounts')}</p>
          ) : free.length === 0 ? (
            <p className="muted">{t('trainers.allAssigned')}</p>
          ) : (
            <div className="trainer-picker">
              <label htmlFor={ids.search} className="sr-only">
                {t('trainers.search')}
              </label>
              <input
                id={ids.search}
                type="search"
                value={query}
                placeholder={t('trainers.search')}
                aria-controls={ids.matches}
                onChange={(e) => setQuery(e.target.value)}
              />
              <ul id={ids.matches} className="trainer-list" aria-label={t('trainers.matches')}>
                {shown.map((tr) => (
                  <li key={tr.id}>
                    <span>
                      {tr.displayName} <span className="muted">{tr.username}</span>
                    </span>
                    <button
                      type="button"
                      className="primary small-button"
                      aria-label={t('trainers.addWho', { name: tr.displayName })}
                      disabled={add.busy}
                      onClick={() => void add.run(tr)}
                    >
                      {t('trainers.addButton')}
                    </button>
                  </li>
                ))}
              </ul>
              <p className="muted small" aria-live="polite">
                {matches.length === 0
                  ? t('trainers.noMatch', { query: query.trim() })
                  : matches.length > shown.length
                    ? t('trainers.more', { count: matches.length - shown.length })
                    : ''}
              </p>
            </div>
          )}
          <FormError error={add.error} />
          {status ? (
            <p className="good" role="status">
              {status}
            </p>
          ) : null}
        </>
      ) : error ? null : (
        <p className="muted">{t('common.loading')}</p>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('trainers.removeTitle')}
        message={t('trainers.removeMessage', { name: removing?.displayName ?? '', className })}
        confirmLabel={t('trainers.removeConfirm')}
        cancelLabel={t('common.cancel')}
        danger
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}
