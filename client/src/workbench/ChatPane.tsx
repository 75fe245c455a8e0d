// The middle pane: who we are talking to, the history, the typing indicator and the composer.
import { useTranslation } from 'react-i18next';
import { useConversations } from '../stores/index.ts';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';
import { TypingIndicator } from './TypingIndicator.tsx';

export function ChatPane({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const name = useConversations((s) => s.byId[conversationId]?.view.buyer.name ?? '');
  const title = useConversations((s) => s.byId[conversationId]?.view.scenarioTitle ?? '');
  return (
    <main className="chat" aria-label={t('workbench.chatWith', { name })}>
      <div className="chat-head">
        <h2>{name}</h2>
        <span className="muted">{title}</span>
      </div>
      <MessageList key={conversationId} conversationId={conversationId} />
      <TypingIndicator conversationId={conversationId} />
      <Composer key={conversationId} conversationId={conversationId} />
    </main>
  );
}
