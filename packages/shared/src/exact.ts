/**
 * Exact rational arithmetic on BigInt, for reported figures: PostgreSQL `numeric` values arrive as decimal
 * strings and must be summed, compared and divided without binary floats (1,1 + 2,2 must equal 3,3 when a
 * validation rule says "the parts equal the total"). Only the final display rounds, half away from zero.
 */

/** A fraction n/d in lowest terms with d > 0. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const DECIMAL_TEXT = /^([+-])?(\d+)(?:\.(\d+))?$/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function make(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new RangeError('Division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

/** Zero. */
export const ZERO: Rational = { n: 0n, d: 1n };

/** A whole number as a rational. */
export function int(v: number | bigint): Rational {
  return { n: BigInt(v), d: 1n };
}

/** Whether a string is a plain decimal ("-12", "3.50", "+7"); no exponent, no thousands separators. */
export function isDecimalText(s: string): boolean {
  return DECIMAL_TEXT.test(s.trim());
}

/** Parses a decimal string or a finite number exactly; throws RangeError on anything else. */
export function rational(value: string | number | bigint): Rational {
  if (typeof value === 'bigint') return int(value);
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const m = DECIMAL_TEXT.exec(text);
  if (!m) throw new RangeError(`Not a decimal: '${text}'`);
  const frac = m[3] ?? '';
  const n = BigInt((m[2] ?? '0') + frac) * (m[1] === '-' ? -1n : 1n);
  return make(n, 10n ** BigInt(frac.length));
}

/** A JS number as the shortest decimal text that reads back as it (no exponent). */
function numberText(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`Not a finite number: ${v}`);
  const s = String(v);
  if (!/e/i.test(s)) return s;
  // 1e21 and 1e-7 style: expand through toFixed/toPrecision without losing the shortest digits.
  return v.toFixed(20).replace(/\.?0+$/, '');
}

/** Parses a value, or returns null for null/undefined/''. */
export function rationalOrNull(value: string | number | null | undefined): Rational | null {
  if (value === null || value === undefined || value === '') return null;
  return rational(value);
}

/** a + b */
export function add(a: Rational, b: Rational): Rational {
  return make(a.n * b.d + b.n * a.d, a.d * b.d);
}

/** a − b */
export function sub(a: Rational, b: Rational): Rational {
  return make(a.n * b.d - b.n * a.d, a.d * b.d);
}

/** a × b */
export function mul(a: Rational, b: Rational): Rational {
  return make(a.n * b.n, a.d * b.d);
}

/** a ÷ b; throws on b = 0. */
export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('Division by zero');
  return make(a.n * b.d, a.d * b.n);
}

/** −1, 0 or 1 as a <, =, > b. */
export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Whether the value is zero. */
export function isZero(a: Rational): boolean {
  return a.n === 0n;
}

/** Whether the value has no fractional part. */
export function isInteger(a: Rational): boolean {
  return a.d === 1n;
}

/** Sum of many values. */
export function sumAll(values: Iterable<Rational>): Rational {
  let n = 0n;
  let d = 1n;
  for (const v of values) {
    // Values from one numeric column share small power-of-ten denominators; keep the sum unreduced until the end.
    if (v.d === d) n += v.n;
    else {
      n = n * v.d + v.n * d;
      d *= v.d;
    }
  }
  return make(n, d);
}

/** Writes a rational as a decimal string rounded half away from zero to `places` digits ("1234.50"). */
export function toDecimal(a: Rational, places = 6): string {
  const scale = 10n ** BigInt(places);
  const negative = a.n < 0n;
  const abs = negative ? -a.n : a.n;
  // round half away from zero: floor((2·|n|·scale + d) / 2d)
  const q = (2n * abs * scale + a.d) / (2n * a.d);
  const whole = q / scale;
  const frac = places > 0 ? `.${(q % scale).toString().padStart(places, '0')}` : '';
  const zero = q === 0n;
  return `${negative && !zero ? '-' : ''}${whole}${frac}`;
}

/** Like `toDecimal`, without trailing zeros ("12.50" → "12.5", "3.00" → "3"). */
export function toPlainDecimal(a: Rational, places = 6): string {
  const s = toDecimal(a, places);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** The ratio a ÷ b × 100 as a number rounded to `places` (display only), or null when b = 0. */
export function percentOf(a: Rational, b: Rational, places = 2): number | null {
  if (b.n === 0n) return null;
  return Number(toDecimal(mul(div(a, b), int(100)), places));
}

/** The change from b to a in percent ((a − b) ÷ |b| × 100), or null when b = 0. */
export function changePercent(a: Rational, b: Rational, places = 2): number | null {
  if (b.n === 0n) return null;
  const base = b.n < 0n ? { n: -b.n, d: b.d } : b;
  return Number(toDecimal(mul(div(sub(a, b), base), int(100)), places));
}

/**
 * A decimal string as an integer count of 10^-places (fixed point), for fast exact sums of many values: plain
 * BigInt additions, no fractions to reduce. Digits beyond `places` are refused rather than rounded.
 */
export function toFixedPoint(value: string, places: number): bigint {
  const m = DECIMAL_TEXT.exec(value.trim());
  if (!m) throw new RangeError(`Not a decimal: '${value}'`);
  const frac = m[3] ?? '';
  if (frac.replace(/0+$/, '').length > places)
    throw new RangeError(`More than ${places} decimals: '${value}'`);
  const units = BigInt((m[2] ?? '0') + frac.padEnd(places, '0').slice(0, places));
  return m[1] === '-' ? -units : units;
}

/** A fixed-point integer (count of 10^-places) back as a rational. */
export function fromFixedPoint(units: bigint, places: number): Rational {
  return make(units, 10n ** BigInt(places));
}
