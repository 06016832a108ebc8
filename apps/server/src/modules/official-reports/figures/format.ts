import { formatDateVi, formatNumberVi, formatPercentVi } from '@heza/shared';
import { div, type Rational, rational, toPlainDecimal } from '@heza/shared/exact';
import {
  FIGURE_UNITS,
  FIGURES_BY_KEY,
  type FigureDefinition,
  type FigureUnit,
} from '@heza/shared/official-reports';

/**
 * How figures are printed in the official text (docs/domain-vn.md §6): thousands ".", decimal ",", half away
 * from zero. Defaults follow the seeds: counts below 10 with a leading zero ("05 dự án"), money whole from
 * 100 up and with one decimal below ("621", "21,4"), percentages with exactly one decimal ("105,0%"), average
 * income with two ("11,52"). A slot may ask for another format: `{x:2}` (two decimals), `{x:pad2}`, `{x:abs}`.
 */
export function formatFigure(def: Pick<FigureDefinition, 'kind'>, value: string, format?: string): string {
  if (format === 'abs') return formatFigure(def, value.replace(/^-/, ''));
  if (format && /^\d$/.test(format)) {
    const n = Number(format);
    return formatNumberVi(value, { decimals: n, minDecimals: n });
  }
  if (format === 'pad2') return pad2(value);
  switch (def.kind) {
    case 'count':
      return pad2(value);
    case 'money': {
      const abs = Math.abs(Number(value));
      const decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
      return formatNumberVi(value, { decimals });
    }
    case 'percent':
      return formatNumberVi(value, { decimals: 1, minDecimals: 1 });
    case 'persons':
      return formatNumberVi(value, { decimals: 0 });
    case 'income':
      return formatNumberVi(value, { decimals: 2, minDecimals: 2 });
    case 'area':
      return formatNumberVi(value, { decimals: 2 });
  }
}

/** A whole count, "05" below ten (as the reports write project counts). */
function pad2(value: string): string {
  const text = formatNumberVi(value, { decimals: 0 });
  return /^[1-9]$/.test(text) ? `0${text}` : text;
}

/** The default printed form of a figure of the catalogue. */
export function displayFigure(key: string, value: string | null): string | null {
  const def = FIGURES_BY_KEY.get(key);
  if (!def || value === null) return null;
  return formatFigure(def, value);
}

/** A base-unit exact value in a display unit (USD → millions of USD…), as a plain decimal. */
export function toDisplay(value: string | Rational, factor: string | number): string {
  const r = typeof value === 'string' ? rational(value) : value;
  // 9 places keep cents of a million-unit figure exact (621400000.55 USD = 621.40000055 million).
  return toPlainDecimal(div(r, rational(factor)), 9);
}

/** The unit word printed after a figure ("triệu USD"). */
export function unitVi(unit: FigureUnit): string {
  return FIGURE_UNITS[unit].vi;
}

/** "12.487 tỷ đồng" with the default format of the kind. */
export function amountVi(kind: FigureDefinition['kind'], value: string, unit: FigureUnit): string {
  const u = unitVi(unit);
  return `${formatFigure({ kind }, value)}${u === '%' ? '%' : ` ${u}`}`;
}

/** dd/mm/yyyy. */
export function shortDate(iso: string): string {
  return formatDateVi(iso);
}

/** A percentage as the UI shows it in notes ("12,3%"). */
export function percentNote(v: number): string {
  return formatPercentVi(v, { decimals: 1 });
}
