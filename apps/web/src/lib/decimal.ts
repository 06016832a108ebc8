/**
 * Exact decimal strings as the registry API sends them ("2226200000.00"): money and areas never become floats
 * on their way to the screen. These helpers only move digits around.
 */
import type { Language } from './api-types';

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/** Moves the decimal point: shiftDecimal('621400000.00', -6) → '621.4' (trailing zeros dropped). */
export function shiftDecimal(value: string, places: number): string {
  const match = DECIMAL.exec(value.trim());
  const intRaw = match?.[2] ?? '';
  const fracRaw = match?.[3] ?? '';
  if (!match || intRaw.length + fracRaw.length === 0) throw new RangeError(`Not a decimal: '${value}'`);
  const digits = intRaw + fracRaw;
  const point = intRaw.length + places;
  let int: string;
  let frac: string;
  if (point <= 0) {
    int = '0';
    frac = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    int = digits + '0'.repeat(point - digits.length);
    frac = '';
  } else {
    int = digits.slice(0, point);
    frac = digits.slice(point);
  }
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  const zero = !/[1-9]/.test(int + frac);
  const sign = match[1] === '-' && !zero ? '-' : '';
  return frac ? `${sign}${int}.${frac}` : `${sign}${int}`;
}

/**
 * Reads a number typed in a form into the API's decimal text ("1234.5"), or null when it is not a number.
 * Vietnamese: "1.234.567,89" (dots group thousands, the comma is the decimal mark); a lone dot not followed
 * by exactly three digits ("12.5") is read as a decimal point, since nobody groups that way.
 * English: "1,234,567.89".
 */
export function parseDecimalInput(text: string, language: Language): string | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return null;
  let sign = '';
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? '-' : '';
    s = s.slice(1);
  }
  let normalised: string;
  if (language === 'vi') {
    const dots = s.split('.').length - 1;
    if (s.includes(',')) {
      if (!/^\d{1,3}(\.\d{3})*(,\d+)?$/.test(s) && !/^\d+(,\d+)?$/.test(s)) return null;
      normalised = s.replace(/\./g, '').replace(',', '.');
    } else if (dots === 1 && !/^\d{1,3}\.\d{3}$/.test(s)) {
      normalised = s;
    } else {
      if (dots > 0 && !/^\d{1,3}(\.\d{3})+$/.test(s)) return null;
      normalised = s.replace(/\./g, '');
    }
  } else {
    if (s.includes(',') && !/^\d{1,3}(,\d{3})*(\.\d+)?$/.test(s)) return null;
    normalised = s.replace(/,/g, '');
  }
  if (!/^\d+(\.\d+)?$/.test(normalised) && !/^\d*\.\d+$/.test(normalised)) return null;
  if (normalised.startsWith('.')) normalised = `0${normalised}`;
  return `${sign}${normalised}`;
}

/** An API decimal shown in an input for editing: trailing zeros dropped, the language's decimal mark. */
export function decimalToInput(value: string | null | undefined, language: Language): string {
  if (value === null || value === undefined || value === '') return '';
  const plain = shiftDecimal(value, 0);
  return language === 'vi' ? plain.replace('.', ',') : plain;
}

/** A plain number typed with "." or "," as the decimal mark (coordinates, distances); null when it is not. */
export function parsePlainNumber(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
