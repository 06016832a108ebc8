import type { ColumnType, Generated } from 'kysely';
import type { GeneratedTimestamp, Json, NullableTimestamp, Numeric } from '../../db/schema.ts';

/** A numeric column that may be null (exact decimal as a string). */
type NullableNumeric = ColumnType<string | null, string | number | null | undefined, string | number | null>;
/** A `date` column: read and written as 'YYYY-MM-DD'. */
type DateCol = string;
/** A Postgres array column with a default. */
type ArrayDefault<T> = ColumnType<T[], T[] | undefined, T[]>;

/** Columns reporting adds to `enterprises` (migration 0040). */
export interface EnterpriseReportingColumns {
  main_zone_id: ColumnType<string | null, string | null | undefined, string | null>;
  main_vsic_code: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ReportingDimsTable {
  id: Generated<number>;
  zone_id: string | null;
  investment_type: string;
  sector: string | null;
  country: string | null;
}

export interface IndicatorTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string;
  name_zh: string | null;
  name_ko: string | null;
  name_ja: string | null;
  description_vi: string | null;
  description_en: string | null;
  unit: string;
  display_unit: string;
  value_type: string;
  decimals: Generated<number>;
  allow_negative: Generated<boolean>;
  source: string;
  aggregation: string;
  weight_indicator_id: number | null;
  formula: string | null;
  registry_measure: string | null;
  plan_indicator: string | null;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  is_system: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface DisaggregationTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string;
  name_zh: string | null;
  name_ko: string | null;
  name_ja: string | null;
}

export interface DisaggregationOptionTable {
  disaggregation_id: number;
  code: string;
  name_vi: string;
  name_en: string;
  name_zh: string | null;
  name_ko: string | null;
  name_ja: string | null;
  position: Generated<number>;
}

export interface IndicatorDisaggregationTable {
  indicator_id: number;
  disaggregation_id: number;
  position: Generated<number>;
  required: Generated<boolean>;
}

export interface ReportFormTable {
  id: Generated<string>;
  code: string;
  name_vi: string;
  name_en: string;
  description_vi: string | null;
  period_type: string;
  due_after_days: number;
  lock_after_days: number;
  first_period: string;
  last_period: string | null;
  target_mode: Generated<string>;
  target_zone_ids: ArrayDefault<string>;
  target_investment_type: string | null;
  remind_before_days: ArrayDefault<number>;
  remind_after_days: ArrayDefault<number>;
  active: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  created_by: string | null;
}

export interface ReportFormIndicatorTable {
  form_id: string;
  indicator_id: number;
  position: Generated<number>;
  required: Generated<boolean>;
  section_vi: string | null;
}

export interface ValidationRuleTable {
  id: Generated<string>;
  form_id: string;
  code: string;
  left_expr: string;
  operator: string;
  right_expr: string;
  ratio_min: NullableNumeric;
  ratio_max: NullableNumeric;
  severity: string;
  message_vi: string;
  message_en: string;
  position: Generated<number>;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ReportUnlockTable {
  id: Generated<string>;
  form_id: string;
  period_id: string;
  enterprise_id: string | null;
  open_until: DateCol;
  reason: string;
  granted_by: string | null;
  granted_by_label: string;
  granted_at: GeneratedTimestamp;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
}

export interface ReportSubmissionTable {
  id: Generated<string>;
  form_id: string;
  enterprise_id: string;
  period_id: string;
  period_start: DateCol;
  period_end: DateCol;
  status: string;
  draft: Json | null;
  draft_saved_at: NullableTimestamp;
  dims_id: number | null;
  first_submitted_at: NullableTimestamp;
  submitted_at: NullableTimestamp;
  submitted_by: string | null;
  last_source: string | null;
  reviewed_at: NullableTimestamp;
  reviewed_by: string | null;
  review_comment: string | null;
  version: Generated<number>;
  is_demo: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ReportValueTable {
  submission_id: string;
  indicator_id: number;
  combo: Generated<string>;
  value: Numeric;
  is_estimate: boolean;
  enterprise_id: string;
  period_start: DateCol;
  period_end: DateCol;
  dims_id: number;
  /** The weight of a weighted-average value (the labour of the same report), copied when written. */
  weight: NullableNumeric;
  updated_at: GeneratedTimestamp;
}

export interface ReportValueHistoryTable {
  id: Generated<string>;
  submission_id: string;
  indicator_id: number;
  combo: Generated<string>;
  value: NullableNumeric;
  is_estimate: boolean | null;
  previous_value: NullableNumeric;
  previous_is_estimate: boolean | null;
  enterprise_id: string;
  period_start: DateCol;
  period_end: DateCol;
  dims_id: number;
  changed_at: GeneratedTimestamp;
  changed_by: string | null;
  changed_by_label: string | null;
  source: string;
  comment: string | null;
}

declare module '../../db/schema.ts' {
  interface EnterpriseTable extends EnterpriseReportingColumns {}
  interface Database {
    reporting_dims: ReportingDimsTable;
    indicators: IndicatorTable;
    disaggregations: DisaggregationTable;
    disaggregation_options: DisaggregationOptionTable;
    indicator_disaggregations: IndicatorDisaggregationTable;
    report_forms: ReportFormTable;
    report_form_enterprises: { form_id: string; enterprise_id: string };
    report_form_indicators: ReportFormIndicatorTable;
    validation_rules: ValidationRuleTable;
    report_unlocks: ReportUnlockTable;
    report_submissions: ReportSubmissionTable;
    report_values: ReportValueTable;
    report_value_history: ReportValueHistoryTable;
  }
}

export interface ReportReminderTable {
  id: Generated<string>;
  form_id: string;
  period_id: string;
  enterprise_id: string;
  kind: string;
  sent_on: string;
  recipients: number;
  sent_by: string | null;
  created_at: GeneratedTimestamp;
}

/** The rollup kept by triggers on report_values (migration 0042). */
export interface ReportRollupTable {
  indicator_id: number;
  combo: string;
  period_start: DateCol;
  period_end: DateCol;
  dims_id: number;
  n: number;
  total: Numeric;
  n_est: number;
  total_est: Numeric;
  w: Numeric;
  vw: Numeric;
  w_est: Numeric;
  vw_est: Numeric;
}

declare module '../../db/schema.ts' {
  interface Database {
    report_reminders: ReportReminderTable;
    report_rollups: ReportRollupTable;
  }
}
