/**
 * Numbers, dates and country names in the page's language. Vietnamese uses the official formatters of
 * packages/shared ("1.234,5", "05/06/2025"); the other languages use ICU, which formats them as their
 * readers expect.
 */
import { formatDateVi, formatNumberVi } from '@heza/shared';
import { INTL_LOCALES, type PortalLang } from './langs.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<PortalLang, Intl.DateTimeFormat>();
const regionNames = new Map<PortalLang, Intl.DisplayNames>();

/** A number (exact decimal string or number) with at most `decimals` decimals. */
export function formatNumber(lang: PortalLang, value: string | number, decimals = 2): string {
  if (lang === 'vi') return formatNumberVi(value, { decimals });
  const key = `${lang}|${decimals}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALES[lang], { maximumFractionDigits: decimals });
    numberFormats.set(key, f);
  }
  // Display only: exact figures stay strings everywhere else (downloads carry the exact value).
  return f.format(Number(value));
}

/** A percentage already multiplied by 100 (65.2 → "65,2%" / "65.2%"). */
export function formatPercent(lang: PortalLang, value: number, decimals = 1): string {
  return `${formatNumber(lang, value, decimals)}%`;
}

/** A calendar date ('YYYY-MM-DD' or a Date, read on the Vietnam clock). */
export function formatDate(lang: PortalLang, date: string | Date): string {
  if (lang === 'vi') return formatDateVi(date);
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALES[lang], { dateStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' });
    dateFormats.set(lang, f);
  }
  const d =
    typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? new Date(`${date}T12:00:00+07:00`)
      : new Date(date);
  return f.format(d);
}

/** A country's name in the page's language ('KR' → "Hàn Quốc", "Korea", "韩国"…). */
export function countryLabel(lang: PortalLang, code: string): string {
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([INTL_LOCALES[lang]], { type: 'region' });
    regionNames.set(lang, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
