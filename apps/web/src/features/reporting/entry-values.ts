/**
 * The values of the entry screen: typed text in the UI language ("1.234,5" in Vietnamese, "1,234.5" in English)
 * to the API's canonical decimal ("1234.5") and back, and the list of cells a form shows.
 */
import type { EntryView } from '@heza/shared/reporting';
import type { EntryValueInput } from '@heza/shared/reporting-rules';
import type { Language } from '../../lib/api-types';

/** One input cell: an indicator's total (combo '') or a breakdown part ('nationality:foreign'). */
export interface Cell {
  indicator: string;
  combo: string;
}

/** What the user has typed, by `indicator|combo`, and the estimate flag by indicator. */
export interface EntryState {
  text: Record<string, string>;
  estimate: Record<string, boolean>;
}

export const cellKey = (indicator: string, combo = '') => `${indicator}|${combo}`;

/**
 * Typed text → canonical decimal. Vietnamese writes "." between thousands and "," before decimals, English the
 * reverse; spaces are ignored. Text that is not a number is passed on as it is, so the checks can name it.
 */
export function toCanonical(text: string, language: Language): string {
  const compact = text.replace(/\s/g, '');
  if (compact === '') return '';
  const [thousands, decimal] = language === 'vi' ? ['.', ','] : [',', '.'];
  const pattern =
    language === 'vi'
      ? /^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/
      : /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/;
  if (!pattern.test(compact)) return compact;
  return compact.split(thousands).join('').replace(decimal, '.');
}

/** Canonical decimal → text in the UI language, without grouping (easier to edit). */
export function toTyped(canonical: string | null, language: Language): string {
  if (canonical === null || canonical === '') return '';
  return language === 'vi' ? canonical.replace('.', ',') : canonical;
}

/** The state the screen starts from: the working values of the report. */
export function initialState(entry: EntryView, language: Language): EntryState {
  const text: Record<string, string> = {};
  const estimate: Record<string, boolean> = {};
  for (const v of entry.values) {
    text[cellKey(v.indicator, v.combo)] = toTyped(v.value, language);
    if (v.combo === '') estimate[v.indicator] = v.estimate;
  }
  // Before the period ends only estimates are possible: start ticked.
  for (const i of entry.indicators)
    if (estimate[i.code] === undefined) estimate[i.code] = !entry.period.ended;
  return { text, estimate };
}

/** The values to send (and to check): every non-empty cell, with its indicator's estimate flag. */
export function toValues(entry: EntryView, state: EntryState, language: Language): EntryValueInput[] {
  const out: EntryValueInput[] = [];
  for (const ind of entry.indicators) {
    const cells: Cell[] = [
      { indicator: ind.code, combo: '' },
      ...ind.disaggregations.flatMap((d) =>
        d.options.map((o) => ({ indicator: ind.code, combo: `${d.code}:${o.code}` })),
      ),
    ];
    for (const c of cells) {
      const typed = state.text[cellKey(c.indicator, c.combo)] ?? '';
      if (typed.trim() === '') continue;
      out.push({
        indicator: c.indicator,
        combo: c.combo,
        value: toCanonical(typed, language),
        estimate: state.estimate[ind.code] ?? false,
      });
    }
  }
  return out;
}

/** The field name the checks and the API use for a cell. */
export function fieldOf(c: Cell): string {
  return c.combo ? `values.${c.indicator}[${c.combo}]` : `values.${c.indicator}`;
}
