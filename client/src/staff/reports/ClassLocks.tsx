// Students of the class locked out of logging in (too many wrong passwords were tried at their account, maybe
// by someone guessing at it), for its instructor and admins: the student is told to ask them, and they, who
// can tell the student in front of them from a guesser, lift the lock behind a confirmation. The password
// stays as it is; the server keeps who lifted it in its audit log. Shown only while someone is locked out.
import type { LockedStudent } from '@kefu/shared/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { useLoad } from '../../api/use-load.ts';
import { useServices } from '../../app/context.tsx';
import { ConfirmDialog } from '../../forms/ConfirmDialog.tsx';
import { FormError } from '../../forms/FormError.tsx';

export function ClassLocks({ classId }: { classId: string }) {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  const { data, error, reload } = useLoad(routes.classes.lockedStudents, { params: { id: classId } });
  const [unlocking, setUnlocking] = useState<LockedStudent | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const titleId = useId();
  const students = data?.students ?? [];

  async function unlock() {
    if (!unlocking) return;
    await api.classes.unlockStudent({ params: { id: classId, userId: unlocking.id } });
    setStatus(t('locks.unlocked', { name: unlocking.displayName }));
    setUnlocking(null);
    reload();
  }

  if (!error && students.length === 0 && !status) return null;
  return (
    <section className="staff-card class-trainers no-print" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('locks.title')}</h2>
      <p className="muted small">{t('locks.hint')}</p>
      <FormError error={error} />
      {students.length > 0 ? (
        <ul className="trainer-list" aria-label={t('locks.title')}>
          {students.map((s) => (
            <li key={s.id}>
              <span>
                {s.displayName} <span className="muted">{s.username}</span>{' '}
                <span className="muted small">{t('locks.minutes', { count: s.minutes })}</span>
              </span>
              <button
                type="button"
                className="primary small-button"
                aria-label={t('locks.unlockWho', { name: s.displayName })}
                onClick={() => setUnlocking(s)}
              >
                {t('locks.unlock')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {status ? (
        <p className="good" role="status">
          {status}
        </p>
      ) : null}
      <ConfirmDialog
        open={unlocking !== null}
        title={t('locks.confirmTitle')}
        message={t('locks.confirmMessage', { name: unlocking?.displayName ?? '' })}
        confirmLabel={t('locks.unlock')}
        cancelLabel={t('common.cancel')}
        onConfirm={unlock}
        onCancel={() => setUnlocking(null)}
      />
    </section>
  );
}
