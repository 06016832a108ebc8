import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title to "<page> — HEZA" so that tabs, history and screen readers name the page. */
export function useDocumentTitle(pageTitle: string | undefined): void {
  const { t } = useTranslation();
  const suffix = t('app.name');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} — ${suffix}` : t('app.documentTitle');
  }, [pageTitle, suffix, t]);
}
