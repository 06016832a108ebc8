import type { ColumnType, Generated } from 'kysely';
import type { GeneratedTimestamp, Json, NullableTimestamp, Numeric } from '../../db/schema.ts';

/** A numeric column that may be null (exact decimal as a string). */
type NullableNumeric = ColumnType<string | null, string | number | null | undefined, string | number | null>;
/** A `date` column: read and written as 'YYYY-MM-DD'. */
type DateCol = string;
/** A jsonb column with a default. */
type JsonDefault = ColumnType<unknown, string | unknown | undefined, string | unknown>;

/** Columns the registry adds to `zones` (migration 0002). */
export interface ZoneRegistryColumns {
  kind: Generated<string>;
  parent_id: string | null;
  model_type: Generated<string>;
  developer_id: string | null;
  location: Json | null;
  address: string | null;
  infrastructure: JsonDefault;
  contacts: JsonDefault;
  description_vi: string | null;
  description_en: string | null;
  source: string | null;
  is_demo: Generated<boolean>;
}

/** Columns the registry adds to `enterprises` (migration 0002). */
export interface EnterpriseRegistryColumns {
  ownership: Generated<string>;
  investor_countries: ColumnType<string[], string[] | undefined, string[]>;
  address: string | null;
  contacts: JsonDefault;
  status: Generated<string>;
  is_demo: Generated<boolean>;
}

export interface ZoneEventTable {
  id: Generated<string>;
  zone_id: string;
  status: string;
  event_date: DateCol;
  decision_no: string | null;
  decision_date: DateCol | null;
  decision_issuer: string | null;
  note: string | null;
  is_demo: Generated<boolean>;
  recorded_at: GeneratedTimestamp;
  recorded_by: string | null;
  voided_at: NullableTimestamp;
  voided_by: string | null;
  void_reason: string | null;
}

export interface ZoneAreaTable {
  id: Generated<string>;
  zone_id: string;
  as_of: DateCol;
  total_area_ha: Numeric;
  industrial_land_ha: NullableNumeric;
  leasable_ha: NullableNumeric;
  leased_ha: NullableNumeric;
  source: string | null;
  note: string | null;
  is_demo: Generated<boolean>;
  recorded_at: GeneratedTimestamp;
  recorded_by: string | null;
}

export interface ExchangeRateTable {
  id: Generated<string>;
  currency: string;
  kind: Generated<string>;
  valid_from: DateCol;
  valid_to: DateCol;
  vnd_per_unit: Numeric;
  source: string | null;
  decision_no: string | null;
  is_demo: Generated<boolean>;
  recorded_at: GeneratedTimestamp;
  recorded_by: string | null;
}

export interface PlanTable {
  id: Generated<string>;
  indicator: string;
  year_from: number;
  year_to: number;
  value: NullableNumeric;
  range_low: NullableNumeric;
  range_high: NullableNumeric;
  unit: string;
  decision_no: string | null;
  decision_date: DateCol | null;
  decision_issuer: string | null;
  effective_from: DateCol;
  source: string | null;
  note: string | null;
  is_demo: Generated<boolean>;
  recorded_at: GeneratedTimestamp;
  recorded_by: string | null;
}

export interface ProjectTable {
  id: Generated<string>;
  project_code: string;
  name_vi: string;
  name_en: string | null;
  enterprise_id: string;
  zone_id: string;
  investment_type: string;
  country_code: string;
  investors: JsonDefault;
  vsic_code: string;
  objectives: string | null;
  land_area_ha: NullableNumeric;
  currency: string;
  is_demo: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  created_by: string | null;
}

export interface CertificateEntryTable {
  id: Generated<string>;
  project_id: string;
  seq: number;
  kind: string;
  certificate_no: string;
  amendment_no: number;
  certificate_date: DateCol;
  effective_date: DateCol;
  counts_as: string;
  corrects_entry_id: string | null;
  currency: string;
  capital_before: Numeric;
  capital_change: Numeric;
  capital_after: Numeric;
  change_usd: Numeric;
  change_vnd: Numeric;
  after_usd: Numeric;
  after_vnd: Numeric;
  deal_value: NullableNumeric;
  deal_value_usd: NullableNumeric;
  deal_value_vnd: NullableNumeric;
  fx_source: string;
  fx_rate_id: string | null;
  fx_vnd_per_usd: NullableNumeric;
  zone_id: string;
  investment_type: string;
  country_code: string;
  vsic_code: string;
  reason: string | null;
  note: string | null;
  is_demo: Generated<boolean>;
  recorded_at: GeneratedTimestamp;
  recorded_by: string | null;
}

declare module '../../db/schema.ts' {
  interface ZoneTable extends ZoneRegistryColumns {}
  interface EnterpriseTable extends EnterpriseRegistryColumns {}
  interface Database {
    zone_events: ZoneEventTable;
    zone_area_records: ZoneAreaTable;
    enterprise_zones: { enterprise_id: string; zone_id: string };
    exchange_rates: ExchangeRateTable;
    plans: PlanTable;
    investment_projects: ProjectTable;
    certificate_entries: CertificateEntryTable;
    ledger_year_totals: {
      year: number;
      investment_type: string;
      zone_id: string;
      country_code: string;
      vsic_code: string;
      projects: number;
      change_usd: Numeric;
      change_vnd: Numeric;
    };
  }
}
