// Student self-registration with the class join code; the server logs the new student in.
import type { LoginResponse } from '@kefu/shared/protocol';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { useStores } from '../stores/index.ts';

export default function Register({ onLoggedIn }: { onLoggedIn: (user: LoginResponse['user']) => void }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const stores = useStores();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    setBusy(true);
    setError(null);
    try {
      const { user } = await api.auth.register({
        body: {
          joinCode: field('joinCode').trim(),
          username: field('username').trim(),
          displayName: field('displayName').trim(),
          password: field('password'),
        },
      });
      onLoggedIn(user);
    } catch (err) {
      setError(err instanceof Error ? err.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  }

  const fields = [
    { name: 'joinCode', label: t('auth.joinCode'), hint: t('auth.joinCodeHint'), auto: 'off', type: 'text' },
    {
      name: 'username',
      label: t('auth.username'),
      hint: t('auth.usernameHint'),
      auto: 'username',
      type: 'text',
    },
    { name: 'displayName', label: t('auth.displayName'), hint: '', auto: 'name', type: 'text' },
    {
      name: 'password',
      label: t('auth.password'),
      hint: t('auth.passwordHint'),
      auto: 'new-password',
      type: 'password',
    },
  ];

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={onSubmit} aria-labelledby="register-title">
        <div className="auth-head">
          <h1 id="register-title">{t('auth.registerTitle')}</h1>
          <LanguageSwitch />
        </div>
        {fields.map((f) => (
          <div key={f.name} className="field">
            <label htmlFor={`${id}-${f.name}`}>{f.label}</label>
            <input
              id={`${id}-${f.name}`}
              name={f.name}
              type={f.type}
              autoComplete={f.auto}
              required
              aria-describedby={f.hint ? `${id}-${f.name}-hint` : undefined}
              minLength={f.name === 'password' ? 8 : undefined}
            />
            {f.hint ? (
              <small id={`${id}-${f.name}-hint`} className="muted">
                {f.hint}
              </small>
            ) : null}
          </div>
        ))}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('auth.working') : t('auth.register')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => stores.session.getState().go({ name: 'login' })}
        >
          {t('auth.toLogin')}
        </button>
      </form>
    </div>
  );
}
