/**
 * Enterprise periodic reporting: the indicator catalogue, reporting forms (period type, due day, lock day, who
 * must report), validation rules, unlock exceptions, the data-entry view of one report, submissions, history,
 * completeness and the spreadsheet import. One schema per name, used by the server, the web and OpenAPI.
 * Numbers travel as exact decimal strings ("1234.5"), never floats; dates as 'YYYY-MM-DD'.
 */
import { z } from 'zod';
import { bilingual } from './i18n-message.ts';
import { tryParsePeriod } from './periods.ts';
import { ExpressionError, parseExpression, RULE_OPERATORS, RULE_SEVERITIES } from './reporting-rules.ts';

// ---------------------------------------------------------------------------------------------------
// Vocabularies

/** Units of stored values (base units: whole USD, whole VND, persons…). */
export const INDICATOR_UNITS = [
  'usd',
  'vnd',
  'persons',
  'vnd_per_person_month',
  'ha',
  'percent',
  'count',
] as const;
/** One of `INDICATOR_UNITS`. */
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/**
 * Display units: how many base units one display unit holds, and its words. Plans in the registry use the
 * same identifiers (`usd_m`, `vnd_bn`), so a plan converts to base units with the same factor.
 */
export const DISPLAY_UNITS = {
  usd: { base: 'usd', factor: '1', vi: 'USD', en: 'USD' },
  usd_m: { base: 'usd', factor: '1000000', vi: 'triệu USD', en: 'million USD' },
  usd_bn: { base: 'usd', factor: '1000000000', vi: 'tỷ USD', en: 'billion USD' },
  vnd: { base: 'vnd', factor: '1', vi: 'đồng', en: 'VND' },
  vnd_m: { base: 'vnd', factor: '1000000', vi: 'triệu đồng', en: 'million VND' },
  vnd_bn: { base: 'vnd', factor: '1000000000', vi: 'tỷ đồng', en: 'billion VND' },
  persons: { base: 'persons', factor: '1', vi: 'người', en: 'persons' },
  vnd_per_person_month: {
    base: 'vnd_per_person_month',
    factor: '1',
    vi: 'đồng/người/tháng',
    en: 'VND per person per month',
  },
  vnd_m_per_person_month: {
    base: 'vnd_per_person_month',
    factor: '1000000',
    vi: 'triệu đồng/người/tháng',
    en: 'million VND per person per month',
  },
  ha: { base: 'ha', factor: '1', vi: 'ha', en: 'ha' },
  percent: { base: 'percent', factor: '1', vi: '%', en: '%' },
  count: { base: 'count', factor: '1', vi: '', en: '' },
} as const satisfies Record<string, { base: IndicatorUnit; factor: string; vi: string; en: string }>;
/** One of the `DISPLAY_UNITS` keys. */
export type DisplayUnit = keyof typeof DISPLAY_UNITS;
/** Display unit identifiers as a tuple. */
export const DISPLAY_UNIT_KEYS = Object.keys(DISPLAY_UNITS) as [DisplayUnit, ...DisplayUnit[]];

/** Aggregation over time and enterprises: sum (flows), last value (stocks), weighted average, formula (computed). */
export const AGGREGATIONS = ['sum', 'last', 'weighted_average', 'formula'] as const;
/** Where an indicator's values come from. */
export const INDICATOR_SOURCES = ['reported', 'computed', 'registry'] as const;
/** Period types a reporting form can have (year-to-date is an analytics period, not a form's). */
export const FORM_PERIOD_TYPES = ['month', 'quarter', 'half_year', 'year'] as const;
/** Submission statuses: never submitted, waiting for review, accepted, returned for correction. */
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
/** How values came in: online by the enterprise, entered by staff, imported from a spreadsheet, demo data. */
export const VALUE_SOURCES = ['online', 'staff', 'import', 'demo'] as const;
/** Who must report a form: by filters (zones, FDI/DDI) or an explicit list of enterprises. */
export const TARGET_MODES = ['filter', 'listed'] as const;

export const IndicatorUnit = z.enum(INDICATOR_UNITS);
export const DisplayUnitSchema = z.enum(DISPLAY_UNIT_KEYS);
export const Aggregation = z.enum(AGGREGATIONS);
export type Aggregation = z.infer<typeof Aggregation>;
export const IndicatorSource = z.enum(INDICATOR_SOURCES);
export type IndicatorSource = z.infer<typeof IndicatorSource>;
export const FormPeriodType = z.enum(FORM_PERIOD_TYPES);
export type FormPeriodType = z.infer<typeof FormPeriodType>;
export const SubmissionStatus = z.enum(SUBMISSION_STATUSES);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;
export const ValueSource = z.enum(VALUE_SOURCES);
export type ValueSource = z.infer<typeof ValueSource>;
export const RuleOperator = z.enum(RULE_OPERATORS);
export const RuleSeverity = z.enum(RULE_SEVERITIES);

// ---------------------------------------------------------------------------------------------------
// Building blocks

const Code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,40}$/, {
    error: bilingual(
      'Mã gồm chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ.',
      'A code has lower-case letters, digits and underscores and starts with a letter.',
    ),
  });
const FormCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, {
    error: bilingual('Mã chỉ gồm chữ, số và . _ -', 'A code has letters, digits and . _ -'),
  });
const Name = (max = 200) =>
  z
    .string()
    .trim()
    .min(1, { error: bilingual('Vui lòng nhập tên.', 'Please enter the name.') })
    .max(max);
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));
const IsoDateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, {
  error: bilingual('Ngày có dạng YYYY-MM-DD.', 'A date is written YYYY-MM-DD.'),
});
const DecimalText = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z.string().regex(/^-?\d{1,18}(\.\d{1,6})?$/, {
    error: bilingual('Phải là một số (dấu chấm thập phân).', 'Must be a number (decimal point).'),
  }),
);
const Expression = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .superRefine((s, ctx) => {
    try {
      parseExpression(s);
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      ctx.addIssue({
        code: 'custom',
        message: bilingual(
          `Biểu thức không hợp lệ tại ký tự ${err.position + 1}: ${err.message}.`,
          `Invalid expression at character ${err.position + 1}: ${err.message}.`,
        ),
      });
    }
  });

/** A period id of a form's period type ('2025M06', '2025Q2', '2025S1', '2025'). */
export const PeriodIdText = z
  .string()
  .trim()
  .refine((s) => tryParsePeriod(s) !== undefined, {
    error: bilingual(
      'Kỳ báo cáo không hợp lệ (ví dụ 2025M06, 2025Q2, 2025S1, 2025, 2024YTD11).',
      'Invalid period (e.g. 2025M06, 2025Q2, 2025S1, 2025, 2024YTD11).',
    ),
  });

/** Names of a thing in the five portal languages (Chinese, Korean and Japanese optional). */
const Names = {
  nameVi: Name(),
  nameEn: Name(),
  nameZh: OptionalText(200),
  nameKo: OptionalText(200),
  nameJa: OptionalText(200),
};

// ---------------------------------------------------------------------------------------------------
// Indicator catalogue

/** An option of a breakdown (e.g. "foreign" of "nationality"). */
export const DisaggregationOptionView = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  nameKo: z.string().nullable(),
  nameJa: z.string().nullable(),
});

/** A breakdown with its options. */
export const DisaggregationView = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  nameKo: z.string().nullable(),
  nameJa: z.string().nullable(),
  options: z.array(DisaggregationOptionView),
});
export type DisaggregationView = z.infer<typeof DisaggregationView>;

/** An indicator of the catalogue as the API shows it. */
export const IndicatorView = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  nameKo: z.string().nullable(),
  nameJa: z.string().nullable(),
  descriptionVi: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  unit: IndicatorUnit,
  displayUnit: DisplayUnitSchema,
  valueType: z.enum(['decimal', 'integer']),
  decimals: z.number().int(),
  allowNegative: z.boolean(),
  source: IndicatorSource,
  aggregation: Aggregation,
  weightIndicator: z.string().nullable(),
  formula: z.string().nullable(),
  registryMeasure: z.string().nullable(),
  planIndicator: z.string().nullable(),
  disaggregations: z.array(DisaggregationView.extend({ required: z.boolean() })),
  sortOrder: z.number().int(),
  active: z.boolean(),
  isSystem: z.boolean(),
});
export type IndicatorView = z.infer<typeof IndicatorView>;

// Update inputs are `.partial()` of these: no `.default()` here, or a partial update would reset fields.
const IndicatorFields = {
  ...Names,
  descriptionVi: OptionalText(2000),
  descriptionEn: OptionalText(2000),
  unit: IndicatorUnit,
  displayUnit: DisplayUnitSchema.optional(),
  valueType: z.enum(['decimal', 'integer']),
  decimals: z.number().int().min(0).max(6),
  allowNegative: z.boolean(),
  aggregation: Aggregation,
  weightIndicator: Code.nullish(),
  formula: Expression.nullish(),
  planIndicator: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]*$/)
    .nullish(),
  disaggregations: z.array(z.object({ code: Code, required: z.boolean().default(false) })).max(5),
  sortOrder: z.number().int().min(0).max(100_000),
  active: z.boolean(),
};

function indicatorRules(
  v: { aggregation?: string; weightIndicator?: string | null; formula?: string | null; source?: string },
  ctx: z.RefinementCtx,
) {
  if (v.aggregation === 'weighted_average' && !v.weightIndicator) {
    ctx.addIssue({
      code: 'custom',
      path: ['weightIndicator'],
      message: bilingual(
        'Bình quân gia quyền cần chỉ tiêu làm quyền số (ví dụ lao động).',
        'A weighted average needs a weight indicator (e.g. labour).',
      ),
    });
  }
  if (v.source === 'computed' && !v.formula) {
    ctx.addIssue({
      code: 'custom',
      path: ['formula'],
      message: bilingual('Chỉ tiêu tính toán cần công thức.', 'A computed indicator needs a formula.'),
    });
  }
  if (v.source === 'reported' && v.aggregation === 'formula') {
    ctx.addIssue({
      code: 'custom',
      path: ['aggregation'],
      message: bilingual(
        'Chỉ tiêu do doanh nghiệp báo cáo cộng gộp theo tổng, giá trị cuối kỳ hoặc bình quân gia quyền.',
        'A reported indicator aggregates as a sum, last value or weighted average.',
      ),
    });
  }
}

/** Input to add an indicator (reported or computed; registry-derived ones ship with the platform). */
export const IndicatorInput = z
  .object({
    ...IndicatorFields,
    code: Code,
    source: z.enum(['reported', 'computed']).default('reported'),
    valueType: IndicatorFields.valueType.default('decimal'),
    decimals: IndicatorFields.decimals.default(0),
    allowNegative: IndicatorFields.allowNegative.default(false),
    disaggregations: IndicatorFields.disaggregations.default([]),
    sortOrder: IndicatorFields.sortOrder.default(1000),
    active: IndicatorFields.active.default(true),
  })
  .superRefine(indicatorRules);
export type IndicatorInput = z.input<typeof IndicatorInput>;

/** Input to change an indicator; the code and the source never change. */
export const IndicatorUpdateInput = z
  .object(IndicatorFields)
  .partial()
  .superRefine((v, ctx) => indicatorRules(v, ctx));
export type IndicatorUpdateInput = z.input<typeof IndicatorUpdateInput>;

// ---------------------------------------------------------------------------------------------------
// Forms and rules

/** A validation rule as the API shows it. */
export const RuleView = z.object({
  id: z.string(),
  code: z.string(),
  leftExpr: z.string(),
  operator: RuleOperator,
  rightExpr: z.string(),
  ratioMin: z.string().nullable(),
  ratioMax: z.string().nullable(),
  severity: RuleSeverity,
  messageVi: z.string(),
  messageEn: z.string(),
  position: z.number().int(),
  active: z.boolean(),
});
export type RuleView = z.infer<typeof RuleView>;

const RuleFields = {
  code: FormCode,
  leftExpr: Expression,
  operator: RuleOperator,
  rightExpr: Expression,
  ratioMin: DecimalText.nullish(),
  ratioMax: DecimalText.nullish(),
  severity: RuleSeverity,
  messageVi: Name(500),
  messageEn: Name(500),
  position: z.number().int().min(0).max(10_000),
  active: z.boolean(),
};

function ruleRules(
  v: { operator?: string; ratioMin?: string | null; ratioMax?: string | null },
  ctx: z.RefinementCtx,
) {
  const hasBounds = v.ratioMin != null || v.ratioMax != null;
  if (v.operator === 'ratio_between' && !hasBounds) {
    ctx.addIssue({
      code: 'custom',
      path: ['ratioMin'],
      message: bilingual(
        'Nhập cận dưới hoặc cận trên của tỷ lệ.',
        'Give a lower or upper bound of the ratio.',
      ),
    });
  }
  if (v.operator && v.operator !== 'ratio_between' && hasBounds) {
    ctx.addIssue({
      code: 'custom',
      path: ['ratioMin'],
      message: bilingual(
        'Cận tỷ lệ chỉ dùng với phép so sánh tỷ lệ.',
        'Ratio bounds only apply to the ratio operator.',
      ),
    });
  }
  if (v.ratioMin != null && v.ratioMax != null && Number(v.ratioMin) > Number(v.ratioMax)) {
    ctx.addIssue({
      code: 'custom',
      path: ['ratioMax'],
      message: bilingual(
        'Cận trên phải lớn hơn hoặc bằng cận dưới.',
        'The upper bound must not be below the lower.',
      ),
    });
  }
}

/** Input to add a validation rule to a form. */
export const RuleInput = z
  .object({
    ...RuleFields,
    position: RuleFields.position.default(0),
    active: RuleFields.active.default(true),
  })
  .superRefine(ruleRules);
export type RuleInput = z.input<typeof RuleInput>;

/** Input to change a validation rule. */
export const RuleUpdateInput = z
  .object(RuleFields)
  .omit({ code: true })
  .partial()
  .superRefine((v, ctx) => ruleRules(v, ctx));
export type RuleUpdateInput = z.input<typeof RuleUpdateInput>;

/** One indicator on a form. */
export const FormIndicatorInput = z.object({
  code: Code,
  required: z.boolean().default(true),
  sectionVi: OptionalText(200),
});

const FormFields = {
  nameVi: Name(300),
  nameEn: Name(300),
  descriptionVi: OptionalText(2000),
  periodType: FormPeriodType,
  /** Hạn nộp: days after the period end; decides on time / late and the reminders. */
  dueAfterDays: z.number().int().min(0).max(366),
  /** Ngày khóa số liệu: days after the period end after which entry is closed (unless unlocked). */
  lockAfterDays: z.number().int().min(0).max(731),
  firstPeriod: PeriodIdText,
  lastPeriod: PeriodIdText.nullish(),
  targetMode: z.enum(TARGET_MODES),
  targetZoneIds: z.array(z.uuid()).max(500),
  targetInvestmentType: z.enum(['fdi', 'ddi']).nullish(),
  enterpriseIds: z.array(z.uuid()).max(20_000),
  remindBeforeDays: z.array(z.number().int().min(0).max(60)).max(5),
  remindAfterDays: z.array(z.number().int().min(1).max(365)).max(5),
  indicators: z.array(FormIndicatorInput).min(1).max(200),
  active: z.boolean(),
};

const PERIOD_TYPE_OF_ID: Record<string, string> = {
  month: 'month',
  quarter: 'quarter',
  half_year: 'half_year',
  year: 'year',
};

function formRules(
  v: {
    dueAfterDays?: number;
    lockAfterDays?: number;
    periodType?: string;
    firstPeriod?: string;
    lastPeriod?: string | null;
    targetMode?: string;
    enterpriseIds?: string[];
  },
  ctx: z.RefinementCtx,
) {
  if (v.dueAfterDays !== undefined && v.lockAfterDays !== undefined && v.lockAfterDays < v.dueAfterDays) {
    ctx.addIssue({
      code: 'custom',
      path: ['lockAfterDays'],
      message: bilingual(
        'Ngày khóa số liệu phải sau hoặc trùng hạn nộp: sau hạn nộp doanh nghiệp vẫn được nộp muộn cho đến ngày khóa.',
        'The lock day must be on or after the due day: after the due day a report can still be made late until the lock day.',
      ),
    });
  }
  for (const key of ['firstPeriod', 'lastPeriod'] as const) {
    const id = v[key];
    if (!id || !v.periodType) continue;
    const p = tryParsePeriod(id);
    if (p && p.type !== PERIOD_TYPE_OF_ID[v.periodType]) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: bilingual(
          `Kỳ ${id} không thuộc loại kỳ của biểu mẫu.`,
          `Period ${id} is not of the form's period type.`,
        ),
      });
    }
  }
  if (v.targetMode === 'listed' && v.enterpriseIds && v.enterpriseIds.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['enterpriseIds'],
      message: bilingual(
        'Chọn ít nhất một doanh nghiệp phải báo cáo.',
        'List at least one enterprise that must report.',
      ),
    });
  }
}

/** Input to create a reporting form. */
export const FormInput = z
  .object({
    ...FormFields,
    code: FormCode,
    targetMode: FormFields.targetMode.default('filter'),
    targetZoneIds: FormFields.targetZoneIds.default([]),
    enterpriseIds: FormFields.enterpriseIds.default([]),
    remindBeforeDays: FormFields.remindBeforeDays.default([3]),
    remindAfterDays: FormFields.remindAfterDays.default([1, 5]),
    active: FormFields.active.default(true),
  })
  .superRefine(formRules);
export type FormInput = z.input<typeof FormInput>;

/** Input to change a form (period type and code stay). */
export const FormUpdateInput = z
  .object(FormFields)
  .omit({ periodType: true })
  .partial()
  .superRefine((v, ctx) => formRules(v, ctx));
export type FormUpdateInput = z.input<typeof FormUpdateInput>;

/** A reporting form as the API shows it. */
export const FormView = z.object({
  id: z.string(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  descriptionVi: z.string().nullable(),
  periodType: FormPeriodType,
  dueAfterDays: z.number().int(),
  lockAfterDays: z.number().int(),
  firstPeriod: z.string(),
  lastPeriod: z.string().nullable(),
  targetMode: z.enum(TARGET_MODES),
  targetZoneIds: z.array(z.string()),
  targetInvestmentType: z.enum(['fdi', 'ddi']).nullable(),
  enterpriseIds: z.array(z.string()),
  remindBeforeDays: z.array(z.number().int()),
  remindAfterDays: z.array(z.number().int()),
  indicators: z.array(
    z.object({ code: z.string(), required: z.boolean(), sectionVi: z.string().nullable() }),
  ),
  rules: z.array(RuleView),
  active: z.boolean(),
  isDemo: z.boolean(),
});
export type FormView = z.infer<typeof FormView>;

/** Input to re-open entry after the lock day. */
export const UnlockInput = z.object({
  periodId: PeriodIdText,
  /** null = every enterprise of the form */
  enterpriseId: z.uuid().nullish(),
  openUntil: IsoDateText,
  reason: z
    .string()
    .trim()
    .min(3, { error: bilingual('Ghi lý do mở khóa.', 'Give the reason for unlocking.') })
    .max(1000),
});
export type UnlockInput = z.input<typeof UnlockInput>;

/** An unlock exception as the API shows it. */
export const UnlockView = z.object({
  id: z.string(),
  formId: z.string(),
  periodId: z.string(),
  enterpriseId: z.string().nullable(),
  openUntil: z.string(),
  reason: z.string(),
  grantedBy: z.string(),
  grantedAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type UnlockView = z.infer<typeof UnlockView>;

// ---------------------------------------------------------------------------------------------------
// Data entry

/** One value as entered: a decimal string or number (null = empty), estimate or actual. */
export const EntryValue = z.object({
  indicator: z.string().trim().min(1).max(60),
  combo: z.string().trim().max(100).default(''),
  // Kept loose on purpose: "text in a number field" must come back as a problem naming the indicator.
  value: z.union([z.string().max(100), z.number(), z.null()]),
  estimate: z.boolean().default(false),
});
export type EntryValue = z.input<typeof EntryValue>;

/** Saving a draft: the values typed so far and the version being edited. */
export const EntrySaveInput = z.object({
  values: z.array(EntryValue).max(2000),
  version: z.number().int().min(0).optional(),
});
export type EntrySaveInput = z.input<typeof EntrySaveInput>;

/** Submitting: optionally the final values (else the saved draft or the current values), and the version. */
export const EntrySubmitInput = z.object({
  values: z.array(EntryValue).max(2000).optional(),
  version: z.number().int().min(0).optional(),
  comment: OptionalText(1000),
});
export type EntrySubmitInput = z.input<typeof EntrySubmitInput>;

/** Returning a report for correction: the reviewer's comment is required. */
export const ReturnInput = z.object({
  comment: z
    .string()
    .trim()
    .min(3, { error: bilingual('Ghi nội dung cần sửa.', 'Say what must be corrected.') })
    .max(2000),
});

/** A problem of a report, as the API returns it. */
export const EntryProblemView = z.object({
  field: z.string(),
  message: z.string(),
  severity: RuleSeverity,
  rule: z.string().optional(),
});

/** An indicator on the entry form, with what the checks need. */
export const EntryIndicatorView = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unit: IndicatorUnit,
  valueType: z.enum(['decimal', 'integer']),
  decimals: z.number().int(),
  allowNegative: z.boolean(),
  required: z.boolean(),
  sectionVi: z.string().nullable(),
  disaggregations: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      required: z.boolean(),
      options: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
    }),
  ),
});

/** One report (form × enterprise × period) as the entry screen shows it. */
export const EntryView = z.object({
  form: z.object({
    id: z.string(),
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    periodType: FormPeriodType,
  }),
  enterprise: z.object({ id: z.string(), taxCode: z.string(), nameVi: z.string() }),
  period: z.object({
    id: z.string(),
    labelVi: z.string(),
    labelEn: z.string(),
    start: z.string(),
    end: z.string(),
    ended: z.boolean(),
  }),
  /** Hạn nộp: the last day a first submission counts as on time. */
  dueDate: z.string(),
  /** Ngày khóa số liệu: the last day values can be entered or changed. */
  lockDate: z.string(),
  locked: z.boolean(),
  /** An unlock exception in force, if any. */
  unlockedUntil: z.string().nullable(),
  submissionId: z.string().nullable(),
  status: SubmissionStatus.nullable(),
  version: z.number().int(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  hasDraft: z.boolean(),
  draftSavedAt: z.string().nullable(),
  /** The working values: the draft when there is one, else the submitted values. */
  values: z.array(
    z.object({
      indicator: z.string(),
      combo: z.string(),
      value: z.string().nullable(),
      estimate: z.boolean(),
      submittedValue: z.string().nullable(),
      submittedEstimate: z.boolean().nullable(),
    }),
  ),
  indicators: z.array(EntryIndicatorView),
  rules: z.array(RuleView),
  problems: z.array(EntryProblemView),
});
export type EntryView = z.infer<typeof EntryView>;

/** The result of checking values without saving them. */
export const EntryCheckResult = z.object({
  ok: z.boolean(),
  problems: z.array(EntryProblemView),
});

/** One change of one value. */
export const ValueHistoryItem = z.object({
  indicator: z.string(),
  combo: z.string(),
  value: z.string().nullable(),
  estimate: z.boolean().nullable(),
  previousValue: z.string().nullable(),
  previousEstimate: z.boolean().nullable(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  source: ValueSource,
  comment: z.string().nullable(),
});
export type ValueHistoryItem = z.infer<typeof ValueHistoryItem>;

/** Filters of the submission list. */
export const SubmissionListQuery = z.object({
  formId: z.uuid().optional(),
  periodId: PeriodIdText.optional(),
  enterpriseId: z.uuid().optional(),
  status: SubmissionStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type SubmissionListQuery = z.input<typeof SubmissionListQuery>;

/** A submission in lists. */
export const SubmissionListItem = z.object({
  id: z.string(),
  formId: z.string(),
  formCode: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  taxCode: z.string(),
  periodId: z.string(),
  status: SubmissionStatus,
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  lastSource: ValueSource.nullable(),
  reviewComment: z.string().nullable(),
});

/** A report an enterprise owes: form × period with its dates and state. */
export const Obligation = z.object({
  formId: z.string(),
  formCode: z.string(),
  formNameVi: z.string(),
  formNameEn: z.string(),
  periodId: z.string(),
  periodLabelVi: z.string(),
  periodLabelEn: z.string(),
  dueDate: z.string(),
  lockDate: z.string(),
  locked: z.boolean(),
  status: SubmissionStatus.nullable(),
  onTime: z.boolean().nullable(),
});

// ---------------------------------------------------------------------------------------------------
// Completeness and timeliness

/** Ways to group the completeness table. */
export const COMPLETENESS_GROUPS = ['zone', 'period', 'form', 'investmentType'] as const;

/** Query of the completeness and timeliness table. */
export const CompletenessQuery = z.object({
  formId: z.uuid().optional(),
  /** Comma-separated period ids of the form's period type. */
  periods: z.string().trim().min(1).max(2000),
  groupBy: z.enum(COMPLETENESS_GROUPS).default('zone'),
});

/** One row: expected / submitted / on time, by the chosen group. */
export const CompletenessRow = z.object({
  key: z.string().nullable(),
  label: z.string(),
  parentKey: z.string().nullable(),
  expected: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  returned: z.number().int(),
  drafts: z.number().int(),
  missing: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  completenessPct: z.number().nullable(),
  timelinessPct: z.number().nullable(),
});

/** The completeness table. */
export const CompletenessView = z.object({
  groupBy: z.enum(COMPLETENESS_GROUPS),
  rows: z.array(CompletenessRow),
  total: CompletenessRow,
  notes: z.array(z.string()),
});

/** Query of the list of enterprises still missing a report. */
export const MissingQuery = z.object({
  formId: z.uuid(),
  periodId: PeriodIdText,
  zoneId: z.uuid().optional(),
});

/** An enterprise that has not submitted, with whom to call. */
export const MissingItem = z.object({
  enterpriseId: z.string(),
  taxCode: z.string(),
  nameVi: z.string(),
  zoneNames: z.array(z.string()),
  status: z.enum(['none', 'draft', 'returned']),
  contacts: z.array(
    z.object({
      name: z.string(),
      role: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
  userEmails: z.array(z.string()),
});

/** Result of sending reminders now. */
export const ReminderResult = z.object({
  periodId: z.string(),
  enterprises: z.number().int(),
  mails: z.number().int(),
});

// ---------------------------------------------------------------------------------------------------
// Spreadsheet import

/** One problem of an imported file: 1-based spreadsheet row, the column's key, a message. */
export const ReportImportProblem = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});

/**
 * The outcome of an import (same contract as the registry's): `accepted` when every row passed and was written
 * (a dry run writes nothing); otherwise nothing is written and `problems` lists every row and column at fault.
 */
export const ReportImportResult = z.object({
  formId: z.string(),
  dryRun: z.boolean(),
  accepted: z.boolean(),
  rows: z.number().int(),
  submissions: z.number().int(),
  values: z.number().int(),
  problems: z.array(ReportImportProblem),
  warnings: z.array(ReportImportProblem),
});
export type ReportImportResult = z.infer<typeof ReportImportResult>;
