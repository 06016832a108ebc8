/**
 * The UI catalogues: the shell's (vi.json, en.json) plus one file per feature that owns a top-level namespace
 * (features/<feature>/i18n/{vi,en}.json), so features grow their texts without touching each other's files.
 * `satisfies` both ways: the Vietnamese and English catalogue of each part must have exactly the same keys or
 * this fails to compile.
 */
import agencyEn from '../features/agency/i18n/en.json';
import agencyVi from '../features/agency/i18n/vi.json';
import calendarEn from '../features/calendar/i18n/en.json';
import calendarVi from '../features/calendar/i18n/vi.json';
import feedbackEn from '../features/feedback/i18n/en.json';
import feedbackVi from '../features/feedback/i18n/vi.json';
import proceduresEn from '../features/procedures/i18n/en.json';
import proceduresVi from '../features/procedures/i18n/vi.json';
import reportingAdminEn from '../features/reporting/admin/i18n/en.json';
import reportingAdminVi from '../features/reporting/admin/i18n/vi.json';
import en from './en.json';
import vi from './vi.json';

export const viCatalogue = {
  ...(vi satisfies typeof en),
  ...(proceduresVi satisfies typeof proceduresEn),
  ...(feedbackVi satisfies typeof feedbackEn),
  ...(calendarVi satisfies typeof calendarEn),
  ...(agencyVi satisfies typeof agencyEn),
  ...(reportingAdminVi satisfies typeof reportingAdminEn),
};

export const enCatalogue: typeof viCatalogue = {
  ...(en satisfies typeof vi),
  ...(proceduresEn satisfies typeof proceduresVi),
  ...(feedbackEn satisfies typeof feedbackVi),
  ...(calendarEn satisfies typeof calendarVi),
  ...(agencyEn satisfies typeof agencyVi),
  ...(reportingAdminEn satisfies typeof reportingAdminVi),
};
