// The composer's emoji picker: a small built-in set a shop agent uses (smiles, thanks, gifts, parcels), no
// emoji library. A grid of buttons: the arrows move between them, Enter picks, Escape closes.
import { type KeyboardEvent, useEffect, useRef } from 'react';

export const EMOJIS = [
  '😊',
  '😄',
  '🙂',
  '😉',
  '😁',
  '🥰',
  '😘',
  '🤗',
  '😂',
  '😅',
  '🤔',
  '😔',
  '😢',
  '🙏',
  '👍',
  '👌',
  '👋',
  '✌️',
  '🤝',
  '💪',
  '❤️',
  '🌹',
  '💐',
  '🎁',
  '🎉',
  '✨',
  '🌟',
  '☀️',
  '🍀',
  '📦',
  '🚚',
  '⏰',
] as const;

/** Buttons per row: the arrows move by one, up and down by a row. */
const COLUMNS = 8;

export function EmojiPicker({
  label,
  onPick,
  onClose,
}: {
  label: string;
  onPick: (emoji: string) => void;
  onClose: () => void;
}) {
  const grid = useRef<HTMLDivElement>(null);

  useEffect(() => {
    grid.current?.querySelector('button')?.focus();
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const buttons = [...(grid.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[(at + step + buttons.length) % buttons.length]?.focus();
  }

  return (
    <div className="emoji-picker" role="dialog" aria-label={label} onKeyDown={onKeyDown}>
      <div ref={grid} className="emoji-grid">
        {EMOJIS.map((emoji) => (
          <button key={emoji} type="button" className="emoji" onClick={() => onPick(emoji)}>
            {emoji}
          </button>
        ))}
      </div>
    </div>
  );
}
