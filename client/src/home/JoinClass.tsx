// A student who is in no class yet (an account made before the class, or one whose class was closed)
// joins one with the join code their teacher gives out.
import type { ClassView } from '@kefu/shared/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { Field } from '../forms/Field.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useSubmit } from '../forms/use-submit.ts';

export function JoinClass({ onJoined }: { onJoined: (cls: ClassView) => void }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [code, setCode] = useState('');
  const [joined, setJoined] = useState<string | null>(null);
  const join = useSubmit(async (joinCode: string) => {
    const res = await api.classes.join({ body: { joinCode } });
    setJoined(res.class.name);
    setCode('');
    onJoined(res.class);
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void join.run(code.trim());
  }

  // Once joined, the card shows the class joined (the hint and the form were for a student in no class).
  return (
    <section className="home-section join-class" aria-labelledby="join-title">
      <h2 id="join-title">{t('home.joinTitle')}</h2>
      {joined ? (
        <p className="good" role="status">
          {t('home.joined', { name: joined })}
        </p>
      ) : (
        <>
          <p className="muted">{t('home.joinHint')}</p>
          <form className="inline-form" onSubmit={onSubmit}>
            <Field label={t('auth.joinCode')} hint={t('auth.joinCodeHint')}>
              {(control) => (
                <input
                  {...control}
                  value={code}
                  autoComplete="off"
                  maxLength={16}
                  onChange={(e) => setCode(e.target.value)}
                />
              )}
            </Field>
            <button type="submit" className="primary" disabled={join.busy || code.trim().length < 4}>
              {t('home.join')}
            </button>
          </form>
          <FormError error={join.error} />
        </>
      )}
    </section>
  );
}
