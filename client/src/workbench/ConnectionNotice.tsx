// What a student does while the server cannot be reached: the top bar's badge says the state, this says
// what to do (keep the page open, replies go out by themselves, whom to ask). Only the workbench shows it.
import { useTranslation } from 'react-i18next';
import { useConnection } from '../stores/index.ts';

export function ConnectionNotice() {
  const { t } = useTranslation();
  const down = useConnection((s) => s.status === 'reconnecting');
  if (!down) return null;
  // Not a live region: the badge in the top bar already announces the change.
  return <p className="workbench-notice">{t('workbench.connectionLost')}</p>;
}
