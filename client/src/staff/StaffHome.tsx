// Staff home: the classes this person may see, with the way into each page (report, drills, rubric),
// and the scenario studio for instructors. An instructor can create a class here.

import type { CreateClassBody } from '@kefu/shared/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../api/route-links.ts';
import { errorText, useLoad } from '../api/use-load.ts';
import { useServices } from '../app/context.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useSession } from '../stores/index.ts';
import { useGo } from './nav.ts';

export function StaffHome() {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  const go = useGo();
  const user = useSession((s) => s.user);
  const { data, error, reload } = useLoad(routes.classes.list);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const nameId = useId();
  const author = user?.role === 'instructor' || user?.role === 'admin';

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setMessage(null);
    try {
      const body: CreateClassBody = { name };
      await api.classes.create({ body });
      setName('');
      reload();
    } catch (err) {
      setMessage(errorText(err));
    }
  }

  return (
    <div className="staff-page">
      <header className="staff-page-head">
        <h1>{t('home.title')}</h1>
        {author ? (
          <button type="button" className="primary" onClick={() => go({ page: 'studio' })}>
            {t('nav.studio')}
          </button>
        ) : null}
      </header>
      <FormError error={error} />
      {data && data.classes.length === 0 ? (
        <p className="empty">
          {t('home.noClasses')}
          {/* What to do next: an instructor makes one below; a trainer is added to one by its instructor or an admin. */}
          {author ? t('home.noClassesCreate') : t('home.noClassesWait')}
        </p>
      ) : null}
      <ul className="class-cards">
        {data?.classes.map((c) => (
          <li key={c.id} className="staff-card class-card">
            <h2>{c.name}</h2>
            <p className="muted">
              {t('home.classMeta', { students: c.studentCount, owner: c.ownerName })}
              {c.joinCode ? ` · ${t('home.joinCode', { code: c.joinCode })}` : ''}
            </p>
            <div className="staff-actions">
              <button
                type="button"
                className="primary"
                aria-label={`${t('nav.classReport')}：${c.name}`}
                onClick={() => go({ page: 'class', classId: c.id })}
              >
                {t('nav.classReport')}
              </button>
              {author ? (
                <>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`${t('nav.drills')}：${c.name}`}
                    onClick={() => go({ page: 'drills', classId: c.id })}
                  >
                    {t('nav.drills')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`${t('nav.rubric')}：${c.name}`}
                    onClick={() => go({ page: 'rubric', classId: c.id })}
                  >
                    {t('nav.rubric')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`${t('nav.importList')}：${c.name}`}
                    onClick={() => go({ page: 'import', classId: c.id })}
                  >
                    {t('nav.importList')}
                  </button>
                </>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {author ? (
        <form className="staff-card inline-form" onSubmit={(e) => void create(e)}>
          <label htmlFor={nameId}>{t('home.newClass')}</label>
          <input id={nameId} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="secondary" disabled={!name.trim()}>
            {t('home.create')}
          </button>
          <FormError error={message} />
        </form>
      ) : null}
    </div>
  );
}
