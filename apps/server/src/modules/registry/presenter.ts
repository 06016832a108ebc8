/**
 * Row → API view for every registry record. Presenters list every field (engineering guide §6) and turn
 * timestamps into ISO strings; numeric columns stay exact decimal strings.
 */

import { parseTaxCode } from '@heza/shared';
import type {
  Contact,
  EnterpriseView,
  ExchangeRateView,
  Geometry,
  Infrastructure,
  Investor,
  LedgerEntryView,
  PlanView,
  ProjectView,
  ZoneAreaView,
  ZoneEventView,
  ZoneView,
} from '@heza/shared/registry';
import { dec, pct } from './decimal.ts';
import { findVsic } from './vsic.ts';

const iso = (d: Date | string | null | undefined): string | null =>
  d === null || d === undefined ? null : d instanceof Date ? d.toISOString() : String(d);
const isoReq = (d: Date | string): string => (d instanceof Date ? d.toISOString() : String(d));
const json = <T>(v: unknown, fallback: T): T => (v === null || v === undefined ? fallback : (v as T));

/** Occupancy = leased ÷ leasable × 100 (2 decimals); null when unknown or when nothing is leasable. */
export function occupancyPct(leased: string | null, leasable: string | null): number | null {
  if (leased === null || leasable === null) return null;
  return pct(dec(leased), dec(leasable));
}

export interface ZoneEventRow {
  id: string;
  status: string;
  event_date: string;
  decision_no: string | null;
  decision_date: string | null;
  decision_issuer: string | null;
  note: string | null;
  is_demo: boolean;
  recorded_at: Date;
  voided_at: Date | null;
  void_reason: string | null;
}

/** A lifecycle event. */
export function presentZoneEvent(r: ZoneEventRow): ZoneEventView {
  return {
    id: r.id,
    status: r.status as ZoneEventView['status'],
    eventDate: r.event_date,
    decisionNo: r.decision_no,
    decisionDate: r.decision_date,
    decisionIssuer: r.decision_issuer,
    note: r.note,
    isDemo: r.is_demo,
    recordedAt: isoReq(r.recorded_at),
    voidedAt: iso(r.voided_at),
    voidReason: r.void_reason,
  };
}

export interface ZoneAreaRow {
  id: string;
  as_of: string;
  total_area_ha: string;
  industrial_land_ha: string | null;
  leasable_ha: string | null;
  leased_ha: string | null;
  source: string | null;
  note: string | null;
  is_demo: boolean;
  recorded_at: Date;
}

/** A dated area record with its occupancy. */
export function presentZoneArea(r: ZoneAreaRow): ZoneAreaView {
  return {
    id: r.id,
    asOf: r.as_of,
    totalAreaHa: r.total_area_ha,
    industrialLandHa: r.industrial_land_ha,
    leasableHa: r.leasable_ha,
    leasedHa: r.leased_ha,
    occupancyPct: occupancyPct(r.leased_ha, r.leasable_ha),
    source: r.source,
    note: r.note,
    isDemo: r.is_demo,
    recordedAt: isoReq(r.recorded_at),
  };
}

/** A zone row joined with its parent, developer, and the status and area in force on a date. */
export interface ZoneStateRow {
  id: string;
  code: string;
  name_vi: string;
  name_en: string | null;
  kind: string;
  parent_id: string | null;
  parent_name: string | null;
  model_type: string;
  developer_id: string | null;
  developer_name: string | null;
  location: unknown;
  address: string | null;
  infrastructure: unknown;
  contacts: unknown;
  description_vi: string | null;
  description_en: string | null;
  source: string | null;
  is_demo: boolean;
  status: string | null;
  status_since: string | null;
  area_id: string | null;
  area_as_of: string | null;
  total_area_ha: string | null;
  industrial_land_ha: string | null;
  leasable_ha: string | null;
  leased_ha: string | null;
  area_source: string | null;
  area_note: string | null;
  area_is_demo: boolean | null;
  area_recorded_at: Date | null;
}

/** A zone as lists show it, on the `asOf` date. */
export function presentZone(r: ZoneStateRow, asOf: string): ZoneView {
  return {
    id: r.id,
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    kind: r.kind as ZoneView['kind'],
    parent: r.parent_id ? { id: r.parent_id, name: r.parent_name ?? '' } : null,
    modelType: r.model_type as ZoneView['modelType'],
    developer: r.developer_id ? { id: r.developer_id, name: r.developer_name ?? '' } : null,
    location: json<Geometry | null>(r.location, null),
    address: r.address,
    infrastructure: json<Infrastructure[]>(r.infrastructure, []),
    contacts: json<Contact[]>(r.contacts, []),
    descriptionVi: r.description_vi,
    descriptionEn: r.description_en,
    source: r.source,
    isDemo: r.is_demo,
    asOf,
    status: r.status as ZoneView['status'],
    statusSince: r.status_since,
    area:
      r.area_id && r.area_as_of && r.total_area_ha !== null
        ? presentZoneArea({
            id: r.area_id,
            as_of: r.area_as_of,
            total_area_ha: r.total_area_ha,
            industrial_land_ha: r.industrial_land_ha,
            leasable_ha: r.leasable_ha,
            leased_ha: r.leased_ha,
            source: r.area_source,
            note: r.area_note,
            is_demo: r.area_is_demo ?? false,
            recorded_at: r.area_recorded_at ?? new Date(0),
          })
        : null,
  };
}

export interface EnterpriseRow {
  id: string;
  tax_code: string;
  name_vi: string;
  name_en: string | null;
  ownership: string;
  investor_countries: string[];
  address: string | null;
  contacts: unknown;
  status: string;
  is_demo: boolean;
  zones: unknown;
  project_count: number | string;
}

/** An enterprise profile with its zones and how many projects it has. */
export function presentEnterprise(r: EnterpriseRow): EnterpriseView {
  const parsed = parseTaxCode(r.tax_code);
  return {
    id: r.id,
    taxCode: r.tax_code,
    isBranch: parsed.ok ? parsed.isBranch : false,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    ownership: r.ownership as EnterpriseView['ownership'],
    investorCountries: r.investor_countries ?? [],
    zones: json<{ id: string; name: string }[]>(r.zones, []),
    address: r.address,
    contacts: json<Contact[]>(r.contacts, []),
    status: r.status as EnterpriseView['status'],
    isDemo: r.is_demo,
    projectCount: Number(r.project_count),
  };
}

export interface ProjectRow {
  id: string;
  project_code: string;
  name_vi: string;
  name_en: string | null;
  enterprise_id: string;
  enterprise_name: string;
  enterprise_tax_code: string;
  zone_id: string;
  zone_name: string;
  investment_type: string;
  country_code: string;
  investors: unknown;
  vsic_code: string;
  objectives: string | null;
  land_area_ha: string | null;
  currency: string;
  is_demo: boolean;
  status_kind: string | null;
  first_certificate_date: string | null;
  capital: string | null;
  capital_usd: string | null;
  capital_vnd: string | null;
  entry_count: number | string;
}

const STATUS_OF_KIND: Record<string, ProjectView['status']> = {
  new: 'active',
  transfer_in: 'active',
  termination: 'terminated',
  transfer_out: 'transferred_out',
};

/** A project with its ledger-derived status and current capital. */
export function presentProject(r: ProjectRow): ProjectView {
  return {
    id: r.id,
    projectCode: r.project_code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    enterprise: { id: r.enterprise_id, name: r.enterprise_name, taxCode: r.enterprise_tax_code },
    zone: { id: r.zone_id, name: r.zone_name },
    investmentType: r.investment_type as ProjectView['investmentType'],
    countryCode: r.country_code,
    investors: json<Investor[]>(r.investors, []),
    vsicCode: r.vsic_code,
    vsicName: findVsic(r.vsic_code)?.vi ?? null,
    objectives: r.objectives,
    landAreaHa: r.land_area_ha,
    currency: r.currency,
    isDemo: r.is_demo,
    status: r.status_kind ? (STATUS_OF_KIND[r.status_kind] ?? 'draft') : 'draft',
    firstCertificateDate: r.first_certificate_date,
    capital: r.capital ?? '0.00',
    capitalMoney: { usd: r.capital_usd ?? '0.00', vnd: r.capital_vnd ?? '0.00' },
    entryCount: Number(r.entry_count),
  };
}

export interface LedgerRow {
  id: string;
  project_id: string;
  project_code: string;
  seq: number;
  kind: string;
  counts_as: string;
  certificate_no: string;
  amendment_no: number;
  certificate_date: string;
  effective_date: string;
  corrects_entry_id: string | null;
  currency: string;
  capital_before: string;
  capital_change: string;
  capital_after: string;
  change_usd: string;
  change_vnd: string;
  after_usd: string;
  after_vnd: string;
  deal_value: string | null;
  deal_value_usd: string | null;
  deal_value_vnd: string | null;
  fx_source: string;
  fx_vnd_per_usd: string | null;
  zone_id: string;
  investment_type: string;
  country_code: string;
  vsic_code: string;
  reason: string | null;
  note: string | null;
  is_demo: boolean;
  recorded_at: Date;
}

/** One certificate ledger entry. */
export function presentLedgerEntry(r: LedgerRow): LedgerEntryView {
  return {
    id: r.id,
    projectId: r.project_id,
    projectCode: r.project_code,
    seq: r.seq,
    kind: r.kind as LedgerEntryView['kind'],
    countsAs: r.counts_as as LedgerEntryView['countsAs'],
    certificateNo: r.certificate_no,
    amendmentNo: r.amendment_no,
    certificateDate: r.certificate_date,
    effectiveDate: r.effective_date,
    correctsEntryId: r.corrects_entry_id,
    currency: r.currency,
    capitalBefore: r.capital_before,
    capitalChange: r.capital_change,
    capitalAfter: r.capital_after,
    change: { usd: r.change_usd, vnd: r.change_vnd },
    after: { usd: r.after_usd, vnd: r.after_vnd },
    dealValue: r.deal_value,
    deal:
      r.deal_value_usd !== null && r.deal_value_vnd !== null
        ? { usd: r.deal_value_usd, vnd: r.deal_value_vnd }
        : null,
    fxSource: r.fx_source as LedgerEntryView['fxSource'],
    fxVndPerUsd: r.fx_vnd_per_usd,
    zoneId: r.zone_id,
    investmentType: r.investment_type as LedgerEntryView['investmentType'],
    countryCode: r.country_code,
    vsicCode: r.vsic_code,
    reason: r.reason,
    note: r.note,
    isDemo: r.is_demo,
    recordedAt: isoReq(r.recorded_at),
  };
}

export interface PlanRow {
  id: string;
  indicator: string;
  year_from: number;
  year_to: number;
  value: string | null;
  range_low: string | null;
  range_high: string | null;
  unit: string;
  decision_no: string | null;
  decision_date: string | null;
  decision_issuer: string | null;
  effective_from: string;
  source: string | null;
  note: string | null;
  is_demo: boolean;
  recorded_at: Date;
  current?: boolean;
}

/** A plan revision; `current` is false once a later revision exists. */
export function presentPlan(r: PlanRow): PlanView {
  return {
    id: r.id,
    indicator: r.indicator,
    yearFrom: r.year_from,
    yearTo: r.year_to,
    value: r.value,
    rangeLow: r.range_low,
    rangeHigh: r.range_high,
    unit: r.unit,
    decisionNo: r.decision_no,
    decisionDate: r.decision_date,
    decisionIssuer: r.decision_issuer,
    effectiveFrom: r.effective_from,
    source: r.source,
    note: r.note,
    isDemo: r.is_demo,
    recordedAt: isoReq(r.recorded_at),
    current: r.current ?? true,
  };
}

export interface ExchangeRateRow {
  id: string;
  currency: string;
  kind: string;
  valid_from: string;
  valid_to: string;
  vnd_per_unit: string;
  source: string | null;
  decision_no: string | null;
  is_demo: boolean;
  recorded_at: Date;
}

/** A dated exchange rate. */
export function presentExchangeRate(r: ExchangeRateRow): ExchangeRateView {
  return {
    id: r.id,
    currency: r.currency,
    kind: r.kind as ExchangeRateView['kind'],
    validFrom: r.valid_from,
    validTo: r.valid_to,
    vndPerUnit: r.vnd_per_unit,
    source: r.source,
    decisionNo: r.decision_no,
    isDemo: r.is_demo,
    recordedAt: isoReq(r.recorded_at),
  };
}
