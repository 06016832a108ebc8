/**
 * Reads of the registry: lists (filtered, sorted, searched without diacritics, paginated) and details.
 * Every list takes the actor's `RegistryFilter` so jurisdiction is applied in SQL, never after paging.
 */
import {
  type EnterpriseListQuery,
  type LedgerListQuery,
  type ProjectListQuery,
  todayVn,
  ZONE_STATUSES,
  type ZoneListQuery,
} from '@heza/shared/registry';
import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { foldForSearch } from '../../platform/search.ts';
import {
  type EnterpriseRow,
  type LedgerRow,
  type PlanRow,
  type ProjectRow,
  presentEnterprise,
  presentExchangeRate,
  presentLedgerEntry,
  presentPlan,
  presentProject,
  presentZone,
  presentZoneArea,
  presentZoneEvent,
  type ZoneStateRow,
} from './presenter.ts';
import { NO_ID, type RegistryFilter } from './scope.ts';

export const ZONE_ENTITY = { vi: 'khu', en: 'Zone' };
export const ENTERPRISE_ENTITY = { vi: 'doanh nghiệp', en: 'Enterprise' };
export const PROJECT_ENTITY = { vi: 'dự án', en: 'Project' };
export const LEDGER_ENTITY = { vi: 'bút toán', en: 'Ledger entry' };
export const EVENT_ENTITY = { vi: 'sự kiện', en: 'Event' };

const ids = (list: readonly string[]) => (list.length ? [...list] : [NO_ID]);
const STATUS_ORDER = sql.raw(`array[${ZONE_STATUSES.map((s) => `'${s}'`).join(',')}]::text[]`);
const and = (parts: RawBuilder<unknown>[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

// ---------------------------------------------------------------------------------------------------
// Zones

/** Zones with their parent, developer, and the status and area record in force on `asOf`. */
function zoneStateSql(
  asOf: string,
  where: RawBuilder<unknown>,
  order: RawBuilder<unknown>,
  limit?: number,
  offset?: number,
) {
  return sql<ZoneStateRow>`
    select z.id, z.code, z.name_vi, z.name_en, z.kind, z.parent_id, p.name_vi as parent_name, z.model_type,
      z.developer_id, d.name_vi as developer_name, z.location, z.address, z.infrastructure, z.contacts,
      z.description_vi, z.description_en, z.source, z.is_demo,
      ev.status, ev.event_date as status_since,
      ar.id as area_id, ar.as_of as area_as_of, ar.total_area_ha, ar.industrial_land_ha, ar.leasable_ha, ar.leased_ha,
      ar.source as area_source, ar.note as area_note, ar.is_demo as area_is_demo, ar.recorded_at as area_recorded_at
    from zones z
    left join zones p on p.id = z.parent_id
    left join enterprises d on d.id = z.developer_id
    left join lateral (
      select e.status, e.event_date from zone_events e
      where e.zone_id = z.id and e.voided_at is null and e.event_date <= ${asOf}::date
      order by e.event_date desc, array_position(${STATUS_ORDER}, e.status) desc, e.recorded_at desc limit 1
    ) ev on true
    left join lateral (
      select a.* from zone_area_records a where a.zone_id = z.id and a.as_of <= ${asOf}::date
      order by a.as_of desc, a.recorded_at desc limit 1
    ) ar on true
    where ${where}
    order by ${order}
    ${limit !== undefined ? sql`limit ${limit} offset ${offset ?? 0}` : sql``}`;
}

function zoneWhere(filter: RegistryFilter, q: Partial<ZoneListQuery>): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (filter.kind === 'zones') parts.push(sql`z.id = any(${ids(filter.zoneIds)}::uuid[])`);
  if (filter.kind === 'enterprise') parts.push(sql`false`);
  if (q.q) {
    const needle = `%${foldForSearch(q.q)}%`;
    parts.push(
      sql`(f_unaccent(z.name_vi) like ${needle} or f_unaccent(coalesce(z.name_en, '')) like ${needle} or z.code like ${needle})`,
    );
  }
  if (q.kind) parts.push(sql`z.kind = ${q.kind}`);
  if (q.parentId) parts.push(sql`z.parent_id = ${q.parentId}::uuid`);
  if (q.status) parts.push(sql`ev.status = ${q.status}`);
  return and(parts);
}

const ZONE_SORT: Record<string, string> = {
  name: 'z.name_vi',
  code: 'z.code',
  kind: 'z.kind',
  status: `array_position(array[${ZONE_STATUSES.map((s) => `'${s}'`).join(',')}]::text[], ev.status)`,
  totalArea: 'ar.total_area_ha',
  occupancy: 'ar.leased_ha / nullif(ar.leasable_ha, 0)',
};

/** Lists zones as of a date (today by default), filtered by jurisdiction, search, kind, parent and status. */
export async function listZones(
  db: DbOrTx,
  filter: RegistryFilter,
  q: ZoneListQuery & { page: number; pageSize: number },
) {
  const asOf = q.asOf ?? todayVn();
  const where = zoneWhere(filter, q);
  const dir = q.dir === 'desc' ? sql.raw('desc nulls last') : sql.raw('asc nulls last');
  const order = sql`${sql.raw(ZONE_SORT[q.sort ?? 'name'] ?? 'z.name_vi')} ${dir}, z.name_vi, z.id`;
  const [rows, count] = await Promise.all([
    zoneStateSql(asOf, where, order, q.pageSize, (q.page - 1) * q.pageSize).execute(db),
    sql<{ n: number }>`select count(*)::int as n from (${zoneStateSql(asOf, where, sql`z.id`)}) t`.execute(
      db,
    ),
  ]);
  return {
    items: rows.rows.map((r) => presentZone(r, asOf)),
    total: count.rows[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Every zone visible to the filter as of a date (exports, the map, summaries). */
export async function allZones(db: DbOrTx, filter: RegistryFilter, q: Partial<ZoneListQuery> = {}) {
  const asOf = q.asOf ?? todayVn();
  const rows = await zoneStateSql(asOf, zoneWhere(filter, q), sql`z.name_vi, z.id`).execute(db);
  return rows.rows.map((r) => presentZone(r, asOf));
}

/** One zone with its timeline, area history, child zones and project count; throws NOT_FOUND. */
export async function getZone(db: DbOrTx, id: string, asOf = todayVn()) {
  const row = (await zoneStateSql(asOf, sql`z.id = ${id}::uuid`, sql`z.id`).execute(db)).rows[0];
  if (!row) throw new AppError('NOT_FOUND', { params: { entity: ZONE_ENTITY } });
  const [events, areas, children, projects] = await Promise.all([
    db
      .selectFrom('zone_events')
      .selectAll()
      .where('zone_id', '=', id)
      .orderBy('event_date')
      .orderBy('recorded_at')
      .execute(),
    db
      .selectFrom('zone_area_records')
      .selectAll()
      .where('zone_id', '=', id)
      .orderBy('as_of')
      .orderBy('recorded_at')
      .execute(),
    db
      .selectFrom('zones')
      .select(['id', 'name_vi as name'])
      .where('parent_id', '=', id)
      .orderBy('name_vi')
      .execute(),
    db
      .selectFrom('investment_projects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('zone_id', '=', id)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    ...presentZone(row, asOf),
    events: events.map(presentZoneEvent),
    areas: areas.map(presentZoneArea),
    children,
    projectCount: Number(projects.n),
  };
}

// ---------------------------------------------------------------------------------------------------
// Enterprises

function enterpriseSql(
  where: RawBuilder<unknown>,
  order: RawBuilder<unknown>,
  limit?: number,
  offset?: number,
) {
  return sql<EnterpriseRow>`
    select e.id, e.tax_code, e.name_vi, e.name_en, e.ownership, e.investor_countries, e.address, e.contacts,
      e.status, e.is_demo,
      coalesce((select json_agg(json_build_object('id', z.id, 'name', z.name_vi) order by z.name_vi)
        from enterprise_zones ez join zones z on z.id = ez.zone_id where ez.enterprise_id = e.id), '[]'::json) as zones,
      (select count(*)::int from investment_projects p where p.enterprise_id = e.id) as project_count
    from enterprises e
    where ${where}
    order by ${order}
    ${limit !== undefined ? sql`limit ${limit} offset ${offset ?? 0}` : sql``}`;
}

/** SQL condition: the enterprise is visible under the filter (linked to one of the zones, or the actor's own). */
export function enterpriseVisible(filter: RegistryFilter, alias = 'e'): RawBuilder<unknown> {
  const col = sql.ref(`${alias}.id`);
  if (filter.kind === 'all') return sql`true`;
  if (filter.kind === 'enterprise') return sql`${col} = ${filter.enterpriseId}::uuid`;
  return sql`exists (select 1 from enterprise_zones ez where ez.enterprise_id = ${col} and ez.zone_id = any(${ids(filter.zoneIds)}::uuid[]))`;
}

function enterpriseWhere(filter: RegistryFilter, q: Partial<EnterpriseListQuery>): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [enterpriseVisible(filter)];
  if (q.q) {
    const needle = `%${foldForSearch(q.q)}%`;
    parts.push(
      sql`(f_unaccent(e.name_vi) like ${needle} or f_unaccent(coalesce(e.name_en, '')) like ${needle} or e.tax_code like ${needle})`,
    );
  }
  if (q.ownership) parts.push(sql`e.ownership = ${q.ownership}`);
  if (q.status) parts.push(sql`e.status = ${q.status}`);
  if (q.country) parts.push(sql`${q.country} = any(e.investor_countries)`);
  if (q.zoneId)
    parts.push(
      sql`exists (select 1 from enterprise_zones ez2 where ez2.enterprise_id = e.id and ez2.zone_id = ${q.zoneId}::uuid)`,
    );
  return and(parts);
}

const ENTERPRISE_SORT: Record<string, string> = {
  name: 'e.name_vi',
  taxCode: 'e.tax_code',
  createdAt: 'e.created_at',
};

/** Lists enterprises visible to the actor, searched by name (without diacritics) or tax code. */
export async function listEnterprises(
  db: DbOrTx,
  filter: RegistryFilter,
  q: EnterpriseListQuery & { page: number; pageSize: number },
) {
  const where = enterpriseWhere(filter, q);
  const dir = sql.raw(q.dir === 'desc' ? 'desc' : 'asc');
  const order = sql`${sql.raw(ENTERPRISE_SORT[q.sort ?? 'name'] ?? 'e.name_vi')} ${dir}, e.id`;
  const [rows, count] = await Promise.all([
    enterpriseSql(where, order, q.pageSize, (q.page - 1) * q.pageSize).execute(db),
    sql<{ n: number }>`select count(*)::int as n from enterprises e where ${where}`.execute(db),
  ]);
  return {
    items: rows.rows.map(presentEnterprise),
    total: count.rows[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Every enterprise visible to the filter (exports). */
export async function allEnterprises(
  db: DbOrTx,
  filter: RegistryFilter,
  q: Partial<EnterpriseListQuery> = {},
) {
  const rows = await enterpriseSql(enterpriseWhere(filter, q), sql`e.name_vi, e.id`).execute(db);
  return rows.rows.map(presentEnterprise);
}

/** One enterprise; throws NOT_FOUND. */
export async function getEnterprise(db: DbOrTx, id: string) {
  const row = (await enterpriseSql(sql`e.id = ${id}::uuid`, sql`e.id`).execute(db)).rows[0];
  if (!row) throw new AppError('NOT_FOUND', { params: { entity: ENTERPRISE_ENTITY } });
  return presentEnterprise(row);
}

// ---------------------------------------------------------------------------------------------------
// Projects

function projectSql(where: RawBuilder<unknown>, order: RawBuilder<unknown>, limit?: number, offset?: number) {
  return sql<ProjectRow>`
    select * from (
      select p.id, p.project_code, p.name_vi, p.name_en, p.enterprise_id, e.name_vi as enterprise_name,
        e.tax_code as enterprise_tax_code, p.zone_id, z.name_vi as zone_name, p.investment_type, p.country_code,
        p.investors, p.vsic_code, p.objectives, p.land_area_ha, p.currency, p.is_demo,
        (select c.kind from certificate_entries c where c.project_id = p.id
           and c.kind in ('new', 'transfer_in', 'termination', 'transfer_out') order by c.seq desc limit 1) as status_kind,
        (select min(c.certificate_date) from certificate_entries c where c.project_id = p.id) as first_certificate_date,
        last.capital_after as capital, last.after_usd as capital_usd, last.after_vnd as capital_vnd,
        coalesce(last.seq, 0) as entry_count
      from investment_projects p
      join enterprises e on e.id = p.enterprise_id
      join zones z on z.id = p.zone_id
      left join lateral (
        select c.capital_after, c.after_usd, c.after_vnd, c.seq from certificate_entries c
        where c.project_id = p.id order by c.seq desc limit 1
      ) last on true
    ) p
    where ${where}
    order by ${order}
    ${limit !== undefined ? sql`limit ${limit} offset ${offset ?? 0}` : sql``}`;
}

/** SQL condition on a project row `p` (with zone_id and enterprise_id): visible under the filter. */
export function projectVisible(filter: RegistryFilter): RawBuilder<unknown> {
  if (filter.kind === 'all') return sql`true`;
  if (filter.kind === 'enterprise') return sql`p.enterprise_id = ${filter.enterpriseId}::uuid`;
  return sql`p.zone_id = any(${ids(filter.zoneIds)}::uuid[])`;
}

const STATUS_KINDS: Record<string, RawBuilder<unknown>> = {
  draft: sql`p.status_kind is null`,
  active: sql`p.status_kind in ('new', 'transfer_in')`,
  terminated: sql`p.status_kind = 'termination'`,
  transferred_out: sql`p.status_kind = 'transfer_out'`,
};

function projectWhere(filter: RegistryFilter, q: Partial<ProjectListQuery>): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [projectVisible(filter)];
  if (q.q) {
    const needle = `%${foldForSearch(q.q)}%`;
    parts.push(
      sql`(f_unaccent(p.name_vi) like ${needle} or lower(p.project_code) like ${needle} or f_unaccent(p.enterprise_name) like ${needle})`,
    );
  }
  if (q.zoneId) parts.push(sql`p.zone_id = ${q.zoneId}::uuid`);
  if (q.enterpriseId) parts.push(sql`p.enterprise_id = ${q.enterpriseId}::uuid`);
  if (q.investmentType) parts.push(sql`p.investment_type = ${q.investmentType}`);
  if (q.country) parts.push(sql`p.country_code = ${q.country}`);
  if (q.vsic) parts.push(sql`p.vsic_code like ${`${q.vsic}%`}`);
  if (q.status) parts.push(STATUS_KINDS[q.status] ?? sql`true`);
  return and(parts);
}

const PROJECT_SORT: Record<string, string> = {
  name: 'p.name_vi',
  code: 'p.project_code',
  capital: 'p.capital_usd',
  firstCertificateDate: 'p.first_certificate_date',
};

/** Lists projects visible to the actor with their ledger-derived status and capital. */
export async function listProjects(
  db: DbOrTx,
  filter: RegistryFilter,
  q: ProjectListQuery & { page: number; pageSize: number },
) {
  const where = projectWhere(filter, q);
  const dir = sql.raw(q.dir === 'desc' ? 'desc nulls last' : 'asc nulls last');
  const order = sql`${sql.raw(PROJECT_SORT[q.sort ?? 'name'] ?? 'p.name_vi')} ${dir}, p.id`;
  const [rows, count] = await Promise.all([
    projectSql(where, order, q.pageSize, (q.page - 1) * q.pageSize).execute(db),
    sql<{ n: number }>`select count(*)::int as n from (${projectSql(where, sql`p.id`)}) t`.execute(db),
  ]);
  return {
    items: rows.rows.map(presentProject),
    total: count.rows[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Every project visible to the filter (exports). */
export async function allProjects(db: DbOrTx, filter: RegistryFilter, q: Partial<ProjectListQuery> = {}) {
  const rows = await projectSql(projectWhere(filter, q), sql`p.project_code`).execute(db);
  return rows.rows.map(presentProject);
}

/** One project with its whole ledger; throws NOT_FOUND. */
export async function getProject(db: DbOrTx, id: string) {
  const row = (await projectSql(sql`p.id = ${id}::uuid`, sql`p.id`).execute(db)).rows[0];
  if (!row) throw new AppError('NOT_FOUND', { params: { entity: PROJECT_ENTITY } });
  const ledger = await ledgerSql(sql`c.project_id = ${id}::uuid`, sql`c.seq`).execute(db);
  return { ...presentProject(row), ledger: ledger.rows.map(presentLedgerEntry) };
}

/** The zone and enterprise of a project (for permission checks); throws NOT_FOUND. */
export async function projectScope(db: DbOrTx, id: string) {
  const row = await db
    .selectFrom('investment_projects')
    .select(['zone_id', 'enterprise_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { params: { entity: PROJECT_ENTITY } });
  return row;
}

// ---------------------------------------------------------------------------------------------------
// Ledger

function ledgerSql(where: RawBuilder<unknown>, order: RawBuilder<unknown>, limit?: number, offset?: number) {
  return sql<LedgerRow>`
    select c.*, p.project_code from certificate_entries c join investment_projects p on p.id = c.project_id
    where ${where}
    order by ${order}
    ${limit !== undefined ? sql`limit ${limit} offset ${offset ?? 0}` : sql``}`;
}

function ledgerWhere(filter: RegistryFilter, q: Partial<LedgerListQuery>): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [projectVisible(filter)];
  if (q.projectId) parts.push(sql`c.project_id = ${q.projectId}::uuid`);
  if (q.zoneId) parts.push(sql`c.zone_id = ${q.zoneId}::uuid`);
  if (q.kind) parts.push(sql`c.kind = ${q.kind}`);
  if (q.investmentType) parts.push(sql`c.investment_type = ${q.investmentType}`);
  if (q.from) parts.push(sql`c.certificate_date >= ${q.from}::date`);
  if (q.to) parts.push(sql`c.certificate_date <= ${q.to}::date`);
  if (q.q) {
    const needle = `%${foldForSearch(q.q)}%`;
    parts.push(sql`(lower(c.certificate_no) like ${needle} or lower(p.project_code) like ${needle})`);
  }
  return and(parts);
}

/** Lists ledger entries (newest certificate first) visible to the actor. */
export async function listLedger(
  db: DbOrTx,
  filter: RegistryFilter,
  q: LedgerListQuery & { page: number; pageSize: number },
) {
  const where = ledgerWhere(filter, q);
  const [rows, count] = await Promise.all([
    ledgerSql(
      where,
      sql`c.certificate_date desc, c.recorded_at desc, c.id`,
      q.pageSize,
      (q.page - 1) * q.pageSize,
    ).execute(db),
    sql<{
      n: number;
    }>`select count(*)::int as n from certificate_entries c join investment_projects p on p.id = c.project_id where ${where}`.execute(
      db,
    ),
  ]);
  return {
    items: rows.rows.map(presentLedgerEntry),
    total: count.rows[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Every ledger entry visible to the filter, in project and seq order (exports). */
export async function allLedger(db: DbOrTx, filter: RegistryFilter, q: Partial<LedgerListQuery> = {}) {
  const rows = await ledgerSql(ledgerWhere(filter, q), sql`p.project_code, c.seq`).execute(db);
  return rows.rows.map(presentLedgerEntry);
}

/** One ledger entry by id, presented; throws NOT_FOUND. */
export async function getLedgerEntry(db: DbOrTx, id: string) {
  const row = (await ledgerSql(sql`c.id = ${id}::uuid`, sql`c.id`).execute(db)).rows[0];
  if (!row) throw new AppError('NOT_FOUND', { params: { entity: LEDGER_ENTITY } });
  return presentLedgerEntry(row);
}

// ---------------------------------------------------------------------------------------------------
// Plans and exchange rates

/** Plans (every revision, newest first), with `current` marking the revision in force. */
export async function listPlans(db: DbOrTx, q: { year?: number; indicator?: string }) {
  let query = db
    .selectFrom('plans as p')
    .selectAll('p')
    .select(
      sql<boolean>`not exists (select 1 from plans l where l.indicator = p.indicator and l.year_from = p.year_from
        and l.year_to = p.year_to and (l.effective_from, l.recorded_at) > (p.effective_from, p.recorded_at))`.as(
        'current',
      ),
    );
  if (q.year !== undefined) query = query.where('p.year_from', '<=', q.year).where('p.year_to', '>=', q.year);
  if (q.indicator) query = query.where('p.indicator', '=', q.indicator);
  const rows = await query
    .orderBy('p.year_from', 'desc')
    .orderBy('p.indicator')
    .orderBy('p.effective_from', 'desc')
    .execute();
  return { items: rows.map((r) => presentPlan(r as PlanRow)) };
}

/** Exchange rates, newest first. */
export async function listExchangeRates(db: DbOrTx, q: { currency?: string }) {
  let query = db.selectFrom('exchange_rates').selectAll();
  if (q.currency) query = query.where('currency', '=', q.currency);
  const rows = await query.orderBy('valid_from', 'desc').orderBy('currency').execute();
  return { items: rows.map(presentExchangeRate) };
}
