import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { currentLanguage, i18n } from './i18n';
import { CLIENT_ERROR_CODES, configureApiClient } from './lib/api-client';

configureApiClient({
  language: currentLanguage,
  fallbackMessage: (code) =>
    code === CLIENT_ERROR_CODES.network ? i18n.t('errors.network') : i18n.t('errors.badResponse'),
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
