import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../lib/api-types';
import { enCatalogue, viCatalogue } from './catalogues';

/** localStorage key of the chosen UI language. */
export const LANGUAGE_STORAGE_KEY = 'heza.lang';
export const DEFAULT_LANGUAGE: Language = 'vi';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language the user chose earlier on this device, if any. */
export function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

/** Switches the UI language and remembers the choice on this device. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private browsing may forbid storage; the switch still applies to this tab.
  }
  await i18n.changeLanguage(language);
}

function applyLanguageToDocument(language: string): void {
  const lang = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  // Screen readers pick their pronunciation from <html lang>.
  document.documentElement.lang = lang;
  dayjs.locale(lang);
  // The server reads this cookie before Accept-Language (for links opened outside the app: downloads…).
  // biome-ignore lint/suspicious/noDocumentCookie: a plain, non-sensitive preference cookie.
  document.cookie = `heza_lang=${lang}; path=/; max-age=31536000; SameSite=Lax`;
}

i18n.on('languageChanged', applyLanguageToDocument);

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: viCatalogue }, en: { translation: enCatalogue } },
  lng: storedLanguage() ?? DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

applyLanguageToDocument(i18n.language);

export { i18n };
