import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The screen's one h1, which also names the browser tab. */
export function PageHeading({ children, title }: { children?: ReactNode; title: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="page-heading">
      <h1>{title}</h1>
      {children}
    </div>
  );
}
