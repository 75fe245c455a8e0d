// The waiting timer of one conversation: time since the first unanswered buyer message, on the server clock,
// coloured against the benchmarks of the conversation's rubric (the class's, which instructors can edit).
import type { Benchmarks } from '@kefu/shared/scoring/benchmarks';
import { useTranslation } from 'react-i18next';
import { useClockValue } from '../app/clock.ts';
import { useServices } from '../app/context.tsx';
import { useConversations } from '../stores/index.ts';
import { formatWait, waitLevel } from './format.ts';

export function WaitTimer({ since, benchmarks }: { since: number; benchmarks: Benchmarks }) {
  const { t } = useTranslation();
  const { ticker } = useServices();
  const offset = useConversations((s) => s.clockOffset);
  // Rendered when the text or the colour changes, not on every tick.
  const level = useClockValue(ticker, (now) => waitLevel(now + offset - since, benchmarks));
  const text = useClockValue(ticker, (now) => formatWait(now + offset - since));
  return (
    <span className={`wait wait-${level}`} data-level={level} title={t('workbench.waiting', { time: text })}>
      {text}
    </span>
  );
}
