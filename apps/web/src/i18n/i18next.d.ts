import 'i18next';
import type { viCatalogue } from './catalogues';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof viCatalogue };
  }
}
