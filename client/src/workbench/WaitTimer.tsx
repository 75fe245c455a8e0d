// The waiting timer of one conversation: time since the first unanswered buyer message, on the server clock.
import { useTranslation } from 'react-i18next';
import { useNow } from '../app/clock.ts';
import { useServices } from '../app/context.tsx';
import { useConversations } from '../stores/index.ts';
import { formatWait, waitLevel } from './format.ts';

export function WaitTimer({ since }: { since: number }) {
  const { t } = useTranslation();
  const { ticker } = useServices();
  const offset = useConversations((s) => s.clockOffset);
  const now = useNow(ticker) + offset;
  const waited = now - since;
  const level = waitLevel(waited);
  const text = formatWait(waited);
  return (
    <span className={`wait wait-${level}`} data-level={level} title={t('workbench.waiting', { time: text })}>
      {text}
    </span>
  );
}
