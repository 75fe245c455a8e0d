// The composer: Enter sends, Shift+Enter breaks the line, `/` + code completes a quick phrase. The draft
// lives in the drafts store (per conversation), so switching conversations or reconnecting keeps it.
import type { Phrase } from '@kefu/shared/scenario/schema';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { MAX_MESSAGE_CHARS } from '../conversation/outgoing.ts';
import { useCatalog, useConversations, useDrafts, useStores, useUi } from '../stores/index.ts';
import { PhrasePanel } from './PhrasePanel.tsx';
import { completeSlash, findSlashToken, matchPhrases } from './slash.ts';

export function Composer({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { gateway } = useServices();
  const stores = useStores();
  const draft = useDrafts((s) => s.byConversation[conversationId] ?? '');
  const closed = useConversations((s) => {
    const entry = s.byId[conversationId];
    return !entry || entry.ended || entry.left;
  });
  const phrases = useCatalog((s) => s.phrases);
  const panelOpen = useUi((s) => s.phrasePanelOpen);
  const focusRequest = useUi((s) => s.composerFocusRequest);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(draft.length);
  const [selected, setSelected] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const listId = useId();
  const hintId = useId();

  useEffect(() => {
    if (focusRequest > 0) inputRef.current?.focus();
  }, [focusRequest]);

  const token = useMemo(() => findSlashToken(draft, caret), [draft, caret]);
  const matches = useMemo(
    () => (token && token.start !== dismissed ? matchPhrases(phrases, token.code) : []),
    [token, phrases, dismissed],
  );
  const completing = matches.length > 0;
  const tooLong = draft.length > MAX_MESSAGE_CHARS;

  function setDraftAndCaret(text: string, nextCaret: number, origin?: Phrase) {
    stores.drafts
      .getState()
      .setDraft(conversationId, text, origin ? { phraseId: origin.id, text } : undefined);
    setCaret(nextCaret);
    requestAnimationFrame(() => inputRef.current?.setSelectionRange(nextCaret, nextCaret));
  }

  function complete(phrase: Phrase) {
    if (!token) return;
    const next = completeSlash(draft, token, phrase);
    // Only an unedited phrase on its own counts as sending the phrase.
    setDraftAndCaret(next.text, next.caret, next.text === phrase.text ? phrase : undefined);
    setSelected(0);
  }

  function send() {
    const text = draft.trim();
    if (!text || tooLong || closed) return;
    const origin = stores.drafts.getState().origins[conversationId];
    const fromPhrase = origin && origin.text.trim() === text;
    const sent = gateway.send(
      conversationId,
      fromPhrase ? { text, source: 'phrase', phraseId: origin.phraseId } : { text, source: 'typed' },
    );
    if (sent === null) return; // no live session yet: keep the draft
    stores.drafts.getState().clear(conversationId);
    setCaret(0);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    // An IME is composing Chinese: Enter picks the candidate, it must not send.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (completing) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const delta = e.key === 'ArrowDown' ? 1 : -1;
        setSelected((i) => (i + delta + matches.length) % matches.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        const phrase = matches[Math.min(selected, matches.length - 1)];
        if (phrase) complete(phrase);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setDismissed(token?.start ?? null);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      send();
    }
  }

  const activeOption = completing ? `${listId}-${Math.min(selected, matches.length - 1)}` : undefined;

  return (
    <div className="composer">
      {panelOpen ? <PhrasePanel conversationId={conversationId} /> : null}
      <div className="composer-toolbar">
        <button
          type="button"
          className="tool-button"
          aria-pressed={panelOpen}
          aria-keyshortcuts="Alt+P"
          onClick={() => stores.ui.getState().setPhrasePanel(!panelOpen)}
        >
          {t('composer.phrases')}
        </button>
        {tooLong ? (
          <span className="composer-error" role="alert">
            {t('composer.tooLong', { max: MAX_MESSAGE_CHARS })}
          </span>
        ) : closed ? (
          <span className="composer-hint">{t('composer.ended')}</span>
        ) : null}
      </div>
      {completing ? (
        <div className="completions" id={listId} role="listbox" aria-label={t('composer.completions')}>
          {matches.map((phrase, index) => (
            <div
              key={phrase.id}
              id={`${listId}-${index}`}
              role="option"
              // Options are chosen with the arrows from the textarea (aria-activedescendant), not tabbed to.
              tabIndex={-1}
              aria-selected={index === selected}
              className={index === selected ? 'selected' : undefined}
              onMouseDown={(e) => {
                e.preventDefault(); // keep focus in the textarea
                complete(phrase);
              }}
            >
              <code>/{phrase.code}</code> <strong>{phrase.title ?? ''}</strong> <span>{phrase.text}</span>
            </div>
          ))}
        </div>
      ) : null}
      <div className="composer-row">
        <textarea
          ref={inputRef}
          className="composer-input"
          aria-label={t('composer.label')}
          aria-describedby={hintId}
          aria-keyshortcuts="Alt+I"
          aria-autocomplete="list"
          aria-controls={completing ? listId : undefined}
          aria-activedescendant={activeOption}
          aria-expanded={completing}
          role="combobox"
          placeholder={t('composer.placeholder')}
          value={draft}
          rows={3}
          onChange={(e) => {
            stores.drafts.getState().setDraft(conversationId, e.target.value);
            setCaret(e.target.selectionStart);
            setSelected(0);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="send-button"
          onClick={send}
          disabled={!draft.trim() || tooLong || closed}
        >
          {t('composer.send')}
        </button>
      </div>
      <span id={hintId} className="sr-only">
        {t('composer.placeholder')}
      </span>
    </div>
  );
}
