/**
 * Exact decimal arithmetic for money and areas: values are BigInt fixed-point numbers with 6 decimals, so sums
 * and currency conversions never go through binary floats. PostgreSQL numeric columns come back as strings;
 * parse them with `dec`, compute, and write them back with `fmt`.
 */

/** The fixed-point scale: 6 decimal places. */
const SCALE = 1_000_000n;
const PLACES = 6;

/** Parses a decimal string or number ("-1234.5", 12) into fixed-point; throws on anything else. */
export function dec(value: string | number | bigint): bigint {
  if (typeof value === 'bigint') return value * SCALE;
  const s = typeof value === 'number' ? value.toFixed(PLACES) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new RangeError(`Not a decimal: '${s}'`);
  const frac = (m[3] ?? '').padEnd(PLACES + 1, '0');
  let units = BigInt(m[2] ?? '0') * SCALE + BigInt(frac.slice(0, PLACES));
  // Round half away from zero on the 7th decimal.
  if (Number(frac[PLACES]) >= 5) units += 1n;
  return m[1] === '-' ? -units : units;
}

/** Divides with rounding half away from zero (BigInt division truncates). */
function roundDiv(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  return negative ? -q : q;
}

/** Writes a fixed-point value with `places` decimals (rounded half away from zero): fmt(dec('1.005'), 2) = '1.01'. */
export function fmt(value: bigint, places = 2): string {
  const factor = 10n ** BigInt(PLACES - places);
  const rounded = roundDiv(value, factor);
  const negative = rounded < 0n;
  const abs = negative ? -rounded : rounded;
  const unit = 10n ** BigInt(places);
  const whole = abs / unit;
  const frac = places > 0 ? `.${(abs % unit).toString().padStart(places, '0')}` : '';
  return `${negative ? '-' : ''}${whole}${frac}`;
}

/** Rounds a fixed-point value to `places` decimals, staying fixed-point. */
export function round(value: bigint, places = 2): bigint {
  const factor = 10n ** BigInt(PLACES - places);
  return roundDiv(value, factor) * factor;
}

/** a × b. */
export function mul(a: bigint, b: bigint): bigint {
  return roundDiv(a * b, SCALE);
}

/** a ÷ b (b ≠ 0). */
export function div(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError('Division by zero');
  return roundDiv(a * SCALE, b);
}

/** Sum of decimal strings, exact. */
export function sum(values: readonly (string | null | undefined)[]): bigint {
  let total = 0n;
  for (const v of values) if (v !== null && v !== undefined) total += dec(v);
  return total;
}

/** A ratio as a percentage number with `places` decimals (for display; the inputs stay exact). */
export function pct(part: bigint, whole: bigint, places = 2): number | null {
  if (whole === 0n) return null;
  return Number(fmt(div(part * 100n, whole), places));
}
