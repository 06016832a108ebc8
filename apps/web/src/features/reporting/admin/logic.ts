/**
 * The non-visual logic of the reporting set-up screens: checking formulas and rule expressions against the
 * catalogue (the same parser as the server), the due / lock day example, the validation of each form before
 * it is sent (returning message keys of the "reportingAdmin.validation" catalogue), and the patch of an update
 * (only the fields that changed: the server refuses changes to what stored values mean).
 */
import {
  type Period,
  periodEnd,
  periodId,
  periodOf,
  previousPeriod,
  tryParsePeriod,
} from '@heza/shared/periods';
import type { FormPeriodType, IndicatorView, RuleView } from '@heza/shared/reporting';
import {
  ExpressionError,
  evaluateRule,
  expressionRefs,
  parseEntryNumber,
  parseExpression,
  type RuleOutcome,
} from '@heza/shared/reporting-rules';

// ---------------------------------------------------------------------------------------------------
// Expressions

/** What an expression may name: an indicator with its breakdown parts. */
export interface KnownIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  source: IndicatorView['source'];
  combos: string[];
}

/** The breakdown parts ("nationality:foreign") of an indicator. */
export function combosOf(ind: Pick<IndicatorView, 'disaggregations'>): string[] {
  return ind.disaggregations.flatMap((d) => d.options.map((o) => `${d.code}:${o.code}`));
}

export function knownIndicators(items: IndicatorView[]): KnownIndicator[] {
  return items.map((i) => ({
    code: i.code,
    nameVi: i.nameVi,
    nameEn: i.nameEn,
    source: i.source,
    combos: combosOf(i),
  }));
}

/** Why an operand cannot be used: unknown code, unknown breakdown part, a computed one, the indicator itself. */
export type OperandStatus = 'ok' | 'unknown' | 'badCombo' | 'computed' | 'self';

export interface Operand {
  /** As written: "labour[nationality:foreign]". */
  text: string;
  indicator: string;
  combo: string;
  status: OperandStatus;
  known?: KnownIndicator;
}

export type ExpressionCheck =
  | { state: 'empty' }
  | { state: 'syntax'; position: number; detail: string }
  | { state: 'checked'; ok: boolean; operands: Operand[] };

/**
 * Parses an expression and checks every indicator it names. `allowComputed` is false for formulas (a computed
 * indicator is built from reported or registry ones); `self` is the indicator being edited.
 */
export function checkExpression(
  text: string,
  known: KnownIndicator[],
  opts: { allowComputed?: boolean; self?: string } = {},
): ExpressionCheck {
  if (text.trim() === '') return { state: 'empty' };
  let refs: { indicator: string; combo: string }[];
  try {
    refs = expressionRefs(parseExpression(text));
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    return { state: 'syntax', position: err.position + 1, detail: err.message };
  }
  const byCode = new Map(known.map((k) => [k.code, k]));
  const seen = new Set<string>();
  const operands: Operand[] = [];
  for (const ref of refs) {
    const refText = ref.combo ? `${ref.indicator}[${ref.combo}]` : ref.indicator;
    if (seen.has(refText)) continue;
    seen.add(refText);
    const k = byCode.get(ref.indicator);
    let status: OperandStatus = 'ok';
    if (!k) status = 'unknown';
    else if (opts.self && ref.indicator === opts.self) status = 'self';
    else if (ref.combo && !k.combos.includes(ref.combo)) status = 'badCombo';
    else if (opts.allowComputed === false && k.source === 'computed') status = 'computed';
    operands.push({ text: refText, indicator: ref.indicator, combo: ref.combo, status, known: k });
  }
  return { state: 'checked', ok: operands.every((o) => o.status === 'ok'), operands };
}

/** How a rule reads: "labour[nationality:foreign] ≤ labour" or "3 ≤ avg_income ÷ 1000000 ≤ 150". */
export function ruleText(
  r: Pick<RuleView, 'leftExpr' | 'operator' | 'rightExpr' | 'ratioMin' | 'ratioMax'>,
): string {
  if (r.operator === 'ratio_between') {
    const ratio = `(${r.leftExpr}) ÷ (${r.rightExpr})`;
    return [
      r.ratioMin !== null ? `${r.ratioMin} ≤` : null,
      ratio,
      r.ratioMax !== null ? `≤ ${r.ratioMax}` : null,
    ]
      .filter(Boolean)
      .join(' ');
  }
  const sign = { eq: '=', le: '≤', ge: '≥', lt: '<', gt: '>' }[r.operator];
  return `${r.leftExpr} ${sign} ${r.rightExpr}`;
}

/**
 * Tries a rule on sample values typed by the administrator (canonical decimals by operand text). Returns the
 * outcome, or 'invalid' naming the operand whose sample is not a number, or 'syntax' when it does not parse.
 */
export function tryRule(
  rule: Pick<RuleView, 'leftExpr' | 'operator' | 'rightExpr' | 'ratioMin' | 'ratioMax' | 'severity'>,
  samples: Record<string, string>,
): { kind: 'outcome'; outcome: RuleOutcome } | { kind: 'invalid'; operand: string } | { kind: 'syntax' } {
  for (const [operand, value] of Object.entries(samples)) {
    if (parseEntryNumber(value) === 'invalid') return { kind: 'invalid', operand };
  }
  try {
    const outcome = evaluateRule(
      { ...rule, code: 'try', messageVi: '', messageEn: '' },
      (indicator, combo) => {
        const v = parseEntryNumber(samples[combo ? `${indicator}[${combo}]` : indicator] ?? null);
        return v === 'invalid' ? null : v;
      },
    );
    return { kind: 'outcome', outcome };
  } catch (err) {
    if (err instanceof ExpressionError) return { kind: 'syntax' };
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------
// Due day and lock day

/** 'YYYY-MM-DD' + n calendar days. */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface ScheduleExample {
  period: Period;
  periodEnd: string;
  dueDate: string;
  lockDate: string;
}

/**
 * The due and lock days of two periods of a form as of `today`: the period under way and the last one that has
 * ended (the one enterprises are reporting now). Days are calendar days after the period's last day.
 */
export function scheduleExample(
  periodType: FormPeriodType,
  dueAfterDays: number,
  lockAfterDays: number,
  today: string,
): { current: ScheduleExample; previous: ScheduleExample } {
  const make = (p: Period): ScheduleExample => {
    const end = periodEnd(p);
    return {
      period: p,
      periodEnd: end,
      dueDate: addDays(end, dueAfterDays),
      lockDate: addDays(end, lockAfterDays),
    };
  };
  const current = periodOf(periodType, today);
  return { current: make(current), previous: make(previousPeriod(current)) };
}

/** Periods of a type ending up to `count` periods back from today's, newest first (for pickers). */
export function recentPeriodIds(periodType: FormPeriodType, today: string, count: number): string[] {
  const out: string[] = [];
  let p = periodOf(periodType, today);
  for (let i = 0; i < count; i++) {
    out.push(periodId(p));
    p = previousPeriod(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Validation (message keys under "reportingAdmin.validation")

/** Keys of the "reportingAdmin.validation" messages. */
export const VALIDATION_KEYS = [
  'indicatorCode',
  'codeTaken',
  'nameVi',
  'nameEn',
  'tooLong200',
  'tooLong500',
  'tooLong2000',
  'decimals',
  'integerDecimals',
  'sortOrder',
  'reportedFormula',
  'weightRequired',
  'weightReported',
  'formulaRequired',
  'formulaSyntax',
  'formulaOperands',
  'disaggregationTwice',
  'disaggregationCount',
  'formCode',
  'dueDays',
  'lockDays',
  'lockBeforeDue',
  'period',
  'periodType',
  'lastBeforeFirst',
  'enterprisesRequired',
  'dayList',
  'dayRange',
  'dayCount',
  'indicatorsRequired',
  'ruleCodeTaken',
  'expressionRequired',
  'expressionSyntax',
  'expressionOperands',
  'ratioBounds',
  'decimal',
  'ratioOrder',
  'messageVi',
  'messageEn',
  'position',
  'unlockPeriod',
  'unlockEnterprise',
  'unlockUntil',
  'unlockReason',
] as const;
export type ValidationKey = (typeof VALIDATION_KEYS)[number];

/** One message key per field path. */
export type Problems = Partial<Record<string, ValidationKey>>;

const INDICATOR_CODE = /^[a-z][a-z0-9_]{1,40}$/;
const FORM_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/;
const DECIMAL = /^-?\d{1,18}(\.\d{1,6})?$/;

/** Parses "3, 1" into whole days within bounds; at most five, no repeats. */
export function parseDayList(
  text: string,
  min: number,
  max: number,
): { ok: true; days: number[] } | { ok: false; error: 'dayList' | 'dayRange' | 'dayCount' } {
  const parts = text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const days: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return { ok: false, error: 'dayList' };
    const n = Number(p);
    if (n < min || n > max) return { ok: false, error: 'dayRange' };
    if (!days.includes(n)) days.push(n);
  }
  if (days.length > 5) return { ok: false, error: 'dayCount' };
  return { ok: true, days: days.sort((a, b) => a - b) };
}

export interface IndicatorFormValues {
  code: string;
  source: 'reported' | 'computed';
  nameVi: string;
  nameEn: string;
  nameZh: string;
  nameKo: string;
  nameJa: string;
  descriptionVi: string;
  descriptionEn: string;
  unit: IndicatorView['unit'];
  displayUnit: IndicatorView['displayUnit'];
  valueType: 'decimal' | 'integer';
  decimals: number | string;
  allowNegative: boolean;
  aggregation: IndicatorView['aggregation'];
  weightIndicator: string;
  formula: string;
  disaggregations: { code: string; required: boolean }[];
  sortOrder: number | string;
  active: boolean;
}

export function indicatorValues(ind: IndicatorView | undefined): IndicatorFormValues {
  return {
    code: ind?.code ?? '',
    source: ind?.source === 'computed' ? 'computed' : 'reported',
    nameVi: ind?.nameVi ?? '',
    nameEn: ind?.nameEn ?? '',
    nameZh: ind?.nameZh ?? '',
    nameKo: ind?.nameKo ?? '',
    nameJa: ind?.nameJa ?? '',
    descriptionVi: ind?.descriptionVi ?? '',
    descriptionEn: ind?.descriptionEn ?? '',
    unit: ind?.unit ?? 'usd',
    displayUnit: ind?.displayUnit ?? 'usd',
    valueType: ind?.valueType ?? 'decimal',
    decimals: ind?.decimals ?? 0,
    allowNegative: ind?.allowNegative ?? false,
    aggregation: ind?.aggregation ?? 'sum',
    weightIndicator: ind?.weightIndicator ?? '',
    formula: ind?.formula ?? '',
    disaggregations: (ind?.disaggregations ?? []).map((d) => ({ code: d.code, required: d.required })),
    sortOrder: ind?.sortOrder ?? 1000,
    active: ind?.active ?? true,
  };
}

const isWhole = (v: number | string, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Checks an indicator form; `known` is the catalogue (for the weight and the formula's operands). */
export function validateIndicator(v: IndicatorFormValues, known: KnownIndicator[], isNew: boolean): Problems {
  const p: Problems = {};
  if (isNew) {
    if (!INDICATOR_CODE.test(v.code.trim())) p.code = 'indicatorCode';
    else if (known.some((k) => k.code === v.code.trim())) p.code = 'codeTaken';
  }
  if (!v.nameVi.trim()) p.nameVi = 'nameVi';
  if (!v.nameEn.trim()) p.nameEn = 'nameEn';
  for (const k of ['nameVi', 'nameEn', 'nameZh', 'nameKo', 'nameJa'] as const)
    if (!p[k] && v[k].trim().length > 200) p[k] = 'tooLong200';
  for (const k of ['descriptionVi', 'descriptionEn'] as const)
    if (v[k].trim().length > 2000) p[k] = 'tooLong2000';
  if (!isWhole(v.decimals, 0, 6)) p.decimals = 'decimals';
  else if (v.valueType === 'integer' && v.decimals !== 0) p.decimals = 'integerDecimals';
  if (!isWhole(v.sortOrder, 0, 100_000)) p.sortOrder = 'sortOrder';
  if (v.source === 'reported' && v.aggregation === 'formula') p.aggregation = 'reportedFormula';
  if (v.aggregation === 'weighted_average') {
    const w = known.find((k) => k.code === v.weightIndicator);
    if (!v.weightIndicator) p.weightIndicator = 'weightRequired';
    else if (w?.source !== 'reported' || w.code === v.code.trim()) p.weightIndicator = 'weightReported';
  }
  if (v.source === 'computed') {
    const check = checkExpression(v.formula, known, { allowComputed: false, self: v.code.trim() });
    if (check.state === 'empty') p.formula = 'formulaRequired';
    else if (check.state === 'syntax') p.formula = 'formulaSyntax';
    else if (!check.ok) p.formula = 'formulaOperands';
  }
  const seen = new Set<string>();
  v.disaggregations.forEach((d) => {
    if (seen.has(d.code)) p.disaggregations = 'disaggregationTwice';
    seen.add(d.code);
  });
  if (v.disaggregations.length > 5) p.disaggregations = 'disaggregationCount';
  return p;
}

const nullIfBlank = (s: string) => (s.trim() === '' ? null : s.trim());

/** The API input of an indicator form (create). */
export function indicatorInput(v: IndicatorFormValues) {
  return {
    code: v.code.trim(),
    source: v.source,
    nameVi: v.nameVi.trim(),
    nameEn: v.nameEn.trim(),
    nameZh: nullIfBlank(v.nameZh),
    nameKo: nullIfBlank(v.nameKo),
    nameJa: nullIfBlank(v.nameJa),
    descriptionVi: nullIfBlank(v.descriptionVi),
    descriptionEn: nullIfBlank(v.descriptionEn),
    unit: v.unit,
    displayUnit: v.displayUnit,
    valueType: v.valueType,
    decimals: Number(v.decimals),
    allowNegative: v.allowNegative,
    aggregation: v.source === 'computed' ? ('formula' as const) : v.aggregation,
    weightIndicator: v.aggregation === 'weighted_average' ? v.weightIndicator : null,
    formula: v.source === 'computed' ? v.formula.trim() : null,
    disaggregations: v.disaggregations,
    sortOrder: Number(v.sortOrder),
    active: v.active,
  };
}

/**
 * The fields of `next` that differ from `before` (deep, by JSON). An update sends only these: the server
 * refuses any change to what stored values mean once values exist, so re-sending unchanged fields must not
 * count as a change.
 */
export function changedFields<T extends Record<string, unknown>>(before: T, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) out[key] = next[key];
  }
  return out;
}

export interface FormFormValues {
  code: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  periodType: FormPeriodType;
  dueAfterDays: number | string;
  lockAfterDays: number | string;
  firstPeriod: string;
  lastPeriod: string;
  targetMode: 'filter' | 'listed';
  targetZoneIds: string[];
  targetInvestmentType: '' | 'fdi' | 'ddi';
  enterpriseIds: string[];
  remindBeforeDays: string;
  remindAfterDays: string;
  indicators: { code: string; required: boolean; sectionVi: string }[];
  active: boolean;
}

/** Checks a reporting form before it is sent. */
export function validateForm(v: FormFormValues, isNew: boolean): Problems {
  const p: Problems = {};
  if (isNew && !FORM_CODE.test(v.code.trim())) p.code = 'formCode';
  if (!v.nameVi.trim()) p.nameVi = 'nameVi';
  if (!v.nameEn.trim()) p.nameEn = 'nameEn';
  if (!isWhole(v.dueAfterDays, 0, 366)) p.dueAfterDays = 'dueDays';
  if (!isWhole(v.lockAfterDays, 0, 731)) p.lockAfterDays = 'lockDays';
  else if (!p.dueAfterDays && Number(v.lockAfterDays) < Number(v.dueAfterDays))
    p.lockAfterDays = 'lockBeforeDue';
  const first = tryParsePeriod(v.firstPeriod.trim());
  if (!v.firstPeriod.trim() || !first) p.firstPeriod = 'period';
  else if (first.type !== v.periodType) p.firstPeriod = 'periodType';
  if (v.lastPeriod.trim()) {
    const last = tryParsePeriod(v.lastPeriod.trim());
    if (!last) p.lastPeriod = 'period';
    else if (last.type !== v.periodType) p.lastPeriod = 'periodType';
    else if (first && first.type === last.type && periodEnd(last) < periodEnd(first))
      p.lastPeriod = 'lastBeforeFirst';
  }
  if (v.targetMode === 'listed' && v.enterpriseIds.length === 0) p.enterpriseIds = 'enterprisesRequired';
  const before = parseDayList(v.remindBeforeDays, 0, 60);
  if (!before.ok) p.remindBeforeDays = before.error;
  const after = parseDayList(v.remindAfterDays, 1, 365);
  if (!after.ok) p.remindAfterDays = after.error;
  if (v.indicators.length === 0) p.indicators = 'indicatorsRequired';
  return p;
}

export function formValues(
  f:
    | {
        code: string;
        nameVi: string;
        nameEn: string;
        descriptionVi: string | null;
        periodType: FormPeriodType;
        dueAfterDays: number;
        lockAfterDays: number;
        firstPeriod: string;
        lastPeriod: string | null;
        targetMode: 'filter' | 'listed';
        targetZoneIds: string[];
        targetInvestmentType: 'fdi' | 'ddi' | null;
        enterpriseIds: string[];
        remindBeforeDays: number[];
        remindAfterDays: number[];
        indicators: { code: string; required: boolean; sectionVi: string | null }[];
        active: boolean;
      }
    | undefined,
  today: string,
): FormFormValues {
  return {
    code: f?.code ?? '',
    nameVi: f?.nameVi ?? '',
    nameEn: f?.nameEn ?? '',
    descriptionVi: f?.descriptionVi ?? '',
    periodType: f?.periodType ?? 'quarter',
    dueAfterDays: f?.dueAfterDays ?? 15,
    lockAfterDays: f?.lockAfterDays ?? 45,
    firstPeriod: f?.firstPeriod ?? periodId(periodOf('quarter', today)),
    lastPeriod: f?.lastPeriod ?? '',
    targetMode: f?.targetMode ?? 'filter',
    targetZoneIds: f?.targetZoneIds ?? [],
    targetInvestmentType: f?.targetInvestmentType ?? '',
    enterpriseIds: f?.enterpriseIds ?? [],
    remindBeforeDays: (f?.remindBeforeDays ?? [3]).join(', '),
    remindAfterDays: (f?.remindAfterDays ?? [1, 5]).join(', '),
    indicators: (f?.indicators ?? []).map((i) => ({
      code: i.code,
      required: i.required,
      sectionVi: i.sectionVi ?? '',
    })),
    active: f?.active ?? true,
  };
}

/** The API input of a form (create); an update sends `changedFields` of it without code and period type. */
export function formInput(v: FormFormValues) {
  const before = parseDayList(v.remindBeforeDays, 0, 60);
  const after = parseDayList(v.remindAfterDays, 1, 365);
  return {
    code: v.code.trim(),
    nameVi: v.nameVi.trim(),
    nameEn: v.nameEn.trim(),
    descriptionVi: nullIfBlank(v.descriptionVi),
    periodType: v.periodType,
    dueAfterDays: Number(v.dueAfterDays),
    lockAfterDays: Number(v.lockAfterDays),
    firstPeriod: v.firstPeriod.trim(),
    lastPeriod: nullIfBlank(v.lastPeriod),
    targetMode: v.targetMode,
    targetZoneIds: v.targetMode === 'filter' ? v.targetZoneIds : [],
    targetInvestmentType: v.targetMode === 'filter' && v.targetInvestmentType ? v.targetInvestmentType : null,
    enterpriseIds: v.targetMode === 'listed' ? v.enterpriseIds : [],
    remindBeforeDays: before.ok ? before.days : [],
    remindAfterDays: after.ok ? after.days : [],
    indicators: v.indicators.map((i) => ({
      code: i.code,
      required: i.required,
      sectionVi: nullIfBlank(i.sectionVi),
    })),
    active: v.active,
  };
}

/** Moves an item of a list up (-1) or down (+1); out-of-range moves return the list unchanged. */
export function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export interface RuleFormValues {
  code: string;
  leftExpr: string;
  operator: RuleView['operator'];
  rightExpr: string;
  ratioMin: string;
  ratioMax: string;
  severity: RuleView['severity'];
  messageVi: string;
  messageEn: string;
  position: number | string;
  active: boolean;
}

export function ruleValues(r: RuleView | undefined): RuleFormValues {
  return {
    code: r?.code ?? '',
    leftExpr: r?.leftExpr ?? '',
    operator: r?.operator ?? 'le',
    rightExpr: r?.rightExpr ?? '',
    ratioMin: r?.ratioMin ?? '',
    ratioMax: r?.ratioMax ?? '',
    severity: r?.severity ?? 'blocking',
    messageVi: r?.messageVi ?? '',
    messageEn: r?.messageEn ?? '',
    position: r?.position ?? 0,
    active: r?.active ?? true,
  };
}

/** Typed bounds may use a decimal comma ("0,5"). */
export function boundText(text: string): string {
  return text.trim().replace(',', '.');
}

/** Checks a rule form; `formIndicators` are the indicators of the rule's form (the only ones it may name). */
export function validateRule(
  v: RuleFormValues,
  formIndicators: KnownIndicator[],
  takenCodes: string[],
  isNew: boolean,
): Problems {
  const p: Problems = {};
  if (isNew) {
    if (!FORM_CODE.test(v.code.trim())) p.code = 'formCode';
    else if (takenCodes.includes(v.code.trim())) p.code = 'ruleCodeTaken';
  }
  for (const k of ['leftExpr', 'rightExpr'] as const) {
    const check = checkExpression(v[k], formIndicators);
    if (check.state === 'empty') p[k] = 'expressionRequired';
    else if (check.state === 'syntax') p[k] = 'expressionSyntax';
    else if (!check.ok) p[k] = 'expressionOperands';
  }
  const min = boundText(v.ratioMin);
  const max = boundText(v.ratioMax);
  if (v.operator === 'ratio_between') {
    if (!min && !max) p.ratioMin = 'ratioBounds';
    if (min && !DECIMAL.test(min)) p.ratioMin = 'decimal';
    if (max && !DECIMAL.test(max)) p.ratioMax = 'decimal';
    if (!p.ratioMin && !p.ratioMax && min && max && Number(min) > Number(max)) p.ratioMax = 'ratioOrder';
  }
  if (!v.messageVi.trim()) p.messageVi = 'messageVi';
  else if (v.messageVi.trim().length > 500) p.messageVi = 'tooLong500';
  if (!v.messageEn.trim()) p.messageEn = 'messageEn';
  else if (v.messageEn.trim().length > 500) p.messageEn = 'tooLong500';
  if (!isWhole(v.position, 0, 10_000)) p.position = 'position';
  return p;
}

/** The API input of a rule form (create); an update sends it without the code. */
export function ruleInput(v: RuleFormValues) {
  const ratio = v.operator === 'ratio_between';
  return {
    code: v.code.trim(),
    leftExpr: v.leftExpr.trim(),
    operator: v.operator,
    rightExpr: v.rightExpr.trim(),
    ratioMin: ratio && boundText(v.ratioMin) ? boundText(v.ratioMin) : null,
    ratioMax: ratio && boundText(v.ratioMax) ? boundText(v.ratioMax) : null,
    severity: v.severity,
    messageVi: v.messageVi.trim(),
    messageEn: v.messageEn.trim(),
    position: Number(v.position),
    active: v.active,
  };
}

export interface UnlockFormValues {
  periodId: string;
  allEnterprises: boolean;
  enterpriseId: string;
  openUntil: string;
  reason: string;
}

/** Checks an unlock exception before it is granted (the server also checks it is beyond the lock day). */
export function validateUnlock(v: UnlockFormValues, periodType: FormPeriodType, today: string): Problems {
  const p: Problems = {};
  const period = tryParsePeriod(v.periodId.trim());
  if (!period || period.type !== periodType) p.periodId = 'unlockPeriod';
  if (!v.allEnterprises && !v.enterpriseId) p.enterpriseId = 'unlockEnterprise';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.openUntil) || v.openUntil < today) p.openUntil = 'unlockUntil';
  if (v.reason.trim().length < 3) p.reason = 'unlockReason';
  return p;
}
