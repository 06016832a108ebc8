/**
 * The checks on an enterprise's periodic report, shared by the server (which enforces them on save and
 * submit) and the web form (which runs the same code as the user types):
 *
 * - value checks: a number, whole for counts, not negative unless the indicator allows it, an actual only
 *   once the period has ended;
 * - breakdowns (disaggregations): no part above the total, the parts add up to the total;
 * - required indicators and required breakdowns (on submit);
 * - configurable validation rules over expressions such as `labour[nationality:foreign] <= labour` or
 *   `0.5 <= avg_income / 1000000 <= 500` (written as operator `ratio_between`), blocking or warning.
 *
 * Arithmetic is exact (./exact.ts). A rule whose values are not all entered is skipped, as in DHIS2.
 */
import {
  add,
  cmp,
  div,
  isDecimalText,
  isInteger,
  mul,
  type Rational,
  rational,
  sub,
  sumAll,
  toPlainDecimal,
} from './exact.ts';
import { formatNumberVi } from './format-vi.ts';
import { bilingual } from './i18n-message.ts';

// ---------------------------------------------------------------------------------------------------
// Expressions

/** A parsed rule expression. */
export type Expr =
  | { kind: 'num'; value: Rational }
  | { kind: 'ref'; indicator: string; combo: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

/** A malformed expression; `position` is the 0-based character where reading stopped. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.position = position;
  }
}

type Token = { t: 'num' | 'id' | 'op'; v: string; at: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|([a-z][a-z0-9_]*)|([-+*/()[\]:]))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new ExpressionError(`Unexpected character '${text.slice(at).trim()[0]}'`, at);
    const start = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? '').length;
    if (m[1]) tokens.push({ t: 'num', v: m[1], at: start });
    else if (m[2]) tokens.push({ t: 'id', v: m[2], at: start });
    else tokens.push({ t: 'op', v: m[3]!, at: start });
    at = re.lastIndex;
  }
  return tokens;
}

/**
 * Parses `expr := term (('+'|'-') term)*`, `term := factor (('*'|'/') factor)*`,
 * `factor := number | ref | '(' expr ')' | '-' factor`, `ref := code ('[' disaggregation ':' option ']')?`.
 */
export function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const end = () => (tokens.length ? tokens[tokens.length - 1]!.at + tokens[tokens.length - 1]!.v.length : 0);
  const expectOp = (v: string) => {
    const tok = tokens[i];
    if (tok?.t !== 'op' || tok.v !== v) throw new ExpressionError(`Expected '${v}'`, tok?.at ?? end());
    i++;
  };
  const factor = (): Expr => {
    const tok = tokens[i];
    if (!tok) throw new ExpressionError('Unexpected end of expression', end());
    if (tok.t === 'num') {
      i++;
      return { kind: 'num', value: rational(tok.v) };
    }
    if (tok.t === 'id') {
      i++;
      let combo = '';
      if (peek()?.t === 'op' && peek()!.v === '[') {
        i++;
        const d = tokens[i];
        if (d?.t !== 'id') throw new ExpressionError('Expected a disaggregation code', d?.at ?? end());
        i++;
        expectOp(':');
        const o = tokens[i];
        if (o?.t !== 'id') throw new ExpressionError('Expected an option code', o?.at ?? end());
        i++;
        expectOp(']');
        combo = `${d.v}:${o.v}`;
      }
      return { kind: 'ref', indicator: tok.v, combo };
    }
    if (tok.v === '(') {
      i++;
      const e = expr();
      expectOp(')');
      return e;
    }
    if (tok.v === '-') {
      i++;
      return { kind: 'neg', arg: factor() };
    }
    throw new ExpressionError(`Unexpected '${tok.v}'`, tok.at);
  };
  const term = (): Expr => {
    let left = factor();
    while (peek()?.t === 'op' && (peek()!.v === '*' || peek()!.v === '/')) {
      const op = tokens[i++]!.v as '*' | '/';
      left = { kind: 'bin', op, left, right: factor() };
    }
    return left;
  };
  const expr = (): Expr => {
    let left = term();
    while (peek()?.t === 'op' && (peek()!.v === '+' || peek()!.v === '-')) {
      const op = tokens[i++]!.v as '+' | '-';
      left = { kind: 'bin', op, left, right: term() };
    }
    return left;
  };
  if (!tokens.length) throw new ExpressionError('Empty expression', 0);
  const e = expr();
  if (i < tokens.length) throw new ExpressionError(`Unexpected '${tokens[i]!.v}'`, tokens[i]!.at);
  return e;
}

/** The indicator references of an expression (to check them against the catalogue). */
export function expressionRefs(e: Expr): { indicator: string; combo: string }[] {
  switch (e.kind) {
    case 'num':
      return [];
    case 'ref':
      return [{ indicator: e.indicator, combo: e.combo }];
    case 'neg':
      return expressionRefs(e.arg);
    case 'bin':
      return [...expressionRefs(e.left), ...expressionRefs(e.right)];
  }
}

/** Evaluates exactly; null when a referenced value is missing or a division by zero occurs. */
export function evaluateExpression(
  e: Expr,
  lookup: (indicator: string, combo: string) => Rational | null | undefined,
): Rational | null {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'ref':
      return lookup(e.indicator, e.combo) ?? null;
    case 'neg': {
      const v = evaluateExpression(e.arg, lookup);
      return v === null ? null : { n: -v.n, d: v.d };
    }
    case 'bin': {
      const l = evaluateExpression(e.left, lookup);
      const r = evaluateExpression(e.right, lookup);
      if (l === null || r === null) return null;
      if (e.op === '+') return add(l, r);
      if (e.op === '-') return sub(l, r);
      if (e.op === '*') return mul(l, r);
      return r.n === 0n ? null : div(l, r);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Validation rules

/** Comparison of a rule: =, ≤, ≥, <, >, or min ≤ left ÷ right ≤ max. */
export const RULE_OPERATORS = ['eq', 'le', 'ge', 'lt', 'gt', 'ratio_between'] as const;
/** One of `RULE_OPERATORS`. */
export type RuleOperator = (typeof RULE_OPERATORS)[number];
/** A blocking rule stops a submission; a warning is shown and the report can still be submitted. */
export const RULE_SEVERITIES = ['blocking', 'warning'] as const;
/** One of `RULE_SEVERITIES`. */
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

/** What `evaluateRule` needs of a validation rule. */
export interface RuleDef {
  code: string;
  leftExpr: string;
  operator: RuleOperator;
  rightExpr: string;
  ratioMin: string | null;
  ratioMax: string | null;
  severity: RuleSeverity;
  messageVi: string;
  messageEn: string;
}

/** The outcome of one rule on one report: passed, failed, or skipped (null) when values are missing. */
export interface RuleOutcome {
  code: string;
  severity: RuleSeverity;
  passed: boolean | null;
  left: string | null;
  right: string | null;
}

/** Evaluates one rule against the values of a report. */
export function evaluateRule(
  rule: RuleDef,
  lookup: (indicator: string, combo: string) => Rational | null | undefined,
): RuleOutcome {
  const left = evaluateExpression(parseExpression(rule.leftExpr), lookup);
  const right = evaluateExpression(parseExpression(rule.rightExpr), lookup);
  const out = (passed: boolean | null): RuleOutcome => ({
    code: rule.code,
    severity: rule.severity,
    passed,
    left: left === null ? null : toPlainDecimal(left),
    right: right === null ? null : toPlainDecimal(right),
  });
  if (left === null || right === null) return out(null);
  const c = cmp(left, right);
  switch (rule.operator) {
    case 'eq':
      return out(c === 0);
    case 'le':
      return out(c <= 0);
    case 'ge':
      return out(c >= 0);
    case 'lt':
      return out(c < 0);
    case 'gt':
      return out(c > 0);
    case 'ratio_between': {
      if (right.n === 0n) return out(null);
      const ratio = div(left, right);
      const okMin = rule.ratioMin === null || cmp(ratio, rational(rule.ratioMin)) >= 0;
      const okMax = rule.ratioMax === null || cmp(ratio, rational(rule.ratioMax)) <= 0;
      return out(okMin && okMax);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Whole-report checks

/** A breakdown of an indicator's total as the entry form shows it. */
export interface EntryDisaggregationDef {
  code: string;
  nameVi: string;
  nameEn: string;
  required: boolean;
  options: { code: string; nameVi: string; nameEn: string }[];
}

/** An indicator as the entry form shows it. */
export interface EntryIndicatorDef {
  code: string;
  nameVi: string;
  nameEn: string;
  valueType: 'decimal' | 'integer';
  decimals: number;
  allowNegative: boolean;
  required: boolean;
  disaggregations: EntryDisaggregationDef[];
}

/** One value as typed: the number (string or number, null = empty), and whether it is an estimate. */
export interface EntryValueInput {
  indicator: string;
  combo?: string;
  value: string | number | null;
  estimate: boolean;
}

/** A problem found in a report, naming the field (`values.revenue`, `values.labour[nationality:foreign]`). */
export interface EntryProblem {
  field: string;
  /** Both languages, packed with `bilingual`. */
  message: string;
  severity: RuleSeverity;
  rule?: string;
}

/** The context a report is checked in. */
export interface EntryCheckOptions {
  /** 'draft' blocks only malformed values; 'submit' also blocks missing values, breakdowns and blocking rules. */
  mode: 'draft' | 'submit';
  /** Whether the period has ended (an actual is only possible afterwards). */
  periodEnded: boolean;
  periodLabelVi: string;
  periodLabelEn: string;
  /** The period's last day as the user reads it ("30/11/2026"). */
  periodEndText: string;
}

/** The field name of a value: `values.revenue` for a total, `values.labour[nationality:foreign]` for a part. */
export function valueField(indicator: string, combo = ''): string {
  return combo ? `values.${indicator}[${combo}]` : `values.${indicator}`;
}

const MAX_INT_DIGITS = 18;
const MAX_DECIMALS = 6;

function formatEn(s: string): string {
  const [i, f] = s.split('.');
  const grouped = (i ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return f ? `${grouped}.${f}` : grouped;
}

function both(value: Rational): { vi: string; en: string } {
  const plain = toPlainDecimal(value);
  return { vi: formatNumberVi(plain, { decimals: 6 }), en: formatEn(plain) };
}

/** Parses a typed value: accepts numbers and decimal strings with a '.' point; null for empty. */
export function parseEntryNumber(value: string | number | null | undefined): Rational | null | 'invalid' {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? rational(value) : 'invalid';
  const text = value.trim();
  if (text === '') return null;
  return isDecimalText(text) ? rational(text) : 'invalid';
}

/** The checked values of a report, keyed `indicator|combo`. */
export type ParsedEntry = Map<
  string,
  { indicator: string; combo: string; value: Rational; estimate: boolean }
>;

/**
 * Checks a whole report and returns every problem (never stops at the first) and the parsed values.
 * Blocking problems prevent saving (malformed values) or submitting (everything blocking).
 */
export function checkEntry(
  def: { indicators: EntryIndicatorDef[]; rules: RuleDef[] },
  values: EntryValueInput[],
  opts: EntryCheckOptions,
): { problems: EntryProblem[]; parsed: ParsedEntry } {
  const problems: EntryProblem[] = [];
  const parsed: ParsedEntry = new Map();
  const byCode = new Map(def.indicators.map((i) => [i.code, i]));
  const submit = opts.mode === 'submit';
  const seen = new Set<string>();
  // Values already refused as malformed are not reported again as missing or as breaking a breakdown.
  const malformed = new Set<string>();
  const structural: RuleSeverity = submit ? 'blocking' : 'warning';

  for (const v of values) {
    const combo = v.combo ?? '';
    const field = valueField(v.indicator, combo);
    const ind = byCode.get(v.indicator);
    if (!ind) {
      problems.push({
        field,
        severity: 'blocking',
        message: bilingual('Chỉ tiêu này không có trong biểu mẫu.', 'This indicator is not on the form.'),
      });
      continue;
    }
    if (combo) {
      const [d, o] = combo.split(':');
      const dis = ind.disaggregations.find((x) => x.code === d);
      if (!dis?.options.some((x) => x.code === o)) {
        problems.push({
          field,
          severity: 'blocking',
          message: bilingual(
            `${ind.nameVi} không có phần chi tiết "${combo}".`,
            `${ind.nameEn} has no breakdown part "${combo}".`,
          ),
        });
        continue;
      }
    }
    const key = `${v.indicator}|${combo}`;
    if (seen.has(key)) {
      problems.push({
        field,
        severity: 'blocking',
        message: bilingual('Giá trị này được nhập hai lần.', 'This value is given twice.'),
      });
      continue;
    }
    seen.add(key);
    const label = { vi: partLabel(ind, combo, 'vi'), en: partLabel(ind, combo, 'en') };
    const num = parseEntryNumber(v.value);
    if (num === null) continue;
    // Every refusal below is of a malformed value.
    malformed.add(key);
    if (num === 'invalid') {
      problems.push({
        field,
        severity: 'blocking',
        message: bilingual(
          `${label.vi}: phải là một số (ví dụ 1234.5), không phải chữ.`,
          `${label.en}: must be a number (e.g. 1234.5), not text.`,
        ),
      });
      continue;
    }
    const text = toPlainDecimal(num, 12);
    const [whole, frac = ''] = text.replace('-', '').split('.');
    if ((whole ?? '').length > MAX_INT_DIGITS || frac.length > MAX_DECIMALS) {
      problems.push({
        field,
        severity: 'blocking',
        message: bilingual(
          `${label.vi}: tối đa ${MAX_INT_DIGITS} chữ số phần nguyên và ${MAX_DECIMALS} chữ số thập phân.`,
          `${label.en}: at most ${MAX_INT_DIGITS} integer digits and ${MAX_DECIMALS} decimals.`,
        ),
      });
      continue;
    }
    if (num.n < 0n && !ind.allowNegative) {
      problems.push({
        field,
        severity: 'blocking',
        message: bilingual(`${label.vi} không được là số âm.`, `${label.en} must not be negative.`),
      });
      continue;
    }
    if (ind.valueType === 'integer' && !isInteger(num)) {
      problems.push({
        field,
        severity: 'blocking',
        message: bilingual(`${label.vi} phải là số nguyên.`, `${label.en} must be a whole number.`),
      });
      continue;
    }
    if (!v.estimate && !opts.periodEnded) {
      problems.push({
        field,
        severity: 'blocking',
        message: bilingual(
          `${label.vi}: kỳ báo cáo ${opts.periodLabelVi} chưa kết thúc (đến hết ngày ${opts.periodEndText}), chỉ được nhập số ước tính, chưa được nhập số thực hiện.`,
          `${label.en}: the period ${opts.periodLabelEn} has not ended (it ends on ${opts.periodEndText}); enter an estimate, not an actual.`,
        ),
      });
      continue;
    }
    malformed.delete(key);
    parsed.set(key, { indicator: v.indicator, combo, value: num, estimate: v.estimate });
  }

  // Breakdowns and required values.
  for (const ind of def.indicators) {
    if (malformed.has(`${ind.code}|`)) continue;
    const total = parsed.get(`${ind.code}|`);
    if (!total && ind.required) {
      problems.push({
        field: valueField(ind.code),
        severity: structural,
        message: bilingual(`Chưa nhập ${ind.nameVi}.`, `${ind.nameEn} is missing.`),
      });
    }
    for (const dis of ind.disaggregations) {
      if (dis.options.some((o) => malformed.has(`${ind.code}|${dis.code}:${o.code}`))) continue;
      const parts = dis.options.map((o) => ({ o, v: parsed.get(`${ind.code}|${dis.code}:${o.code}`) }));
      const given = parts.filter((p) => p.v);
      if (!given.length) {
        if (dis.required && total) {
          problems.push({
            field: valueField(ind.code, `${dis.code}:${dis.options[0]?.code ?? ''}`),
            severity: structural,
            message: bilingual(
              `Chưa nhập ${ind.nameVi} chia theo ${dis.nameVi.toLowerCase()}.`,
              `${ind.nameEn} by ${dis.nameEn.toLowerCase()} is missing.`,
            ),
          });
        }
        continue;
      }
      if (!total) {
        problems.push({
          field: valueField(ind.code),
          severity: structural,
          message: bilingual(
            `Nhập tổng số ${ind.nameVi} khi đã nhập chi tiết theo ${dis.nameVi.toLowerCase()}.`,
            `Enter the total ${ind.nameEn} when its breakdown by ${dis.nameEn.toLowerCase()} is given.`,
          ),
        });
        continue;
      }
      let overflow = false;
      for (const p of given) {
        if (cmp(p.v!.value, total.value) > 0) {
          overflow = true;
          const pv = both(p.v!.value);
          const tv = both(total.value);
          problems.push({
            field: valueField(ind.code, `${dis.code}:${p.o.code}`),
            severity: 'blocking',
            message: bilingual(
              `${p.o.nameVi} (${pv.vi}) lớn hơn tổng số ${ind.nameVi} (${tv.vi}).`,
              `${p.o.nameEn} (${pv.en}) is greater than the total ${ind.nameEn} (${tv.en}).`,
            ),
          });
        }
      }
      if (overflow) continue;
      if (given.length < parts.length) {
        problems.push({
          field: valueField(ind.code, `${dis.code}:${parts.find((p) => !p.v)!.o.code}`),
          severity: structural,
          message: bilingual(
            `Nhập đủ các phần của ${ind.nameVi} theo ${dis.nameVi.toLowerCase()} (hoặc bỏ trống tất cả).`,
            `Enter every part of ${ind.nameEn} by ${dis.nameEn.toLowerCase()} (or none).`,
          ),
        });
        continue;
      }
      const sum = sumAll(given.map((p) => p.v!.value));
      if (cmp(sum, total.value) !== 0) {
        const sv = both(sum);
        const tv = both(total.value);
        problems.push({
          field: valueField(ind.code, `${dis.code}:${dis.options[0]!.code}`),
          severity: structural,
          message: bilingual(
            `Tổng các phần theo ${dis.nameVi.toLowerCase()} (${sv.vi}) không bằng tổng số ${ind.nameVi} (${tv.vi}).`,
            `The parts by ${dis.nameEn.toLowerCase()} (${sv.en}) do not add up to the total ${ind.nameEn} (${tv.en}).`,
          ),
        });
      }
    }
  }

  // Configurable rules: failures are problems of the rule's severity (a blocking rule only warns in a draft).
  const lookup = (indicator: string, combo: string) => parsed.get(`${indicator}|${combo}`)?.value ?? null;
  for (const rule of def.rules) {
    const outcome = evaluateRule(rule, lookup);
    if (outcome.passed !== false) continue;
    const firstRef = expressionRefs(parseExpression(rule.leftExpr))[0];
    problems.push({
      field: firstRef ? valueField(firstRef.indicator, firstRef.combo) : `rules.${rule.code}`,
      severity: rule.severity === 'blocking' && submit ? 'blocking' : 'warning',
      rule: rule.code,
      message: bilingual(rule.messageVi, rule.messageEn),
    });
  }
  return { problems, parsed };
}

function partLabel(ind: EntryIndicatorDef, combo: string, lang: 'vi' | 'en'): string {
  const name = lang === 'vi' ? ind.nameVi : ind.nameEn;
  if (!combo) return name;
  const [d, o] = combo.split(':');
  const opt = ind.disaggregations.find((x) => x.code === d)?.options.find((x) => x.code === o);
  if (!opt) return name;
  return `${name} – ${lang === 'vi' ? opt.nameVi : opt.nameEn}`;
}
