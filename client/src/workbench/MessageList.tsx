// The chat history, virtualised: only the rows in view are in the DOM, so thousands of messages scroll
// and type as smoothly as ten. It follows the newest message unless the student scrolled up to read.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import type { ChatItem } from '../conversation/chat-item.ts';
import { useConversations } from '../stores/index.ts';
import { MessageRow } from './MessageRow.tsx';

const EMPTY: ChatItem[] = [];
/** A row's height before it is measured (px). */
const ESTIMATED_ROW = 64;

export function MessageList({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { gateway } = useServices();
  const items = useConversations((s) => s.byId[conversationId]?.items ?? EMPTY);
  const buyerName = useConversations((s) => s.byId[conversationId]?.view.buyer.name ?? '');
  const productId = useConversations((s) => s.byId[conversationId]?.view.products[0]);
  // A message refused because the conversation ended can never go out: no 重试 that would fail again.
  const closed = useConversations((s) => !!(s.byId[conversationId]?.ended || s.byId[conversationId]?.left));
  const scrollRef = useRef<HTMLDivElement>(null);
  const followRef = useRef(true);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 6,
    getItemKey: (index) => items[index]?.key ?? index,
    initialRect: { width: 600, height: 600 },
    // Open at the newest message: the first render lays out the last rows, rather than the oldest ones and
    // then, after the jump to the end, the last ones too (a trace of 5,000 messages spent 100 ms on that).
    initialOffset: () => items.length * ESTIMATED_ROW,
  });

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    followRef.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
  }, []);

  useLayoutEffect(() => {
    if (followRef.current && items.length > 0) virtualizer.scrollToIndex(items.length - 1, { align: 'end' });
  }, [items.length, virtualizer]);

  // The history gets shorter when the phrase panel opens (or the window shrinks): keep following the
  // newest message rather than letting it slip out of view.
  const count = useRef(items.length);
  count.current = items.length;
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (followRef.current && count.current > 0) {
        virtualizer.scrollToIndex(count.current - 1, { align: 'end' });
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [virtualizer]);

  const onRetry = useCallback((id: string) => gateway.retry(conversationId, id), [gateway, conversationId]);

  return (
    <div
      ref={scrollRef}
      className="msg-scroll"
      onScroll={onScroll}
      role="log"
      aria-live="polite"
      aria-label={t('workbench.messages')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the history must be scrollable from the keyboard
      tabIndex={0}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (!item) return null;
          return (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className="msg-slot"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <MessageRow
                item={item}
                buyerName={buyerName}
                productId={productId}
                onRetry={closed ? undefined : onRetry}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
