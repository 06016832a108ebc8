/**
 * List exports in the import formats (import-formats.ts): the same two head rows and columns, so an exported
 * file can be edited and imported back, and re-importing it unchanged changes nothing.
 */
import type {
  EnterpriseListQuery,
  ImportEntity,
  LedgerListQuery,
  ProjectListQuery,
  ZoneListQuery,
} from '@heza/shared/registry';
import type { DbOrTx } from '../../db/client.ts';
import { FORMATS, headRows } from './import-formats.ts';
import { allEnterprises, allLedger, allProjects, allZones, listExchangeRates, listPlans } from './queries.ts';
import type { RegistryFilter } from './scope.ts';
import type { SheetData } from './spreadsheet.ts';

type Cell = string | number | null;

function sheet(entity: ImportEntity, records: Record<string, Cell>[]): SheetData {
  const cols = FORMATS[entity].columns.map((c) => c.key);
  return { name: entity, rows: [...headRows(entity), ...records.map((r) => cols.map((k) => r[k] ?? null))] };
}

async function zoneCodes(db: DbOrTx) {
  return new Map((await db.selectFrom('zones').select(['id', 'code']).execute()).map((z) => [z.id, z.code]));
}

/** Zones visible to the filter, as of a date. */
export async function exportZones(db: DbOrTx, filter: RegistryFilter, q: Partial<ZoneListQuery>) {
  const [zones, codes, devs] = await Promise.all([
    allZones(db, filter, q),
    zoneCodes(db),
    db
      .selectFrom('enterprises')
      .innerJoin('zones', 'zones.developer_id', 'enterprises.id')
      .select(['enterprises.id', 'enterprises.tax_code'])
      .execute(),
  ]);
  const taxOf = new Map(devs.map((d) => [d.id, d.tax_code]));
  return sheet(
    'zones',
    zones.map((z) => ({
      code: z.code,
      name_vi: z.nameVi,
      name_en: z.nameEn,
      kind: z.kind,
      parent_code: z.parent ? (codes.get(z.parent.id) ?? null) : null,
      model_type: z.modelType,
      developer_tax_code: z.developer ? (taxOf.get(z.developer.id) ?? null) : null,
      address: z.address,
      longitude: z.location?.type === 'Point' ? z.location.coordinates[0] : null,
      latitude: z.location?.type === 'Point' ? z.location.coordinates[1] : null,
      source: z.source,
    })),
  );
}

/** Lifecycle events (live ones) of the zones visible to the filter. */
export async function exportZoneEvents(db: DbOrTx, filter: RegistryFilter) {
  const visible = new Set((await allZones(db, filter)).map((z) => z.id));
  const codes = await zoneCodes(db);
  const rows = await db
    .selectFrom('zone_events')
    .selectAll()
    .where('voided_at', 'is', null)
    .orderBy('zone_id')
    .orderBy('event_date')
    .execute();
  return sheet(
    'zone_events',
    rows
      .filter((e) => visible.has(e.zone_id))
      .map((e) => ({
        zone_code: codes.get(e.zone_id) ?? null,
        status: e.status,
        event_date: e.event_date,
        decision_no: e.decision_no,
        decision_date: e.decision_date,
        decision_issuer: e.decision_issuer,
        note: e.note,
      })),
  );
}

/** Area records of the zones visible to the filter. */
export async function exportZoneAreas(db: DbOrTx, filter: RegistryFilter) {
  const visible = new Set((await allZones(db, filter)).map((z) => z.id));
  const codes = await zoneCodes(db);
  const rows = await db
    .selectFrom('zone_area_records')
    .selectAll()
    .orderBy('zone_id')
    .orderBy('as_of')
    .orderBy('recorded_at')
    .execute();
  return sheet(
    'zone_areas',
    rows
      .filter((a) => visible.has(a.zone_id))
      .map((a) => ({
        zone_code: codes.get(a.zone_id) ?? null,
        as_of: a.as_of,
        total_area_ha: a.total_area_ha,
        industrial_land_ha: a.industrial_land_ha,
        leasable_ha: a.leasable_ha,
        leased_ha: a.leased_ha,
        source: a.source,
        note: a.note,
      })),
  );
}

/** Enterprises visible to the filter. */
export async function exportEnterprises(db: DbOrTx, filter: RegistryFilter, q: Partial<EnterpriseListQuery>) {
  const [list, codes] = await Promise.all([allEnterprises(db, filter, q), zoneCodes(db)]);
  return sheet(
    'enterprises',
    list.map((e) => ({
      tax_code: e.taxCode,
      name_vi: e.nameVi,
      name_en: e.nameEn,
      ownership: e.ownership,
      investor_countries: e.investorCountries.join(';'),
      zone_codes: e.zones.map((z) => codes.get(z.id) ?? '').join(';'),
      address: e.address,
      status: e.status,
    })),
  );
}

/** Projects visible to the filter. */
export async function exportProjects(db: DbOrTx, filter: RegistryFilter, q: Partial<ProjectListQuery>) {
  const [list, codes] = await Promise.all([allProjects(db, filter, q), zoneCodes(db)]);
  return sheet(
    'projects',
    list.map((x) => ({
      project_code: x.projectCode,
      name_vi: x.nameVi,
      name_en: x.nameEn,
      enterprise_tax_code: x.enterprise.taxCode,
      zone_code: codes.get(x.zone.id) ?? null,
      investment_type: x.investmentType,
      country_code: x.countryCode,
      investors: x.investors.map((i) => `${i.name} (${i.country})`).join('; '),
      vsic_code: x.vsicCode,
      objectives: x.objectives,
      land_area_ha: x.landAreaHa,
      currency: x.currency,
    })),
  );
}

/** Ledger entries visible to the filter, in project and ledger order (so a re-import replays them in order). */
export async function exportLedger(db: DbOrTx, filter: RegistryFilter, q: Partial<LedgerListQuery>) {
  const list = await allLedger(db, filter, q);
  const byId = new Map(list.map((e) => [e.id, e]));
  return sheet(
    'ledger',
    list.map((e) => {
      const corrected = e.correctsEntryId ? byId.get(e.correctsEntryId) : undefined;
      return {
        project_code: e.projectCode,
        kind: e.kind,
        certificate_no: e.certificateNo,
        amendment_no: e.amendmentNo,
        certificate_date: e.certificateDate,
        capital_before: e.capitalBefore,
        capital_change: e.capitalChange,
        capital_after: e.capitalAfter,
        change_usd: e.fxSource === 'certificate' ? e.change.usd : null,
        change_vnd: e.fxSource === 'certificate' ? e.change.vnd : null,
        deal_value: e.dealValue,
        deal_value_usd: null,
        deal_value_vnd: null,
        corrects_certificate_no: corrected?.certificateNo ?? null,
        corrects_amendment_no: corrected ? corrected.amendmentNo : null,
        reason: e.reason,
        note: e.note,
      };
    }),
  );
}

/** Every plan revision. */
export async function exportPlans(db: DbOrTx) {
  const { items } = await listPlans(db, {});
  return sheet(
    'plans',
    items.map((x) => ({
      indicator: x.indicator,
      year_from: x.yearFrom,
      year_to: x.yearTo,
      value: x.value,
      range_low: x.rangeLow,
      range_high: x.rangeHigh,
      decision_no: x.decisionNo,
      decision_date: x.decisionDate,
      decision_issuer: x.decisionIssuer,
      effective_from: x.effectiveFrom,
      source: x.source,
      note: x.note,
    })),
  );
}

/** Every exchange rate. */
export async function exportExchangeRates(db: DbOrTx) {
  const { items } = await listExchangeRates(db, {});
  return sheet(
    'exchange_rates',
    items.map((x) => ({
      currency: x.currency,
      kind: x.kind,
      valid_from: x.validFrom,
      valid_to: x.validTo,
      vnd_per_unit: x.vndPerUnit,
      source: x.source,
      decision_no: x.decisionNo,
    })),
  );
}
