/**
 * Vietnamese enterprise tax code (mã số thuế, which is also the mã số doanh nghiệp of an enterprise):
 * 10 digits for an enterprise, or its 10 digits + '-' + 3 digits (001–999) for a dependent unit (branch, office).
 *
 * Check digit. The 10th digit is widely described as a check digit over digits 1–9: weights 31, 29, 23, 19, 17,
 * 13, 7, 5, 3; check = 10 − (sum mod 11); a remainder giving 10 means the 9-digit prefix is never issued. This is
 * what python-stdnum (stdnum.vn.mst), stdnum-js (vn/mst) and vn-ident implement (vn-ident cites the worked example
 * of the tax-registration circular: 010004751 → 6); the large-enterprise codes tried while writing this
 * (0100109106, 0300588569, 0101248141) pass it.
 * It is nevertheless OFF by default: the circular itself was not read here, no official statement says every code
 * ever issued (old codes, codes of other taxpayer kinds) satisfies it, and refusing a real enterprise's code is
 * worse than accepting a typo that the registry lookup will catch. Turn it on with `{ checkDigit: true }` where a
 * typo check is wanted (e.g. as a warning in forms). Individuals use their 12-digit personal identification
 * number as tax code since 01/7/2025 (Thông tư 86/2024/TT-BTC, per a secondary source); that is not an
 * enterprise code and is refused here.
 */

/** Options for tax-code validation; `checkDigit` (default false) also verifies the 10th digit. */
export interface TaxCodeOptions {
  checkDigit?: boolean;
}

/** Why a tax code was refused: the wrong shape, or a wrong check digit (only with `checkDigit: true`). */
export type TaxCodeErrorReason = 'format' | 'checksum';

/** Result of `parseTaxCode`: the normalised code ('0100109106' or '0100109106-001'), or the reason it was refused. */
export type TaxCodeResult =
  | {
      ok: true;
      /** Normalised code: 10 digits, or 10 digits + '-' + 3 digits. */
      value: string;
      /** True for a dependent unit (the code has a 3-digit suffix). */
      isBranch: boolean;
      /** The 10-digit code of the enterprise (the code itself when it is not a branch). */
      parent: string;
    }
  | { ok: false; reason: TaxCodeErrorReason };

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** Accepted shapes after removing whitespace: 10 digits, 10-3 with a hyphen, or 13 digits written without it. */
const SHAPE = /^(\d{10})(?:-?(\d{3}))?$/;

/** The check digit for the first 9 digits of a tax code, or undefined when the prefix can have none (remainder 10). */
export function taxCodeCheckDigit(first9: string): number | undefined {
  if (!/^\d{9}$/.test(first9)) throw new RangeError(`Expected 9 digits, got '${first9}'`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (WEIGHTS[i] ?? 0);
  const check = 10 - (sum % 11);
  return check === 10 ? undefined : check;
}

/** Parses and normalises an enterprise tax code ("0100109106", "0100109106-001"); spaces anywhere are ignored. */
export function parseTaxCode(s: string, opts?: TaxCodeOptions): TaxCodeResult {
  if (typeof s !== 'string') return { ok: false, reason: 'format' };
  // Codes are often pasted with spaces ("0100109106 - 001") or non-breaking spaces from web pages.
  const compact = s.replace(/\s+/gu, '');
  const match = SHAPE.exec(compact);
  if (!match) return { ok: false, reason: 'format' };
  const parent = match[1] ?? '';
  const suffix = match[2];
  // Dependent units are numbered from 001; a "-000" suffix is never issued.
  if (suffix === '000') return { ok: false, reason: 'format' };
  if (opts?.checkDigit && taxCodeCheckDigit(parent.slice(0, 9)) !== Number(parent[9])) {
    return { ok: false, reason: 'checksum' };
  }
  return suffix === undefined
    ? { ok: true, value: parent, isBranch: false, parent }
    : { ok: true, value: `${parent}-${suffix}`, isBranch: true, parent };
}

/** Whether a string is a well-formed enterprise tax code (see `parseTaxCode`). */
export function isValidTaxCode(s: string, opts?: TaxCodeOptions): boolean {
  return parseTaxCode(s, opts).ok;
}
