// The composer: Enter sends, Shift+Enter breaks the line, `/` + code completes a quick phrase, the emoji
// picker inserts at the caret. The draft lives in the drafts store (per conversation), so switching
// conversations or reconnecting keeps it. A phrase variable left to fill ({订单号} before an order) is
// flagged, selected for the student to type over, and keeps the draft from being sent.
// A keystroke of ordinary text renders nothing (the textarea is not controlled; see `ComposerInput`); the
// labels are translated once by the outer component.
import { fillsPhrase, unfilledVariables } from '@kefu/shared/scenario/phrase-variables';
import type { Phrase } from '@kefu/shared/scenario/schema';
import {
  type KeyboardEvent,
  memo,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { MAX_MESSAGE_CHARS } from '../conversation/outgoing.ts';
import type { PhraseOrigin } from '../stores/drafts.ts';
import { useCatalog, useConversations, useDrafts, useStores, useUi } from '../stores/index.ts';
import { EmojiPicker } from './EmojiPicker.tsx';
import { PhrasePanel } from './PhrasePanel.tsx';
import { filledPhrase, phraseValuesOf } from './phrase-values.ts';
import { completeSlash, findSlashToken, matchPhrases, phraseRelevance, type SlashToken } from './slash.ts';

/** The character counter shows from here on (90 % of the limit). */
export const COUNT_FROM = Math.floor(MAX_MESSAGE_CHARS * 0.9);

/** `{订单号}、{商品}`: the variables a draft still has to fill, in one string (empty when none). */
const unfilledNames = (draft: string) =>
  [...new Set(unfilledVariables(draft).map((v) => `{${v.name}}`))].join('、');

/** Focuses the first variable left to fill, selected, so what the student types replaces it. */
function selectFirstUnfilled(input: HTMLTextAreaElement | null, text: string): boolean {
  const first = unfilledVariables(text)[0];
  if (!input || !first) return false;
  input.focus();
  input.setSelectionRange(first.start, first.end);
  return true;
}

interface Labels {
  input: string;
  placeholder: string;
  send: string;
  completions: string;
}

export function Composer({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const stores = useStores();
  const closed = useConversations((s) => {
    const entry = s.byId[conversationId];
    return !entry || entry.ended || entry.left;
  });
  // The length only near the limit (null before), so typing a normal message re-renders the input alone.
  const nearLimit = useDrafts((s) => {
    const length = s.byConversation[conversationId]?.length ?? 0;
    return length >= COUNT_FROM ? length : null;
  });
  const tooLong = nearLimit !== null && nearLimit > MAX_MESSAGE_CHARS;
  const unfilled = useDrafts((s) => unfilledNames(s.byConversation[conversationId] ?? ''));
  const panelOpen = useUi((s) => s.phrasePanelOpen);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const hintId = useId();
  const labels = useMemo<Labels>(
    () => ({
      input: t('composer.label'),
      placeholder: t('composer.placeholder'),
      send: t('composer.send'),
      completions: t('composer.completions'),
    }),
    [t],
  );

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
        <span className="emoji-anchor">
          <button
            type="button"
            className="tool-button"
            aria-expanded={emojiOpen}
            aria-haspopup="dialog"
            onClick={() => setEmojiOpen(!emojiOpen)}
          >
            {t('composer.emoji')}
          </button>
          {emojiOpen ? (
            <EmojiPicker
              label={t('composer.emojiPicker')}
              onPick={(emoji) => {
                setEmojiOpen(false);
                stores.ui.getState().insertIntoComposer(emoji);
              }}
              onClose={() => {
                setEmojiOpen(false);
                stores.ui.getState().focusComposer();
              }}
            />
          ) : null}
        </span>
        {tooLong ? (
          <span className="composer-error" role="alert">
            {t('composer.tooLong', { max: MAX_MESSAGE_CHARS })}
          </span>
        ) : unfilled ? (
          <span className="composer-error" role="alert">
            {t('composer.unfilled', { names: unfilled })}
          </span>
        ) : closed ? (
          <span className="composer-hint">{t('composer.ended')}</span>
        ) : null}
        {nearLimit !== null ? (
          <span className={`composer-count${tooLong ? ' over' : ''}`}>
            {nearLimit} / {MAX_MESSAGE_CHARS}
          </span>
        ) : null}
      </div>
      <ComposerInput
        conversationId={conversationId}
        closed={closed}
        invalid={unfilled !== ''}
        labels={labels}
        hintId={hintId}
      />
      <span id={hintId} className="sr-only">
        {labels.placeholder}
      </span>
    </div>
  );
}

const sameToken = (a: SlashToken | null, b: SlashToken | null) =>
  a === b || (a !== null && b !== null && a.start === b.start && a.code === b.code);

const ComposerInput = memo(function ComposerInput({
  conversationId,
  closed,
  invalid,
  labels,
  hintId,
}: {
  conversationId: string;
  closed: boolean;
  /** A phrase variable is left to fill. */
  invalid: boolean;
  labels: Labels;
  hintId: string;
}) {
  const { gateway } = useServices();
  const stores = useStores();
  // The textarea is not controlled: the browser owns its text and the drafts store follows it on input;
  // a change made elsewhere (a phrase, a completion, an emoji, a send) is written to it below. What the
  // render needs from the draft stays the same while ordinary text is typed, so a keystroke renders nothing
  // (a controlled textarea re-rendered this component and rewrote the textarea's text node every key).
  const draftNow = () => stores.drafts.getState().byConversation[conversationId] ?? '';
  const [initialDraft] = useState(draftNow);
  const hasText = useDrafts((s) => (s.byConversation[conversationId] ?? '').trim() !== '');
  const tooLong = useDrafts((s) => (s.byConversation[conversationId]?.length ?? 0) > MAX_MESSAGE_CHARS);
  const phrases = useCatalog((s) => s.phrases);
  const groups = useCatalog((s) => s.groups);
  const catalogProducts = useCatalog((s) => s.products);
  // The buyer's products as one string: a primitive, so a conversation update that keeps them renders nothing.
  const productKey = useConversations((s) => (s.byId[conversationId]?.view.products ?? []).join('\n'));
  const focusRequest = useUi((s) => s.composerFocusRequest);
  const insertRequest = useUi((s) => s.composerInsert);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // The `/code` right before the caret: state only when it changes, which ordinary typing never does.
  const [token, setToken] = useState(() => findSlashToken(initialDraft, initialDraft.length));
  const tokenRef = useRef(token);
  const [selected, setSelected] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const listId = useId();

  function followCaret(text: string, caret: number) {
    const next = findSlashToken(text, caret);
    if (sameToken(tokenRef.current, next)) return;
    tokenRef.current = next;
    setToken(next);
  }

  // The draft as the store has it, written to the textarea when it differs (not when the student typed it).
  useLayoutEffect(() => {
    const show = (text: string) => {
      const input = inputRef.current;
      if (input && input.value !== text) input.value = text;
    };
    show(stores.drafts.getState().byConversation[conversationId] ?? '');
    return stores.drafts.subscribe((state) => show(state.byConversation[conversationId] ?? ''));
  }, [stores, conversationId]);

  // Focus asked for (a phrase inserted, Alt+I): on the first variable left to fill, if any.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per request
  useEffect(() => {
    if (focusRequest === 0) return;
    const input = inputRef.current;
    input?.focus();
    if (input && selectFirstUnfilled(input, input.value)) followCaret(input.value, input.selectionEnd);
  }, [focusRequest]);

  // Text to insert at the caret (an emoji), replacing the selection as typing would; a request made
  // before this input mounted (another conversation's) is not replayed.
  const handledInsert = useRef(insertRequest);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per request; the draft is read from the input
  useEffect(() => {
    const input = inputRef.current;
    if (!insertRequest || !input || insertRequest === handledInsert.current) return;
    handledInsert.current = insertRequest;
    const { value, selectionStart, selectionEnd } = input;
    input.focus();
    setDraftAndCaret(
      value.slice(0, selectionStart) + insertRequest.text + value.slice(selectionEnd),
      selectionStart + insertRequest.text.length,
    );
  }, [insertRequest]);

  // Which phrases suit this buyer: worked out when a `/code` opens (not for ordinary typing), then kept
  // while the code is typed, so a keystroke in the code only filters.
  const completingOpen = token !== null;
  const relevance = useMemo(
    () =>
      completingOpen
        ? phraseRelevance(groups, catalogProducts, productKey === '' ? [] : productKey.split('\n'))
        : undefined,
    [completingOpen, groups, catalogProducts, productKey],
  );
  const matches = useMemo(
    () => (token && token.start !== dismissed ? matchPhrases(phrases, token.code, 8, relevance) : []),
    [token, phrases, dismissed, relevance],
  );
  const completing = matches.length > 0;

  function setDraftAndCaret(text: string, nextCaret: number, origin?: PhraseOrigin) {
    stores.drafts.getState().setDraft(conversationId, text, origin);
    followCaret(text, nextCaret);
    requestAnimationFrame(() => {
      const input = inputRef.current;
      // A completed phrase with a variable to fill selects it; otherwise the caret goes after the text.
      if (!(origin && selectFirstUnfilled(input, text))) input?.setSelectionRange(nextCaret, nextCaret);
      // A keyup in between may have read the caret too early.
      followCaret(draftNow(), input?.selectionEnd ?? nextCaret);
    });
  }

  function complete(phrase: Phrase) {
    if (!token) return;
    const entry = stores.conversations.getState().byId[conversationId];
    const filled = filledPhrase(phrase, phraseValuesOf(entry, stores.catalog.getState().products));
    const next = completeSlash(draftNow(), token, filled.text);
    // Only the phrase on its own counts as sending the phrase.
    setDraftAndCaret(next.text, next.caret, next.text === filled.text ? filled.origin : undefined);
    setSelected(0);
  }

  function send() {
    const draft = draftNow();
    const text = draft.trim();
    if (!text || draft.length > MAX_MESSAGE_CHARS || closed) return;
    // "{订单号}" never goes to a buyer: the flag says so, and the variable is selected to type over.
    if (selectFirstUnfilled(inputRef.current, draft)) return;
    const origin = stores.drafts.getState().origins[conversationId];
    const fromPhrase = origin !== undefined && fillsPhrase(text, origin.text.trim());
    const sent = gateway.send(
      conversationId,
      fromPhrase
        ? {
            text,
            source: 'phrase',
            phraseId: origin.phraseId,
            ...(origin.image !== undefined && { image: origin.image }),
          }
        : { text, source: 'typed' },
    );
    if (sent === null) return; // no live session yet: keep the draft
    stores.drafts.getState().clear(conversationId);
    followCaret('', 0);
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
    <>
      {completing ? (
        <div className="completions" id={listId} role="listbox" aria-label={labels.completions}>
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
        {/* A block box around the textarea: a flex item cannot be a relayout boundary in Chromium, so the
            textarea (contain: strict) sits in one, and typing lays out the textarea alone. */}
        <div className="composer-field">
          <textarea
            ref={inputRef}
            className="composer-input"
            aria-label={labels.input}
            aria-describedby={hintId}
            aria-keyshortcuts="Alt+I"
            aria-autocomplete="list"
            aria-controls={completing ? listId : undefined}
            aria-activedescendant={activeOption}
            aria-expanded={completing}
            aria-invalid={invalid || undefined}
            role="combobox"
            placeholder={labels.placeholder}
            defaultValue={initialDraft}
            rows={3}
            onChange={(e) => {
              const { value, selectionStart } = e.target;
              stores.drafts.getState().setDraft(conversationId, value);
              followCaret(value, selectionStart);
              if (tokenRef.current !== null) setSelected(0);
            }}
            // The caret also moves without typing (arrows, clicks): keep the `/` token in step.
            onKeyUp={(e) => followCaret(e.currentTarget.value, e.currentTarget.selectionStart)}
            onClick={(e) => followCaret(e.currentTarget.value, e.currentTarget.selectionStart)}
            onKeyDown={onKeyDown}
          />
        </div>
        <button type="button" className="send-button" onClick={send} disabled={!hasText || tooLong || closed}>
          {labels.send}
        </button>
      </div>
    </>
  );
});
