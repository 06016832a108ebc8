import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** First focusable element of every page: jumps over the header and navbar to <main id="main-content">. */
export function SkipLink() {
  const { t } = useTranslation();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main-content');
    if (!main) return;
    // Focus directly instead of changing the URL hash, which the router would treat as a navigation.
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  };
  return (
    <a className="skip-link" href="#main-content" onClick={onClick}>
      {t('app.skipToContent')}
    </a>
  );
}
