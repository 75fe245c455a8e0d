// The blue top bar every signed-in screen shares: product name, connection, language, user.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function TopBar({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          {t('app.mark')}
        </span>
        {t('app.name')}
        {title ? <span className="brand-sub"> · {title}</span> : null}
      </div>
      <div className="topbar-tools">
        {children}
        <ConnectionBadge />
        <LanguageSwitch />
      </div>
    </header>
  );
}
