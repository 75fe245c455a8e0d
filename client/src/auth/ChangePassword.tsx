// Change password: required before anything else after a one-time or admin-set password, and open to
// everyone later (`#/password`, linked from their home), with a way back.
import type { UserView } from '@kefu/shared/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { Field } from '../forms/Field.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useSubmit } from '../forms/use-submit.ts';
import { useSession } from '../stores/index.ts';

export default function ChangePassword({
  onChanged,
  onBack,
  onLogout,
}: {
  onChanged: (user: UserView) => void;
  /** Back where they came from; absent while the change is required. */
  onBack?: () => void;
  onLogout: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const user = useSession((s) => s.user);
  const [done, setDone] = useState(false);
  const change = useSubmit(async (currentPassword: string, newPassword: string) => {
    await api.auth.changePassword({ body: { currentPassword, newPassword } });
    const me = await api.auth.me();
    if (user?.mustChangePassword) onChanged(me.user);
    else setDone(true);
    return true;
  });
  const forced = user?.mustChangePassword ?? false;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const newPassword = String(data.get('newPassword') ?? '');
    if (newPassword !== String(data.get('confirm') ?? '')) {
      change.fail(t('auth.mismatch'));
      return;
    }
    setDone(false);
    void change.run(String(data.get('currentPassword') ?? ''), newPassword).then((ok) => ok && form.reset());
  }

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={onSubmit} aria-labelledby="password-title">
        <div className="auth-head">
          <h1 id="password-title">{t('auth.passwordTitle')}</h1>
          <LanguageSwitch />
        </div>
        {forced ? <p className="muted">{t('auth.mustChange')}</p> : null}
        <Field label={t('auth.currentPassword')}>
          {(control) => (
            <input
              {...control}
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              required
            />
          )}
        </Field>
        <Field label={t('auth.newPassword')} hint={t('auth.passwordHint')}>
          {(control) => (
            <input
              {...control}
              name="newPassword"
              type="password"
              autoComplete="new-password"
              minLength={8}
              required
            />
          )}
        </Field>
        <Field label={t('auth.confirmPassword')}>
          {(control) => (
            <input {...control} name="confirm" type="password" autoComplete="new-password" required />
          )}
        </Field>
        <FormError error={change.error} />
        {done ? (
          <p className="good" role="status">
            {t('auth.changed')}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={change.busy}>
          {change.busy ? t('auth.working') : t('auth.changePassword')}
        </button>
        {!forced && onBack ? (
          <button type="button" className="secondary" onClick={onBack}>
            {t('auth.back')}
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={onLogout}>
          {t('app.logout')}
        </button>
      </form>
    </div>
  );
}
