// "对方正在输入…": shown from the buyer's typing signal until their message lands (or 8 s pass).
import { useTranslation } from 'react-i18next';
import { useClockValue } from '../app/clock.ts';
import { useServices } from '../app/context.tsx';
import { useConversations } from '../stores/index.ts';

const TYPING_SHOWN_MS = 8_000;

export function TypingIndicator({ conversationId }: { conversationId: string }) {
  const typingAt = useConversations((s) => s.byId[conversationId]?.typingAt ?? null);
  return <div className="typing-slot">{typingAt !== null ? <TypingSince at={typingAt} /> : null}</div>;
}

function TypingSince({ at }: { at: number }) {
  const { t } = useTranslation();
  const { ticker } = useServices();
  const offset = useConversations((s) => s.clockOffset);
  const shown = useClockValue(ticker, (now) => now + offset - at <= TYPING_SHOWN_MS);
  if (!shown) return null;
  return (
    <output className="typing" aria-live="polite">
      <span className="dots" aria-hidden="true">
        <i />
        <i />
        <i />
      </span>
      {t('workbench.typing')}
    </output>
  );
}
