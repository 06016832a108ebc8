/**
 * Traceability: the records behind a figure of a report — the certificate-ledger entries that add up to an
 * investment figure, the projects valid at the period end behind a cumulative one, the enterprises' submitted
 * values (as known at the report's data date, estimates marked) behind a business figure, the zones behind a
 * zone figure, the plan behind a % of plan. Records are listed within the reader's own registry and
 * reporting jurisdiction; the others are counted, not shown.
 */
import { formatDateVi } from '@heza/shared';
import { FIGURES_BY_KEY, type TraceRecord, type TraceView } from '@heza/shared/official-reports';
import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { decide } from '../../platform/auth/policy.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { asOfInstant } from '../analytics/engine.ts';
import { allZones } from '../registry/queries.ts';
import { type RegistryFilter, registryFilter } from '../registry/scope.ts';
import { figureView } from './figures/compute.ts';
import { formatFigure, shortDate, toDisplay } from './figures/format.ts';
import type { TraceRef } from './figures/types.ts';
import { reportFigureValue } from './queries.ts';

/** A filter for the records of one kind: what the reader may see, or nothing. */
async function readerFilter(ctx: Ctx, action: string): Promise<RegistryFilter | null> {
  if (!ctx.actor) return { kind: 'all' };
  if (!decide(ctx.actor, action).allowed) return null;
  return registryFilter(ctx.db, ctx.actor, action);
}

function visibleSql(
  f: RegistryFilter | null,
  zone: RawBuilder<unknown>,
  enterprise: RawBuilder<unknown>,
): RawBuilder<boolean> {
  if (f === null) return sql<boolean>`false`;
  if (f.kind === 'all') return sql<boolean>`true`;
  if (f.kind === 'zones')
    return sql<boolean>`${zone} = any(${f.zoneIds.length ? f.zoneIds : ['00000000-0000-0000-0000-000000000000']}::uuid[])`;
  return sql<boolean>`${enterprise} = ${f.enterpriseId}::uuid`;
}

const KIND_SQL = {
  new: sql`c.counts_as = 'new'`,
  adjustment: sql`(c.counts_as = 'adjustment' and (c.kind = 'correction' or c.capital_change > 0))`,
  share_purchase: sql`c.kind = 'share_purchase'`,
} as const;
const KIND_VI: Record<string, string> = {
  new: 'Cấp mới',
  adjustment: 'Điều chỉnh tăng vốn',
  share_purchase: 'Góp vốn, mua cổ phần',
  correction: 'Đính chính',
};

type Collected = { records: TraceRecord[]; hidden: number };

async function ledger(
  db: DbOrTx,
  ctx: Ctx,
  ref: Extract<TraceRef, { source: 'ledger' }>,
): Promise<Collected> {
  const f = await readerFilter(ctx, 'registry.project.read');
  const usd = ref.investmentType === 'fdi';
  const rows = await sql<{
    id: string;
    project_id: string;
    kind: string;
    certificate_no: string;
    amendment_no: number;
    effective_date: string;
    amount: string;
    project_code: string;
    project_name: string;
    enterprise_name: string;
    zone_name: string;
    visible: boolean;
  }>`
    select c.id, c.project_id, c.kind, c.certificate_no, c.amendment_no, c.effective_date::text,
      case when c.kind = 'share_purchase' then ${usd ? sql`c.deal_value_usd` : sql`c.deal_value_vnd`}
           else ${usd ? sql`c.change_usd` : sql`c.change_vnd`} end as amount,
      p.project_code, p.name_vi as project_name, e.name_vi as enterprise_name, z.name_vi as zone_name,
      ${visibleSql(f, sql`c.zone_id`, sql`p.enterprise_id`)} as visible
    from certificate_entries c
    join investment_projects p on p.id = c.project_id
    join enterprises e on e.id = p.enterprise_id
    join zones z on z.id = c.zone_id
    where c.investment_type = ${ref.investmentType}
      and c.effective_date between ${ref.from}::date and ${ref.to}::date
      and (${sql.join(
        ref.kinds.map((k) => KIND_SQL[k]),
        sql` or `,
      )})
    order by c.effective_date, c.certificate_no`.execute(db);
  const factor = usd ? '1000000' : '1000000000';
  return {
    hidden: rows.rows.filter((r) => !r.visible).length,
    records: rows.rows
      .filter((r) => r.visible)
      .map((r) => ({
        kind: 'certificate' as const,
        id: r.id,
        href: `/registry/projects/${r.project_id}`,
        title: `${r.project_code} – ${r.project_name}`,
        detail: `${KIND_VI[r.kind] ?? r.kind}; GCNĐKĐT ${r.certificate_no}${r.amendment_no ? ` (thay đổi lần ${r.amendment_no})` : ''}; ${r.enterprise_name}; ${r.zone_name}`,
        date: r.effective_date,
        amount: r.amount === null ? null : toDisplay(r.amount, factor),
        estimate: false,
      })),
  };
}

async function capital(
  db: DbOrTx,
  ctx: Ctx,
  ref: Extract<TraceRef, { source: 'capital' }>,
): Promise<Collected> {
  const f = await readerFilter(ctx, 'registry.project.read');
  const usd = ref.investmentType === 'fdi';
  const rows = await sql<{
    project_id: string;
    amount: string;
    project_code: string;
    project_name: string;
    enterprise_name: string;
    zone_name: string;
    first_date: string;
    visible: boolean;
  }>`
    with last as (
      select distinct on (c.project_id) c.project_id, c.kind, c.zone_id, ${usd ? sql`c.after_usd` : sql`c.after_vnd`} as amount
      from certificate_entries c
      where c.investment_type = ${ref.investmentType} and c.effective_date <= ${ref.asOf}::date
      order by c.project_id, c.effective_date desc, c.seq desc
    )
    select l.project_id, l.amount, p.project_code, p.name_vi as project_name, e.name_vi as enterprise_name, z.name_vi as zone_name,
      (select min(effective_date)::text from certificate_entries x where x.project_id = l.project_id) as first_date,
      ${visibleSql(f, sql`l.zone_id`, sql`p.enterprise_id`)} as visible
    from last l
    join investment_projects p on p.id = l.project_id
    join enterprises e on e.id = p.enterprise_id
    join zones z on z.id = l.zone_id
    where l.kind not in ('termination', 'transfer_out')
    order by l.amount desc, p.project_code`.execute(db);
  const factor = usd ? '1000000' : '1000000000';
  return {
    hidden: rows.rows.filter((r) => !r.visible).length,
    records: rows.rows
      .filter((r) => r.visible)
      .map((r) => ({
        kind: 'project' as const,
        id: r.project_id,
        href: `/registry/projects/${r.project_id}`,
        title: `${r.project_code} – ${r.project_name}`,
        detail: `${r.enterprise_name}; ${r.zone_name}; vốn đăng ký tại ${shortDate(ref.asOf)}`,
        date: r.first_date,
        amount: toDisplay(r.amount, factor),
        estimate: false,
      })),
  };
}

const REPORT_FACTORS: Record<string, string> = {
  revenue: '1000000',
  export: '1000000',
  import: '1000000',
  budget_payments: '1000000000',
  avg_income: '1000000',
  labour: '1',
};

async function reports(
  db: DbOrTx,
  ctx: Ctx,
  ref: Extract<TraceRef, { source: 'reports' }>,
): Promise<Collected> {
  const f = await readerFilter(ctx, 'reporting.submission.read');
  const ind = await db
    .selectFrom('indicators')
    .select(['id', 'aggregation'])
    .where('code', '=', ref.indicator)
    .executeTakeFirst();
  if (!ind) return { records: [], hidden: 0 };
  // The values as known at the data date (the history), or as they are now.
  const values = ref.asOf
    ? sql`(
        select distinct on (h.submission_id) h.submission_id, h.value, h.is_estimate, h.enterprise_id, h.period_start, h.period_end, h.dims_id
        from report_value_history h
        where h.indicator_id = ${ind.id} and h.combo = ${ref.combo} and h.period_start >= ${ref.from}::date
          and h.period_end <= ${ref.to}::date and h.changed_at <= ${asOfInstant(ref.asOf)}::timestamptz
        order by h.submission_id, h.changed_at desc, h.id desc)`
    : sql`(
        select v.submission_id, v.value, v.is_estimate, v.enterprise_id, v.period_start, v.period_end, v.dims_id
        from report_values v
        where v.indicator_id = ${ind.id} and v.combo = ${ref.combo} and v.period_start >= ${ref.from}::date and v.period_end <= ${ref.to}::date)`;
  // A stock (workers) counts each enterprise's latest value in the period; a flow every value.
  const latestOnly = ind.aggregation === 'last';
  const rows = await sql<{
    submission_id: string;
    value: string;
    is_estimate: boolean;
    enterprise_id: string;
    enterprise_name: string;
    period_start: string;
    visible: boolean;
  }>`
    select x.submission_id, x.value, x.is_estimate, x.enterprise_id, e.name_vi as enterprise_name, x.period_start::text,
      ${visibleSql(f, sql`d.zone_id`, sql`x.enterprise_id`)} as visible
    from (
      select ${latestOnly ? sql`distinct on (v.enterprise_id)` : sql``} v.* from ${values} v where v.value is not null
      order by ${latestOnly ? sql`v.enterprise_id, v.period_start desc` : sql`v.period_start, v.enterprise_id`}
    ) x
    join enterprises e on e.id = x.enterprise_id
    join reporting_dims d on d.id = x.dims_id
    order by e.name_vi, x.period_start`.execute(db);
  const factor = REPORT_FACTORS[ref.indicator] ?? '1';
  return {
    hidden: rows.rows.filter((r) => !r.visible).length,
    records: rows.rows
      .filter((r) => r.visible)
      .map((r) => ({
        kind: 'report_value' as const,
        id: `${r.submission_id}:${ref.indicator}:${ref.combo}`,
        href: `/registry/enterprises/${r.enterprise_id}`,
        title: r.enterprise_name,
        detail: `Báo cáo tháng ${r.period_start.slice(5, 7)}/${r.period_start.slice(0, 4)}${r.is_estimate ? ' (số ước)' : ''}`,
        date: r.period_start,
        amount: toDisplay(r.value, factor),
        estimate: r.is_estimate,
      })),
  };
}

async function zones(db: DbOrTx, ctx: Ctx, ref: Extract<TraceRef, { source: 'zones' }>): Promise<Collected> {
  const f = await readerFilter(ctx, 'registry.zone.read');
  const established = ['established', 'construction', 'operating', 'suspended'];
  const pick = (list: Awaited<ReturnType<typeof allZones>>) =>
    list.filter((z) =>
      ref.status === 'operating'
        ? z.status === 'operating'
        : z.status !== null && established.includes(z.status),
    );
  const all = pick(await allZones(db, { kind: 'all' }, { asOf: ref.asOf, kind: 'industrial_park' }));
  const mine = f ? pick(await allZones(db, f, { asOf: ref.asOf, kind: 'industrial_park' })) : [];
  return {
    hidden: all.length - mine.length,
    records: mine.map((z) => ({
      kind: 'zone' as const,
      id: z.id,
      href: `/registry/zones/${z.id}`,
      title: z.nameVi,
      detail: `Trạng thái ${z.status}; ${z.area?.leasedHa ?? '–'} / ${z.area?.leasableHa ?? '–'} ha đã cho thuê / có thể cho thuê${z.area?.occupancyPct !== null && z.area?.occupancyPct !== undefined ? ` (${formatFigure({ kind: 'percent' }, String(z.area.occupancyPct))}%)` : ''}`,
      date: ref.asOf,
      amount: z.area?.totalAreaHa ?? null,
      estimate: false,
    })),
  };
}

async function plan(db: DbOrTx, ref: Extract<TraceRef, { source: 'plan' }>): Promise<Collected> {
  const rows = await db
    .selectFrom('plans')
    .select([
      'id',
      'value',
      'range_low',
      'range_high',
      'unit',
      'decision_no',
      'decision_date',
      'effective_from',
      'source',
    ])
    .where('indicator', '=', ref.indicator)
    .where('year_from', '=', ref.year)
    .whereRef('year_to', '=', 'year_from')
    .orderBy('effective_from', 'desc')
    .execute();
  return {
    hidden: 0,
    records: rows.map((r) => ({
      kind: 'plan' as const,
      id: r.id,
      href: '/registry/plans',
      title: `Kế hoạch năm ${ref.year} (${ref.indicator})`,
      detail: [
        r.value !== null
          ? `${formatFigure({ kind: 'money' }, r.value)} ${r.unit}`
          : `${r.range_low}–${r.range_high} ${r.unit}`,
        r.decision_no
          ? `Quyết định ${r.decision_no}${r.decision_date ? ` ngày ${formatDateVi(r.decision_date)}` : ''}`
          : null,
        `áp dụng từ ${formatDateVi(r.effective_from)}`,
        r.source,
      ]
        .filter(Boolean)
        .join('; '),
      date: r.effective_from,
      amount: r.value,
      estimate: false,
    })),
  };
}

const EXPLAIN: Record<TraceRef['source'], string> = {
  ledger: 'Các giấy chứng nhận đăng ký đầu tư có hiệu lực trong kỳ cộng thành số liệu này.',
  capital: 'Các dự án còn hiệu lực tại cuối kỳ và vốn đăng ký của từng dự án.',
  reports: 'Số liệu doanh nghiệp báo cáo trong kỳ (theo ngày số liệu của báo cáo); số ước được đánh dấu.',
  zones: 'Các khu công nghiệp và diện tích tại cuối kỳ.',
  plan: 'Kế hoạch năm được dùng để tính tỷ lệ.',
};

/** The records one trace reference points at. */
function recordsOf(ctx: Ctx, ref: TraceRef): Promise<Collected> {
  switch (ref.source) {
    case 'ledger':
      return ledger(ctx.db, ctx, ref);
    case 'capital':
      return capital(ctx.db, ctx, ref);
    case 'reports':
      return reports(ctx.db, ctx, ref);
    case 'zones':
      return zones(ctx.db, ctx, ref);
    case 'plan':
      return plan(ctx.db, ref);
  }
}

/** The records behind one figure of a report, a page at a time. */
export async function figureRecords(
  ctx: Ctx,
  reportId: string,
  key: string,
  page = 1,
  pageSize = 50,
): Promise<TraceView> {
  if (!FIGURES_BY_KEY.has(key)) throw notFound({ vi: 'số liệu', en: 'figure' });
  const value = await reportFigureValue(ctx.db, reportId, key);
  if (!value) throw notFound({ vi: 'số liệu', en: 'figure' });
  const parts = await Promise.all(value.trace.map((ref) => recordsOf(ctx, ref)));
  const records = parts.flatMap((p) => p.records);
  return {
    figure: figureView(value),
    explanation: value.trace.map((r) => EXPLAIN[r.source]).join(' ') || 'Số liệu không có bản ghi nguồn.',
    records: records.slice((page - 1) * pageSize, page * pageSize),
    total: records.length,
    hidden: parts.reduce((a, p) => a + p.hidden, 0),
    page,
    pageSize,
  };
}
