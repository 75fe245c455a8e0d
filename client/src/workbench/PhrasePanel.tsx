// The quick-phrase panel: grouped and searchable. Clicking a phrase puts it in the composer to edit;
// the send button beside it sends it as is. Either way its variables are filled from the open conversation;
// one with no value yet (no order, no 订单号) goes to the composer for the student to fill, never out as is.
// Once the buyer has left or the conversation ended nothing can go out: the send buttons are off.
import type { Phrase } from '@kefu/shared/scenario/schema';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { useCatalog, useConversations, useStores } from '../stores/index.ts';
import { filledPhrase, phraseValuesOf } from './phrase-values.ts';
import { phraseMatches } from './slash.ts';

export function PhrasePanel({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { gateway } = useServices();
  const stores = useStores();
  const groups = useCatalog((s) => s.groups);
  const closed = useConversations((s) => !!(s.byId[conversationId]?.ended || s.byId[conversationId]?.left));
  const [query, setQuery] = useState('');
  const searchId = useId();

  const visible = useMemo(
    () =>
      groups
        .map((group) => ({ ...group, phrases: group.phrases.filter((p) => phraseMatches(p, query)) }))
        .filter((group) => group.phrases.length > 0),
    [groups, query],
  );

  function close() {
    stores.ui.getState().setPhrasePanel(false);
    stores.ui.getState().focusComposer();
  }

  function fill(phrase: Phrase) {
    const entry = stores.conversations.getState().byId[conversationId];
    return filledPhrase(phrase, phraseValuesOf(entry, stores.catalog.getState().products));
  }

  function insert(phrase: Phrase) {
    const filled = fill(phrase);
    const drafts = stores.drafts.getState();
    const current = drafts.byConversation[conversationId] ?? '';
    const text = current ? `${current}${filled.text}` : filled.text;
    drafts.setDraft(conversationId, text, { ...filled.origin, text });
    close();
  }

  function sendNow(phrase: Phrase) {
    const filled = fill(phrase);
    if (filled.unfilled) {
      insert(phrase); // a variable to fill: the composer selects it
      return;
    }
    gateway.send(conversationId, {
      text: filled.text,
      source: 'phrase',
      phraseId: phrase.id,
      ...(phrase.image !== undefined && { image: phrase.image }),
    });
    close();
  }

  return (
    <section
      className="phrase-panel"
      aria-label={t('phrases.title')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="phrase-head">
        <label htmlFor={searchId} className="sr-only">
          {t('phrases.search')}
        </label>
        <input
          id={searchId}
          type="search"
          // biome-ignore lint/a11y/noAutofocus: opening the panel is a request to search it
          autoFocus
          placeholder={t('phrases.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="link-button" onClick={close}>
          {t('phrases.close')}
        </button>
      </div>
      <div className="phrase-groups">
        {visible.length === 0 ? <p className="empty">{t('phrases.empty')}</p> : null}
        {visible.map((group) => (
          <section key={group.id} className="phrase-group" aria-label={group.name}>
            <h3>{group.name}</h3>
            <ul>
              {group.phrases.map((phrase) => (
                <li key={phrase.id} className="phrase-item">
                  <button
                    type="button"
                    className="phrase-insert"
                    onClick={() => insert(phrase)}
                    aria-label={`${t('phrases.insert')}${t('app.colon')}${phrase.title ?? phrase.text}`}
                  >
                    <span className="phrase-title">
                      {phrase.title ?? ''} <code>/{phrase.code}</code>
                      {phrase.image ? <span className="phrase-picture">{t('phrases.picture')}</span> : null}
                    </span>
                    <span className="phrase-text">{phrase.text}</span>
                  </button>
                  <button
                    type="button"
                    className="phrase-send"
                    disabled={closed}
                    onClick={() => sendNow(phrase)}
                    aria-label={`${t('phrases.send')}${t('app.colon')}${phrase.title ?? phrase.text}`}
                  >
                    {t('phrases.send')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
