/**
 * Completeness and timeliness (DHIS2's reporting rates): for each form and period, the enterprises that must
 * report (expected), those that submitted, accepted, returned, still in draft or missing, and how many made
 * their first submission by the due day. Grouped by zone (rolled up to parent zones), period, form or FDI/DDI;
 * and the list of enterprises still missing a report, with whom to contact.
 */
import { bilingual, type Period, parsePeriod, periodId, periodLabel } from '@heza/shared';
import { percentOf, rational } from '@heza/shared/exact';
import type { CompletenessRow } from '@heza/shared/reporting';
import { type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { NO_ID, type RegistryFilter, zonesWithDescendants } from '../registry/scope.ts';
import { reportingFilter } from './access.ts';
import { mainZoneSql } from './dims.ts';
import { expectedEnterprisesSql, type FormRow } from './forms.ts';
import { dueDate } from './schedule.ts';

type Row = z.infer<typeof CompletenessRow>;

/** One expected report: enterprise × form × period with its state. */
interface StateRow {
  form_id: string;
  period_id: string;
  enterprise_id: string;
  zone_id: string | null;
  ownership: string;
  status: string | null;
  on_time: boolean | null;
}

/** SQL restricting enterprises `e` to the actor's reach. */
function reachSql(filter: RegistryFilter): RawBuilder<unknown> {
  if (filter.kind === 'all') return sql`true`;
  if (filter.kind === 'enterprise') return sql`e.id = ${filter.enterpriseId}::uuid`;
  const zones = filter.zoneIds.length ? filter.zoneIds : [NO_ID];
  return sql`(e.main_zone_id = any(${zones}::uuid[])
    or exists (select 1 from enterprise_zones ez where ez.enterprise_id = e.id and ez.zone_id = any(${zones}::uuid[]))
    or exists (select 1 from investment_projects p where p.enterprise_id = e.id and p.zone_id = any(${zones}::uuid[])))`;
}

/** Every expected report of a form over some periods, with its submission state and timeliness. */
async function expectedStates(
  db: DbOrTx,
  form: FormRow,
  periods: Period[],
  filter: RegistryFilter,
  zoneIds?: string[],
): Promise<StateRow[]> {
  if (!periods.length) return [];
  const expected = await expectedEnterprisesSql(db, form);
  const rows = periods.map((p) => sql`(${periodId(p)}::text, ${dueDate(form, p)}::date)`);
  const zoneFilter = zoneIds
    ? sql`and ${mainZoneSql('e')} = any(${zoneIds.length ? zoneIds : [NO_ID]}::uuid[])`
    : sql``;
  const result = await sql<StateRow>`
    with x as (${expected}), p(pid, due) as (values ${sql.join(rows)})
    select ${form.id}::uuid as form_id, p.pid as period_id, e.id as enterprise_id, ${mainZoneSql('e')} as zone_id,
      e.ownership, s.status,
      case when s.first_submitted_at is null then null
        else (s.first_submitted_at at time zone 'Asia/Ho_Chi_Minh')::date <= p.due end as on_time
    from x join enterprises e on e.id = x.enterprise_id
    cross join p
    left join report_submissions s on s.form_id = ${form.id}::uuid and s.enterprise_id = e.id and s.period_id = p.pid
    where ${reachSql(filter)} ${zoneFilter}`.execute(db);
  return result.rows;
}

function emptyRow(key: string | null, label: string, parentKey: string | null = null): Row {
  return {
    key,
    label,
    parentKey,
    expected: 0,
    submitted: 0,
    accepted: 0,
    returned: 0,
    drafts: 0,
    missing: 0,
    onTime: 0,
    late: 0,
    completenessPct: null,
    timelinessPct: null,
  };
}

function count(row: Row, s: StateRow) {
  row.expected += 1;
  const submitted = s.status === 'submitted' || s.status === 'accepted' || s.status === 'returned';
  if (submitted) row.submitted += 1;
  else row.missing += 1;
  if (s.status === 'accepted') row.accepted += 1;
  if (s.status === 'returned') row.returned += 1;
  if (s.status === 'draft') row.drafts += 1;
  if (submitted && s.on_time) row.onTime += 1;
  if (submitted && s.on_time === false) row.late += 1;
}

function rates(row: Row): Row {
  return {
    ...row,
    completenessPct: percentOf(rational(row.submitted), rational(row.expected), 1),
    timelinessPct: percentOf(rational(row.onTime), rational(row.expected), 1),
  };
}

function parsePeriods(list: string, forms: FormRow[]): Period[] {
  const ids = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const out: Period[] = [];
  for (const [i, id] of ids.entries()) {
    try {
      out.push(parsePeriod(id));
    } catch {
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: `query.periods.${i}`,
            message: bilingual(`Kỳ "${id}" không hợp lệ.`, `"${id}" is not a valid period.`),
          },
        ],
      });
    }
  }
  if (forms.length === 1 && out.some((p) => p.type !== forms[0]!.period_type)) {
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'query.periods',
          message: bilingual(
            'Các kỳ phải cùng loại kỳ với biểu mẫu.',
            "The periods must be of the form's period type.",
          ),
        },
      ],
    });
  }
  return out;
}

/** The completeness and timeliness table. */
export async function completeness(
  ctx: Ctx,
  q: { formId?: string; periods: string; groupBy: 'zone' | 'period' | 'form' | 'investmentType' },
  lang: 'vi' | 'en' = 'vi',
) {
  const filter = await reportingFilter(ctx, 'reporting.monitor.read');
  let formsQ = ctx.db.selectFrom('report_forms').selectAll();
  formsQ = q.formId ? formsQ.where('id', '=', q.formId) : formsQ.where('active', '=', true);
  const forms = await formsQ.orderBy('code').execute();
  if (q.formId && !forms.length)
    throw new AppError('NOT_FOUND', { params: { entity: { vi: 'biểu mẫu', en: 'Form' } } });
  const periods = parsePeriods(q.periods, forms);
  const states: StateRow[] = [];
  for (const f of forms) {
    states.push(
      ...(await expectedStates(
        ctx.db,
        f,
        periods.filter((p) => p.type === f.period_type),
        filter,
      )),
    );
  }
  const total = emptyRow(null, lang === 'vi' ? 'Tổng số' : 'Total');
  const groups = new Map<string, Row>();
  const group = (key: string, label: string, parentKey: string | null = null) => {
    let row = groups.get(key);
    if (!row) {
      row = emptyRow(key, label, parentKey);
      groups.set(key, row);
    }
    return row;
  };
  let zones: { id: string; parent_id: string | null; name_vi: string; name_en: string | null }[] = [];
  if (q.groupBy === 'zone') {
    zones = await ctx.db.selectFrom('zones').select(['id', 'parent_id', 'name_vi', 'name_en']).execute();
  }
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const zoneName = (id: string) => {
    const z = zoneById.get(id);
    return z ? (lang === 'vi' ? z.name_vi : (z.name_en ?? z.name_vi)) : id;
  };
  for (const s of states) {
    count(total, s);
    if (q.groupBy === 'period') count(group(s.period_id, periodLabel(parsePeriod(s.period_id), lang)), s);
    else if (q.groupBy === 'form') {
      const f = forms.find((x) => x.id === s.form_id)!;
      count(group(f.id, `${f.code} – ${lang === 'vi' ? f.name_vi : f.name_en}`), s);
    } else if (q.groupBy === 'investmentType') {
      const t = s.ownership === 'fdi' ? 'fdi' : 'ddi';
      count(group(t, t === 'fdi' ? 'FDI' : lang === 'vi' ? 'Trong nước (DDI)' : 'Domestic (DDI)'), s);
    } else {
      // Each enterprise counts in its zone and in every zone that contains it.
      let cur = s.zone_id;
      if (!cur) count(group('-', lang === 'vi' ? 'Chưa xác định khu' : 'No zone'), s);
      for (let depth = 0; cur && depth < 12; depth++) {
        const z = zoneById.get(cur);
        count(group(cur, zoneName(cur), z?.parent_id ?? null), s);
        cur = z?.parent_id ?? null;
      }
    }
  }
  const rows = [...groups.values()].map(rates);
  if (q.groupBy === 'period') rows.sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
  else rows.sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const vi = lang === 'vi';
  return {
    groupBy: q.groupBy,
    rows,
    total: rates(total),
    notes: [
      vi
        ? 'Đã nộp: đã nộp ít nhất một lần (kể cả bị trả lại để sửa); đúng hạn: lần nộp đầu tiên không muộn hơn hạn nộp. Tỷ lệ tính trên số phải nộp.'
        : 'Submitted: submitted at least once (returned ones included); on time: the first submission by the due day. Rates are of the expected reports.',
      vi
        ? 'Một doanh nghiệp được tính ở khu của nó và ở mọi khu bao quanh khu đó.'
        : 'An enterprise counts in its zone and in every zone containing it.',
    ],
  };
}

/** Enterprises that must still submit a report (none, draft or returned), with contacts and users' e-mails. */
export async function missingReports(
  ctx: Ctx,
  q: { formId: string; periodId: string; zoneId?: string },
  action = 'reporting.monitor.read',
) {
  const filter = await reportingFilter(ctx, action);
  const form = await ctx.db
    .selectFrom('report_forms')
    .selectAll()
    .where('id', '=', q.formId)
    .executeTakeFirst();
  if (!form) throw new AppError('NOT_FOUND', { params: { entity: { vi: 'biểu mẫu', en: 'Form' } } });
  const periods = parsePeriods(q.periodId, [form]);
  const zoneIds = q.zoneId ? await zonesWithDescendants(ctx.db, [q.zoneId]) : undefined;
  const states = (await expectedStates(ctx.db, form, periods, filter, zoneIds)).filter(
    (s) => s.status === null || s.status === 'draft' || s.status === 'returned',
  );
  if (!states.length) return [];
  const ids = states.map((s) => s.enterprise_id);
  const [enterprises, users, zoneLinks] = await Promise.all([
    ctx.db
      .selectFrom('enterprises')
      .select(['id', 'tax_code', 'name_vi', 'contacts'])
      .where('id', 'in', ids)
      .execute(),
    ctx.db
      .selectFrom('users')
      .select(['enterprise_id', 'email'])
      .where('enterprise_id', 'in', ids)
      .where('active', '=', true)
      .execute(),
    ctx.db
      .selectFrom('enterprise_zones as ez')
      .innerJoin('zones as z', 'z.id', 'ez.zone_id')
      .select(['ez.enterprise_id', 'z.name_vi'])
      .where('ez.enterprise_id', 'in', ids)
      .execute(),
  ]);
  const byId = new Map(enterprises.map((e) => [e.id, e]));
  return states
    .map((s) => {
      const e = byId.get(s.enterprise_id)!;
      const contacts = (Array.isArray(e.contacts) ? e.contacts : []) as {
        name?: string;
        role?: string | null;
        phone?: string | null;
        email?: string | null;
      }[];
      return {
        enterpriseId: e.id,
        taxCode: e.tax_code,
        nameVi: e.name_vi,
        zoneNames: zoneLinks.filter((z) => z.enterprise_id === e.id).map((z) => z.name_vi),
        status: (s.status ?? 'none') as 'none' | 'draft' | 'returned',
        contacts: contacts.map((c) => ({
          name: c.name ?? '',
          role: c.role ?? null,
          phone: c.phone ?? null,
          email: c.email ?? null,
        })),
        userEmails: users.filter((u) => u.enterprise_id === e.id).map((u) => u.email),
      };
    })
    .sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi'));
}
