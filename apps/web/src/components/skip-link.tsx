import { useTranslation } from 'react-i18next';

/**
 * First focusable element of every page: jumps over the header and navbar to the element with
 * id="main-content" (a <main> with tabIndex -1, so the browser moves focus there too).
 */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main-content">
      {t('app.skipToContent')}
    </a>
  );
}
