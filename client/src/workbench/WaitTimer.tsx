// The waiting timer of one conversation: time since the first unanswered buyer message, on the server clock,
// coloured against the benchmarks of the conversation's rubric (the class's, which instructors can edit).
import type { Benchmarks } from '@kefu/shared/scoring/benchmarks';
import { useTranslation } from 'react-i18next';
import { useNow } from '../app/clock.ts';
import { useServices } from '../app/context.tsx';
import { useConversations } from '../stores/index.ts';
import { formatWait, waitLevel } from './format.ts';

export function WaitTimer({ since, benchmarks }: { since: number; benchmarks: Benchmarks }) {
  const { t } = useTranslation();
  const { ticker } = useServices();
  const offset = useConversations((s) => s.clockOffset);
  const now = useNow(ticker) + offset;
  const waited = now - since;
  const level = waitLevel(waited, benchmarks);
  const text = formatWait(waited);
  return (
    <span className={`wait wait-${level}`} data-level={level} title={t('workbench.waiting', { time: text })}>
      {text}
    </span>
  );
}
