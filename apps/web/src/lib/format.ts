import type { Language } from './api-types';

/** Every date on screen is shown in Vietnam time, wherever the browser is. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  weekday: number;
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function partsOf(date: Date): Parts {
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    partsFormatter.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "05/06/2025" (day/month/year, the order used in both languages here). */
export function formatDate(value: string | Date | null | undefined): string {
  const date = toDate(value);
  if (!date) return '';
  const p = partsOf(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "05/06/2025 14:30" in Vietnam time. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const date = toDate(value);
  if (!date) return '';
  const p = partsOf(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "14:30 ngày 05/06/2025" / "14:30 on 05/06/2025": a moment in a sentence. */
export function formatMoment(value: string | Date | null | undefined, language: Language): string {
  const date = toDate(value);
  if (!date) return '';
  const p = partsOf(date);
  const day = `${p.day}/${p.month}/${p.year}`;
  return language === 'vi' ? `${p.hour}:${p.minute} ngày ${day}` : `${p.hour}:${p.minute} on ${day}`;
}

const VI_WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Năm, ngày 5 tháng 6 năm 2025" / "Thursday, 5 June 2025". */
export function formatLongDate(value: Date, language: Language): string {
  if (language === 'en') {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(value);
  }
  const p = partsOf(value);
  const weekday = VI_WEEKDAYS[p.weekday] ?? '';
  return `${weekday}, ngày ${Number(p.day)} tháng ${Number(p.month)} năm ${p.year}`;
}

/** Whole numbers with the separator of the language: 1.234 (vi) or 1,234 (en). */
export function formatInteger(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 0 }).format(
    value,
  );
}
