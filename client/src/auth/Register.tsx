// Student self-registration with the class join code; the server logs the new student in.
import type { LoginResponse } from '@kefu/shared/protocol';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { Field } from '../forms/Field.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useSubmit } from '../forms/use-submit.ts';
import { useStores } from '../stores/index.ts';

export default function Register({ onLoggedIn }: { onLoggedIn: (user: LoginResponse['user']) => void }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const stores = useStores();
  const register = useSubmit(async (form: FormData) => {
    const field = (name: string) => String(form.get(name) ?? '');
    const { user } = await api.auth.register({
      body: {
        joinCode: field('joinCode').trim(),
        username: field('username').trim(),
        displayName: field('displayName').trim(),
        password: field('password'),
      },
    });
    onLoggedIn(user);
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void register.run(new FormData(e.currentTarget));
  }

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={onSubmit} aria-labelledby="register-title">
        <div className="auth-head">
          <h1 id="register-title">{t('auth.registerTitle')}</h1>
          <LanguageSwitch />
        </div>
        <Field label={t('auth.joinCode')} hint={t('auth.joinCodeHint')}>
          {(control) => <input {...control} name="joinCode" autoComplete="off" required />}
        </Field>
        <Field label={t('auth.username')} hint={t('auth.usernameHint')}>
          {(control) => <input {...control} name="username" autoComplete="username" required />}
        </Field>
        <Field label={t('auth.displayName')}>
          {(control) => <input {...control} name="displayName" autoComplete="name" required />}
        </Field>
        <Field label={t('auth.password')} hint={t('auth.passwordHint')}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={8}
              required
            />
          )}
        </Field>
        <FormError error={register.error} />
        <button type="submit" className="primary" disabled={register.busy}>
          {register.busy ? t('auth.working') : t('auth.register')}
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
