// Change password: required before anything else after a one-time or admin-set password.
import type { UserView } from '@kefu/shared/protocol';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { useSession } from '../stores/index.ts';

export default function ChangePassword({
  onChanged,
  onLogout,
}: {
  onChanged: (user: UserView) => void;
  onLogout: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const user = useSession((s) => s.user);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    if (newPassword !== String(form.get('confirm') ?? '')) {
      setError(t('auth.mismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.auth.changePassword({ body: { currentPassword, newPassword } });
      const me = await api.auth.me();
      onChanged(me.user);
    } catch (err) {
      setError(err instanceof Error ? err.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
        <div className="auth-head">
          <h1 id={`${id}-title`}>{t('auth.passwordTitle')}</h1>
          <LanguageSwitch />
        </div>
        {user?.mustChangePassword ? <p className="muted">{t('auth.mustChange')}</p> : null}
        <label htmlFor={`${id}-current`}>{t('auth.currentPassword')}</label>
        <input
          id={`${id}-current`}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
        <label htmlFor={`${id}-new`}>{t('auth.newPassword')}</label>
        <input
          id={`${id}-new`}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          aria-describedby={`${id}-hint`}
        />
        <small id={`${id}-hint`} className="muted">
          {t('auth.passwordHint')}
        </small>
        <label htmlFor={`${id}-confirm`}>{t('auth.confirmPassword')}</label>
        <input id={`${id}-confirm`} name="confirm" type="password" autoComplete="new-password" required />
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('auth.working') : t('auth.changePassword')}
        </button>
        <button type="button" className="link-button" onClick={onLogout}>
          {t('app.logout')}
        </button>
      </form>
    </div>
  );
}
