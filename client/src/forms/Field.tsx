// A labelled form field: the label tied to its control, an optional hint the control is described by.
// `children` receives the ids to put on the control (input, select, textarea…).
import { type ReactNode, useId } from 'react';

export interface FieldControl {
  id: string;
  'aria-describedby'?: string;
}

export function Field({
  label,
  hint,
  className = 'field',
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <p className={className}>
      <label htmlFor={id}>{label}</label>
      {children(hint ? { id, 'aria-describedby': hintId } : { id })}
      {hint ? (
        <small id={hintId} className="muted">
          {hint}
        </small>
      ) : null}
    </p>
  );
}
