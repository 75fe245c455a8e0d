// The one way a form or a page says what went wrong: an alert read out by screen readers, nothing when fine.
export function FormError({ error, id }: { error: string | null | undefined; id?: string }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert" id={id}>
      {error}
    </p>
  );
}
