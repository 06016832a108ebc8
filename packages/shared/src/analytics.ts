/**
 * Analytics: any indicator × period × zone (rolled up to parent zones) × sector × investor country × FDI/DDI
 * (× breakdown, × enterprise), with same period last year, change %, % of annual plan and cumulative to date;
 * optionally with carry-forward estimates for enterprises that did not report, flagged with their share; and
 * "as known at" a moment (the figures as they were published). One schema per name for server, web, OpenAPI.
 */
import { z } from 'zod';
import { bilingual } from './i18n-message.ts';
import { tryParsePeriod } from './periods.ts';

/** Dimensions a query can break figures down by (besides indicator and period). */
export const ANALYTICS_DIMENSIONS = ['zone', 'investmentType', 'sector', 'country', 'enterprise'] as const;
/** A dimension: one of `ANALYTICS_DIMENSIONS` or `disaggregation:<code>` (e.g. `disaggregation:nationality`). */
export type AnalyticsDimension = (typeof ANALYTICS_DIMENSIONS)[number] | `disaggregation:${string}`;
/** Measures a query can add to each value. */
export const ANALYTICS_MEASURES = ['samePeriodLastYear', 'changePct', 'planPct', 'cumulative'] as const;
/** One of `ANALYTICS_MEASURES`. */
export type AnalyticsMeasure = (typeof ANALYTICS_MEASURES)[number];
/** Whether totals include estimates for enterprises that did not report ('carry_forward') or not ('none'). */
export const ESTIMATE_METHODS = ['none', 'carry_forward'] as const;

const csv = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    );

const Dimension = z
  .string()
  .refine(
    (s) =>
      (ANALYTICS_DIMENSIONS as readonly string[]).includes(s) || /^disaggregation:[a-z][a-z0-9_]*$/.test(s),
    {
      error: bilingual(
        'Chiều phân tích không hợp lệ (zone, investmentType, sector, country, enterprise, disaggregation:<mã>).',
        'Unknown dimension (zone, investmentType, sector, country, enterprise, disaggregation:<code>).',
      ),
    },
  );

/** The analytics query, as query-string parameters (lists are comma-separated). */
export const AnalyticsQuery = z.object({
  indicators: csv(2000).pipe(
    z
      .array(z.string().regex(/^[a-z][a-z0-9_]*$/))
      .min(1)
      .max(60),
  ),
  periods: csv(4000).pipe(
    z
      .array(
        z.string().refine((s) => tryParsePeriod(s) !== undefined, {
          error: bilingual(
            'Kỳ không hợp lệ (ví dụ 2025M06, 2025Q2, 2025S1, 2025, 2024YTD11).',
            'Invalid period (e.g. 2025M06, 2025Q2, 2025S1, 2025, 2024YTD11).',
          ),
        }),
      )
      .min(1)
      .max(120),
  ),
  dimensions: csv(500).pipe(z.array(Dimension).max(4)).default([]),
  measures: csv(200)
    .pipe(z.array(z.enum(ANALYTICS_MEASURES)))
    .default([]),
  zoneIds: csv(4000).pipe(z.array(z.uuid()).max(200)).optional(),
  investmentType: z.enum(['fdi', 'ddi']).optional(),
  sectors: csv(500)
    .pipe(z.array(z.string().regex(/^\d{2}$/)).max(100))
    .optional(),
  countries: csv(500)
    .pipe(z.array(z.string().regex(/^[A-Z]{2}$/)).max(100))
    .optional(),
  estimates: z.enum(ESTIMATE_METHODS).default('none'),
  /** Values as they were known at this moment (ISO date or date-time, Vietnam time for a bare date). */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, {
      error: bilingual('Thời điểm có dạng YYYY-MM-DD hoặc ISO 8601.', 'A moment is YYYY-MM-DD or ISO 8601.'),
    })
    .optional(),
});
export type AnalyticsQueryInput = z.input<typeof AnalyticsQuery>;
export type AnalyticsQuery = z.output<typeof AnalyticsQuery>;

/** A plan (annual target) as analytics shows it: a value or a range, with its source. */
export const PlanInfo = z.object({
  indicator: z.string(),
  year: z.number().int(),
  /** In the indicator's base unit (USD, VND…). */
  value: z.string().nullable(),
  rangeLow: z.string().nullable(),
  rangeHigh: z.string().nullable(),
  unit: z.string(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  source: z.string().nullable(),
});
export type PlanInfo = z.infer<typeof PlanInfo>;

/** One figure of the result. `keys` holds the dimension items (absent keys = all). */
export const AnalyticsCell = z.object({
  indicator: z.string(),
  period: z.string(),
  keys: z.record(z.string(), z.string().nullable()),
  /** Exact, in the indicator's base unit (USD, VND, persons…); null when there is no data. */
  value: z.string().nullable(),
  /** Rounded in the indicator's display unit (millions of USD…). */
  displayValue: z.string().nullable(),
  /**
   * Enterprises that reported the period's last sub-period (its last month for a monthly form): for a stock, the
   * enterprises in the value; for a flow over several months, those of its last month (see `reports`).
   */
  reporting: z.number().int().nullable(),
  /** Reports (enterprise × sub-period) whose values make up the value. */
  reports: z.number().int().nullable(),
  /** Share of the value (%) that enterprises marked as estimates (ước). */
  estimateShare: z.number().nullable(),
  /** Share of the value (%) estimated by carry-forward for enterprises that did not report. */
  imputedShare: z.number().nullable(),
  /** Enterprises estimated by carry-forward. */
  imputed: z.number().int().nullable(),
  samePeriodLastYear: z.string().nullable().optional(),
  changePct: z.number().nullable().optional(),
  plan: PlanInfo.nullable().optional(),
  /** value ÷ plan × 100; for a range plan, against its low end (see planPctRange). */
  planPct: z.number().nullable().optional(),
  /** For a range plan: [value ÷ high × 100, value ÷ low × 100]. */
  planPctRange: z.tuple([z.number(), z.number()]).nullable().optional(),
  /** Cumulative to the period end: year to date for reported flows, the stock for registry figures. */
  cumulative: z.string().nullable().optional(),
});
export type AnalyticsCell = z.infer<typeof AnalyticsCell>;

/** An item of a dimension (a zone, a sector…) with its label; zones carry their parent for the tree. */
export const DimensionItem = z.object({
  key: z.string(),
  label: z.string(),
  parentKey: z.string().nullable(),
  depth: z.number().int(),
});

/** The result of an analytics query. */
export const AnalyticsResult = z.object({
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      displayUnit: z.string(),
      displayUnitLabel: z.string(),
      decimals: z.number().int(),
      aggregation: z.string(),
      source: z.string(),
    }),
  ),
  periods: z.array(z.object({ id: z.string(), label: z.string(), start: z.string(), end: z.string() })),
  dimensions: z.array(z.string()),
  items: z.record(z.string(), z.array(DimensionItem)),
  cells: z.array(AnalyticsCell),
  asOf: z.string().nullable(),
  estimates: z.enum(ESTIMATE_METHODS),
  notes: z.array(z.string()),
});
export type AnalyticsResult = z.infer<typeof AnalyticsResult>;

/** The headline figures of a report period (the authority's 6-month, 11-month, annual reports). */
export const HeadlineQuery = z.object({
  period: z.string().refine((s) => tryParsePeriod(s) !== undefined, {
    error: bilingual('Kỳ không hợp lệ.', 'Invalid period.'),
  }),
  estimates: z.enum(ESTIMATE_METHODS).default('none'),
  asOf: AnalyticsQuery.shape.asOf,
});

/** One headline figure with its comparisons and a Vietnamese sentence for the report. */
export const HeadlineFigure = AnalyticsCell.extend({
  name: z.string(),
  displayUnit: z.string(),
  displayUnitLabel: z.string(),
  displaySamePeriodLastYear: z.string().nullable(),
  displayCumulative: z.string().nullable(),
  parts: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      value: z.string().nullable(),
      displayValue: z.string().nullable(),
      changePct: z.number().nullable(),
    }),
  ),
  sentenceVi: z.string().nullable(),
});

/** The headline figures. */
export const HeadlineResult = z.object({
  period: z.object({ id: z.string(), label: z.string(), start: z.string(), end: z.string() }),
  asOf: z.string().nullable(),
  estimates: z.enum(ESTIMATE_METHODS),
  figures: z.array(HeadlineFigure),
  notes: z.array(z.string()),
});
export type HeadlineResult = z.infer<typeof HeadlineResult>;
