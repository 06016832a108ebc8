import {
  bilingual,
  InvalidPeriodError,
  parsePeriod,
  periodEnd,
  periodId,
  periodLabel,
  periodStart,
  type ScorecardView,
  type StatisticsRow,
  type StatisticsView,
  toIsoDateVn,
} from '@heza/shared';
import type { WorkingDayCalendar } from '@heza/shared/calendar/index';
import { sql } from 'kysely';
import { listFilter } from '../../platform/auth/policy.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { getCalendar } from '../calendar/service.ts';
import { presentDossierSummaries } from './presenter.ts';
import { now, vnInstant } from './time.ts';
import { unitName } from './units.ts';

/**
 * Dossier statistics in the standard buckets (docs/domain-vn.md §2.6): received (carried over, new online,
 * new at the counter or by post), resolved (early, on time, late: the result date against the legal due
 * date), in progress at the end of the period (within time, overdue), refused, withdrawn or stopped; the
 * share of online dossiers, the mean processing time in working days, and the on-time rate, in which open
 * overdue dossiers count against (QĐ 766/QĐ-TTg's "progress" indicator as dashboards compute it).
 *
 * The buckets are computed from the dossiers' dates, so any past period can be asked for; a dossier's
 * current legal due date is used (a later supplement restart moves it), and a dossier waiting for the
 * applicant's supplement now is within time.
 */

/** The facts of a dossier the buckets need. */
export interface StatDossier {
  procedureCode: string;
  procedureName: { vi: string; en: string };
  unit: string;
  channel: string;
  status: string;
  receivedAt: Date | null;
  legalDueDate: string | null;
  finishedAt: Date | null;
  closedAt: Date | null;
  /** How it closed without a result: 'reject', 'stop' or 'withdraw'. */
  closure: string | null;
  extensions: number;
}

function emptyRow(key: string, label: { vi: string; en: string }): StatisticsRow {
  return {
    key,
    label,
    received: { carriedOver: 0, newOnline: 0, newCounter: 0, total: 0 },
    resolved: { early: 0, onTime: 0, late: 0, total: 0 },
    inProgress: { withinTime: 0, overdue: 0, total: 0 },
    rejected: 0,
    withdrawnOrStopped: 0,
    onlineShare: null,
    averageProcessingDays: null,
    onTimeRate: null,
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Buckets dossiers for the period [start, end] (Vietnam dates) judged at `asOf` (the end of the period, or
 * now while it runs). Pure, so the rules are tested without a database.
 */
export function bucketDossiers(
  dossiers: readonly StatDossier[],
  start: string,
  end: string,
  asOf: Date,
  calendar: WorkingDayCalendar,
  groupOf: (d: StatDossier) => { key: string; label: { vi: string; en: string } },
): { rows: StatisticsRow[]; total: StatisticsRow; late: { late: number; withApology: number } } {
  const from = vnInstant(start, '00:00').getTime();
  const asOfMs = asOf.getTime();
  const asOfDate = toIsoDateVn(asOf);
  const rows = new Map<string, StatisticsRow>();
  const total = emptyRow('all', { vi: 'Tổng số', en: 'Total' });
  const days = new Map<StatisticsRow, number[]>([[total, []]]);
  const late = { late: 0, withApology: 0 };
  for (const d of dossiers) {
    const g = groupOf(d);
    let row = rows.get(g.key);
    if (!row) {
      row = emptyRow(g.key, g.label);
      rows.set(g.key, row);
      days.set(row, []);
    }
    const targets = [row, total];
    const add = (f: (r: StatisticsRow) => void) => targets.forEach(f);
    const received = d.receivedAt?.getTime() ?? null;
    const finished = d.finishedAt?.getTime() ?? null;
    const closed = d.closedAt?.getTime() ?? null;
    const inPeriod = (t: number | null) => t !== null && t >= from && t < asOfMs;
    if (
      received !== null &&
      received < from &&
      (finished === null || finished >= from) &&
      (closed === null || closed >= from)
    ) {
      add((r) => r.received.carriedOver++);
    }
    if (inPeriod(received)) {
      add((r) => (d.channel === 'online' ? r.received.newOnline++ : r.received.newCounter++));
    }
    if (inPeriod(finished) && d.legalDueDate) {
      const day = toIsoDateVn(d.finishedAt!);
      const bucket = day < d.legalDueDate ? 'early' : day === d.legalDueDate ? 'onTime' : 'late';
      add((r) => r.resolved[bucket]++);
      if (bucket === 'late') {
        late.late++;
        if (d.extensions > 0) late.withApology++;
      }
      const spent = calendar.workingDaysBetween(toIsoDateVn(d.receivedAt!), day);
      for (const t of targets) days.get(t)!.push(spent);
    }
    if (inPeriod(closed) && d.closure) {
      add((r) => (d.closure === 'reject' ? r.rejected++ : r.withdrawnOrStopped++));
    }
    const openAtAsOf =
      received !== null &&
      received < asOfMs &&
      (finished === null || finished >= asOfMs) &&
      (closed === null || closed >= asOfMs);
    if (openAtAsOf) {
      const waiting = d.status === 'appraisal_supplement' && asOfMs >= now().getTime() - 1000;
      const overdue = !waiting && d.legalDueDate !== null && asOfDate > d.legalDueDate;
      add((r) => (overdue ? r.inProgress.overdue++ : r.inProgress.withinTime++));
      if (overdue) {
        late.late++;
        if (d.extensions > 0) late.withApology++;
      }
    }
  }
  const finish = (r: StatisticsRow) => {
    r.received.total = r.received.carriedOver + r.received.newOnline + r.received.newCounter;
    r.resolved.total = r.resolved.early + r.resolved.onTime + r.resolved.late;
    r.inProgress.total = r.inProgress.withinTime + r.inProgress.overdue;
    const fresh = r.received.newOnline + r.received.newCounter;
    r.onlineShare = fresh ? round(r.received.newOnline / fresh, 4) : null;
    const denominator = r.resolved.total + r.inProgress.overdue;
    r.onTimeRate = denominator ? round((r.resolved.early + r.resolved.onTime) / denominator, 4) : null;
    const spent = days.get(r)!;
    r.averageProcessingDays = spent.length ? round(spent.reduce((a, b) => a + b, 0) / spent.length, 1) : null;
    return r;
  };
  void end;
  return {
    rows: [...rows.values()].map(finish).sort((a, b) => a.key.localeCompare(b.key)),
    total: finish(total),
    late,
  };
}

function periodOrFail(id: string) {
  try {
    return parsePeriod(id);
  } catch (err) {
    if (err instanceof InvalidPeriodError) {
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'query.period',
            message: bilingual(
              'Kỳ không hợp lệ (ví dụ 2026Q3, 2026M11, 2026).',
              'Invalid period (e.g. 2026Q3, 2026M11, 2026).',
            ),
          },
        ],
      });
    }
    throw err;
  }
}

async function loadStatDossiers(ctx: Ctx, fromInstant: Date, toInstant: Date) {
  const filter = listFilter(ctx.actor, 'procedures.stats.read');
  let q = ctx.db
    .selectFrom('dossiers')
    .innerJoin('procedures', 'procedures.id', 'dossiers.procedure_id')
    .select([
      'dossiers.id',
      'procedures.code',
      'procedures.name_vi',
      'procedures.name_en',
      'procedures.lead_unit',
      'dossiers.channel',
      'dossiers.status',
      'dossiers.received_at',
      'dossiers.legal_due_date',
      'dossiers.finished_at',
      'dossiers.closed_at',
      sql<
        string | null
      >`(select e.event from dossier_events e where e.dossier_id = dossiers.id and e.event in ('reject', 'stop', 'withdraw') order by e.id desc limit 1)`.as(
        'closure',
      ),
      sql<number>`(select count(*) from dossier_extensions x where x.dossier_id = dossiers.id)::int`.as(
        'extensions',
      ),
    ])
    // Everything not finished or closed before the period, received (or refused) before its end.
    .where((eb) =>
      eb.and([
        eb.or([eb('dossiers.received_at', '<', toInstant), eb('dossiers.closed_at', '<', toInstant)]),
        eb.or([eb('dossiers.finished_at', 'is', null), eb('dossiers.finished_at', '>=', fromInstant)]),
        eb.or([eb('dossiers.closed_at', 'is', null), eb('dossiers.closed_at', '>=', fromInstant)]),
      ]),
    );
  if (filter.kind === 'zones')
    q = q.where('dossiers.zone_id', 'in', filter.zoneIds.length ? filter.zoneIds : ['']);
  if (filter.kind === 'enterprise') q = q.where('dossiers.enterprise_id', '=', filter.enterpriseId);
  const rows = await q.execute();
  return rows.map((r): StatDossier & { id: string } => ({
    id: r.id,
    procedureCode: r.code,
    procedureName: { vi: r.name_vi, en: r.name_en },
    unit: r.lead_unit,
    channel: r.channel,
    status: r.status,
    receivedAt: r.received_at,
    legalDueDate: r.legal_due_date,
    finishedAt: r.finished_at,
    closedAt: r.closed_at,
    closure: r.closure,
    extensions: Number(r.extensions),
  }));
}

function window(periodIdText: string) {
  const period = periodOrFail(periodIdText);
  const start = periodStart(period);
  const end = periodEnd(period);
  const from = vnInstant(start, '00:00');
  const endExclusive = new Date(vnInstant(end, '00:00').getTime() + 86_400_000);
  const current = now();
  const asOf = current.getTime() < endExclusive.getTime() ? current : endExclusive;
  return { period, start, end, from, endExclusive, asOf };
}

const GROUPS = {
  procedure: (d: StatDossier) => ({ key: d.procedureCode, label: d.procedureName }),
  unit: (d: StatDossier) => ({ key: d.unit, label: unitName(d.unit) }),
  none: () => ({ key: 'all', label: { vi: 'Tổng số', en: 'Total' } }),
} as const;

/** Statistics of a period grouped by procedure, unit or not at all, over the dossiers the actor may see. */
export async function getStatistics(
  ctx: Ctx,
  q: { period: string; groupBy: 'procedure' | 'unit' | 'none' },
): Promise<StatisticsView> {
  const w = window(q.period);
  const [dossiers, calendar] = await Promise.all([
    loadStatDossiers(ctx, w.from, w.endExclusive),
    getCalendar(ctx.db),
  ]);
  const { rows, total } = bucketDossiers(dossiers, w.start, w.end, w.asOf, calendar, GROUPS[q.groupBy]);
  return {
    period: {
      id: periodId(w.period),
      start: w.start,
      end: w.end,
      label: { vi: periodLabel(w.period, 'vi'), en: periodLabel(w.period, 'en') },
    },
    asOf: w.asOf.toISOString(),
    groupBy: q.groupBy,
    rows,
    total,
  };
}

/** The leaders' scorecard: per unit, on-time rate, overdue open dossiers, online share, speed, apology coverage. */
export async function getScorecard(ctx: Ctx, periodIdText: string): Promise<ScorecardView> {
  const w = window(periodIdText);
  const [dossiers, calendar] = await Promise.all([
    loadStatDossiers(ctx, w.from, w.endExclusive),
    getCalendar(ctx.db),
  ]);
  const units = [...new Set(dossiers.map((d) => d.unit))].sort();
  const perUnit = units.map((unit) => {
    const mine = dossiers.filter((d) => d.unit === unit);
    const { total, late } = bucketDossiers(mine, w.start, w.end, w.asOf, calendar, GROUPS.none);
    return {
      unit,
      received: total.received.total,
      resolved: total.resolved.total,
      onTimeRate: total.onTimeRate,
      overdueOpen: total.inProgress.overdue,
      onlineShare: total.onlineShare,
      averageProcessingDays: total.averageProcessingDays,
      apologyCoverage: late.late ? round(late.withApology / late.late, 4) : null,
    };
  });
  const { total } = bucketDossiers(dossiers, w.start, w.end, w.asOf, calendar, GROUPS.none);
  const asOfDate = toIsoDateVn(w.asOf);
  const overdueIds = dossiers
    .filter(
      (d) =>
        (d.status === 'received' || d.status === 'processing') &&
        d.finishedAt === null &&
        d.legalDueDate !== null &&
        asOfDate > d.legalDueDate,
    )
    .map((d) => d.id)
    .slice(0, 50);
  const overdueRows = overdueIds.length
    ? await ctx.db
        .selectFrom('dossiers')
        .selectAll()
        .where('id', 'in', overdueIds)
        .orderBy('legal_due_date')
        .execute()
    : [];
  return {
    period: {
      id: periodId(w.period),
      label: { vi: periodLabel(w.period, 'vi'), en: periodLabel(w.period, 'en') },
    },
    asOf: w.asOf.toISOString(),
    units: perUnit,
    overdueDossiers: await presentDossierSummaries(ctx.db, overdueRows),
    totals: total,
  };
}
