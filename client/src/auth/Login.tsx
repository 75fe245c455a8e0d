// Login screen. Errors are worded from their code in the UI language.
import type { LoginResponse } from '@kefu/shared/protocol';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { Field } from '../forms/Field.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useSubmit } from '../forms/use-submit.ts';
import { useSession, useStores } from '../stores/index.ts';

export function Login({ onLoggedIn }: { onLoggedIn: (user: LoginResponse['user']) => void }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const stores = useStores();
  const ended = useSession((s) => s.screen.name === 'login' && s.screen.ended === true);
  const login = useSubmit(async (form: FormData) => {
    // `attempt`, not `login`: a wrong password comes back as an answer (thrown as an HttpError by the api),
    // not as a 401 the browser would log in its console as an error.
    const answer = await api.auth.attempt({
      body: {
        username: String(form.get('username') ?? '').trim(),
        password: String(form.get('password') ?? ''),
      },
    });
    if ('user' in answer) onLoggedIn(answer.user);
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void login.run(new FormData(e.currentTarget));
  }

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={onSubmit} aria-labelledby="login-title">
        <div className="auth-head">
          <h1 id="login-title">{t('auth.loginTitle')}</h1>
          <LanguageSwitch />
        </div>
        {ended ? (
          <p className="auth-notice" role="status">
            {t('auth.sessionEnded')}
          </p>
        ) : null}
        <Field label={t('auth.username')}>
          {(control) => <input {...control} name="username" autoComplete="username" required />}
        </Field>
        <Field label={t('auth.password')}>
          {(control) => (
            <input {...control} name="password" type="password" autoComplete="current-password" required />
          )}
        </Field>
        <FormError error={login.error} />
        <button type="submit" className="primary" disabled={login.busy}>
          {login.busy ? t('auth.working') : t('auth.login')}
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
