// Login screen. Errors are the server's own Chinese message.
import type { LoginResponse } from '@kefu/shared/protocol';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { useStores } from '../stores/index.ts';

export function Login({ onLoggedIn }: { onLoggedIn: (user: LoginResponse['user']) => void }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const stores = useStores();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const userId = useId();
  const passId = useId();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const { user } = await api.auth.login({
        body: {
          username: String(form.get('username') ?? '').trim(),
          password: String(form.get('password') ?? ''),
        },
      });
      onLoggedIn(user);
    } catch (err) {
      setError(err instanceof Error ? err.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={onSubmit} aria-labelledby="login-title">
        <div className="auth-head">
          <h1 id="login-title">{t('auth.loginTitle')}</h1>
          <LanguageSwitch />
        </div>
        <label htmlFor={userId}>{t('auth.username')}</label>
        <input id={userId} name="username" autoComplete="username" required />
        <label htmlFor={passId}>{t('auth.password')}</label>
        <input id={passId} name="password" type="password" autoComplete="current-password" required />
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('auth.working') : t('auth.login')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => stores.session.getState().go({ name: 'register' })}
        >
          {t('auth.toRegister')}
        </button>
      </form>
    </div>
  );
}
