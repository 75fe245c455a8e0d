// A catalogue file's versions, newest first (the shipped file last): 草稿 or 已发布, who saved and who
// published it and when, the one in force marked; any version opens in the editor to edit from.
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { useLoad } from '../../api/use-load.ts';
import { FormError } from '../../forms/FormError.tsx';

export function CatalogueHistory({ path, onOpen }: { path: string; onOpen(text: string): void }) {
  const { t, i18n } = useTranslation('staff');
  const { data, error } = useLoad(routes.studio.catalogueHistory, { query: { path } });
  const when = (at: number) => new Date(at).toLocaleString(i18n.language);
  return (
    <section className="staff-card studio-history" aria-label={t('studio.history')}>
      <FormError error={error} />
      {data ? (
        <ol>
          {data.versions.map((v) => (
            <li key={v.version}>
              <span className="tag">{t(`studio.status.${v.status}`)}</span>{' '}
              {v.current ? <strong className="tag">{t('studio.inForce')}</strong> : null}{' '}
              {v.status === 'shipped'
                ? t('studio.shippedVersion')
                : t('studio.savedBy', { name: v.savedBy ?? t('studio.someone'), when: when(v.savedAt) })}
              {v.publishedAt !== null ? (
                <>
                  {' · '}
                  {t('studio.publishedBy', {
                    name: v.publishedBy ?? t('studio.someone'),
                    when: when(v.publishedAt),
                  })}
                </>
              ) : null}{' '}
              <button type="button" className="secondary" onClick={() => onOpen(v.text)}>
                {t('studio.openVersion')}
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}
