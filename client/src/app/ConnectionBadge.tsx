// Always-visible connection status, announced politely to screen readers when it changes.
import { useTranslation } from 'react-i18next';
import { useConnection } from '../stores/index.ts';

export function ConnectionBadge() {
  const { t } = useTranslation();
  const status = useConnection((s) => s.status);
  return (
    <output
      className={`connection connection-${status}`}
      aria-live="polite"
      aria-label={t('connection.label')}
      data-status={status}
    >
      <span className="dot" aria-hidden="true" />
      {t(`connection.${status}`)}
    </output>
  );
}
