// A modal confirmation for actions that are hard to undo (end a drill for the whole class, reset a password).
// A native <dialog> opened with showModal: focus moves into it and stays there, Esc cancels, and the safe
// choice (cancel) has the focus first, so a stray Enter does nothing harmful.
import { useEffect, useId, useRef } from 'react';
import { FormError } from './FormError.tsx';
import { useSubmit } from './use-submit.ts';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in the reader's words. */
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Red confirm button: the action affects other people or cannot be undone. */
  danger?: boolean;
  /** May be async: the buttons stay disabled until it settles; a thrown error is shown in the dialog. */
  onConfirm: () => unknown;
  onCancel: () => void;
  /** Extra fields (e.g. an optional new password). */
  children?: React.ReactNode;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, message, confirmLabel, cancelLabel, danger, onConfirm, onCancel, children } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const messageId = useId();
  const confirm = useSubmit(async () => onConfirm());
  const { busy, error, fail } = confirm;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      fail(null);
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open, fail]);

  return (
    <dialog
      ref={ref}
      className="dialog confirm-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={(e) => {
        // Esc: close through React state so `open` stays the single source of truth.
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <p id={messageId}>{message}</p>
      {children}
      <FormError error={error} />
      <div className="confirm-actions">
        <button ref={cancelRef} type="button" className="secondary" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className={danger ? 'primary danger' : 'primary'}
          disabled={busy}
          onClick={() => void confirm.run()}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
