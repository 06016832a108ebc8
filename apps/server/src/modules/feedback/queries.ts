import {
  bilingual,
  type FeedbackCategoryView,
  type FeedbackStatisticsView,
  type FeedbackTrackView,
  type FeedbackView,
  InvalidPeriodError,
  parsePeriod,
  periodEnd,
  periodId,
  periodStart,
  toIsoDateVn,
} from '@heza/shared';
import { type Selectable, sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { listFilter } from '../../platform/auth/policy.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { foldForSearch } from '../../platform/search.ts';
import { sameSecret } from '../procedures/code.ts';
import { now, vnInstant } from '../procedures/time.ts';
import { unitName } from '../procedures/units.ts';
import { authorizeFeedback } from './access.ts';
import { requesterMayReopen } from './commands/reopen-feedback.ts';
import { feedbackOverdue, presentFeedback } from './presenter.ts';
import type { FeedbackCategoryTable } from './schema.ts';

/** Presents a category. */
export function presentCategory(c: Selectable<FeedbackCategoryTable>): FeedbackCategoryView {
  return {
    code: c.code,
    name: { vi: c.name_vi, en: c.name_en },
    unit: c.unit,
    responseDays: c.response_days,
    active: c.active,
  };
}

/** The categories, in display order (only active ones unless `all`). */
export async function listCategories(db: DbOrTx, all = false): Promise<FeedbackCategoryView[]> {
  let q = db.selectFrom('feedback_categories').selectAll().orderBy('position').orderBy('code');
  if (!all) q = q.where('active', '=', true);
  return (await q.execute()).map(presentCategory);
}

/** One item for an actor who may read it. */
export async function getFeedback(ctx: Ctx, id: string): Promise<FeedbackView> {
  const f = await ctx.db.selectFrom('feedback_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!f) throw notFound({ vi: 'phản ánh, kiến nghị', en: 'Feedback item' });
  authorizeFeedback(ctx.actor, 'feedback.item.read', f);
  return presentFeedback(ctx.db, f);
}

/** Lists items the actor may read, most urgent first (open ones by response date, then the rest). */
export async function listFeedback(
  ctx: Ctx,
  q: {
    page: number;
    pageSize: number;
    status?: string;
    unit?: string;
    categoryCode?: string;
    channel?: 'portal' | 'counter';
    q?: string;
    overdue?: boolean;
  },
) {
  const filter = listFilter(ctx.actor, 'feedback.item.read');
  let query = ctx.db.selectFrom('feedback_items');
  if (filter.kind === 'enterprise') query = query.where('enterprise_id', '=', filter.enterpriseId);
  if (q.status) query = query.where('status', '=', q.status as FeedbackView['status']);
  if (q.unit) query = query.where('unit', '=', q.unit);
  if (q.categoryCode) query = query.where('category_code', '=', q.categoryCode);
  if (q.channel) query = query.where('channel', '=', q.channel);
  if (q.overdue)
    query = query
      .where('status', 'in', ['received', 'in_progress'])
      .where('due_date', '<', toIsoDateVn(now()));
  if (q.q) {
    const needle = `%${foldForSearch(q.q)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`f_unaccent(subject)`, 'like', needle),
        eb(sql`f_unaccent(requester_name)`, 'like', needle),
        eb(sql`lower(code)`, 'like', needle),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy(sql`case when status in ('received', 'in_progress') then 0 else 1 end`)
      .orderBy('due_date')
      .orderBy('received_at', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: await Promise.all(rows.map((r) => presentFeedback(ctx.db, r))),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The requester's view by code and secret; a wrong code and a wrong secret both give undefined. */
export async function trackFeedback(
  db: DbOrTx,
  code: string,
  secret: string,
): Promise<FeedbackTrackView | undefined> {
  const f = await db
    .selectFrom('feedback_items')
    .innerJoin('feedback_categories', 'feedback_categories.code', 'feedback_items.category_code')
    .selectAll('feedback_items')
    .select(['feedback_categories.name_vi as category_vi', 'feedback_categories.name_en as category_en'])
    .where('feedback_items.code', '=', code.trim().toUpperCase())
    .executeTakeFirst();
  const ok = sameSecret(secret, f?.tracking_secret ?? '!!!!');
  if (!f || !ok) return undefined;
  return {
    code: f.code,
    status: f.status,
    subject: f.subject,
    category: { vi: f.category_vi, en: f.category_en },
    receivedAt: f.received_at.toISOString(),
    dueDate: f.due_date,
    answer: f.answer,
    answeredAt: f.answered_at?.toISOString() ?? null,
    rating: f.rating,
    canReopen: requesterMayReopen(f),
  };
}

/** Published questions and answers for the portal, newest first; no requester data. */
export async function listPublicAnswers(db: DbOrTx, page: number, pageSize: number) {
  const base = db
    .selectFrom('feedback_items')
    .innerJoin('feedback_categories', 'feedback_categories.code', 'feedback_items.category_code')
    .where('feedback_items.is_public', '=', true)
    .where('feedback_items.answer', 'is not', null);
  const [rows, count] = await Promise.all([
    base
      .select([
        'feedback_items.code',
        'feedback_items.subject',
        'feedback_items.public_question',
        'feedback_items.body',
        'feedback_items.answer',
        'feedback_items.answered_at',
        'feedback_categories.name_vi',
        'feedback_categories.name_en',
      ])
      .orderBy('feedback_items.published_at', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      code: r.code,
      category: { vi: r.name_vi, en: r.name_en },
      subject: r.subject,
      question: r.public_question ?? r.body,
      answer: r.answer!,
      answeredAt: r.answered_at!.toISOString(),
    })),
    total: Number(count.n),
    page,
    pageSize,
  };
}

/**
 * Feedback statistics of a period by unit or category: received, answered on time / late (answer date
 * against the response date), open within time / overdue at the end of the period, reopened, published,
 * the mean rating and the on-time rate (open overdue items count against it, as for dossiers).
 */
export async function feedbackStatistics(
  ctx: Ctx,
  q: { period: string; groupBy: 'unit' | 'category' },
): Promise<FeedbackStatisticsView> {
  let period: ReturnType<typeof parsePeriod>;
  try {
    period = parsePeriod(q.period);
  } catch (err) {
    if (!(err instanceof InvalidPeriodError)) throw err;
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'query.period',
          message: bilingual('Kỳ không hợp lệ (ví dụ 2026Q3).', 'Invalid period (e.g. 2026Q3).'),
        },
      ],
    });
  }
  listFilter(ctx.actor, 'feedback.stats.read');
  const start = periodStart(period);
  const end = periodEnd(period);
  const from = vnInstant(start, '00:00');
  const endExclusive = new Date(vnInstant(end, '00:00').getTime() + 86_400_000);
  const asOf = now().getTime() < endExclusive.getTime() ? now() : endExclusive;
  const rows = await ctx.db
    .selectFrom('feedback_items')
    .innerJoin('feedback_categories', 'feedback_categories.code', 'feedback_items.category_code')
    .selectAll('feedback_items')
    .select(['feedback_categories.name_vi as category_vi', 'feedback_categories.name_en as category_en'])
    .where('feedback_items.received_at', '<', endExclusive)
    .where((eb) =>
      eb.or([eb('feedback_items.answered_at', 'is', null), eb('feedback_items.answered_at', '>=', from)]),
    )
    .execute();
  const groups = new Map<string, FeedbackStatisticsView['rows'][number] & { ratings: number[] }>();
  const asOfDate = toIsoDateVn(asOf);
  for (const f of rows) {
    const key = q.groupBy === 'unit' ? f.unit : f.category_code;
    const label = q.groupBy === 'unit' ? unitName(f.unit) : { vi: f.category_vi, en: f.category_en };
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        label,
        received: 0,
        answeredOnTime: 0,
        answeredLate: 0,
        openWithinTime: 0,
        openOverdue: 0,
        reopened: 0,
        published: 0,
        averageRating: null,
        onTimeRate: null,
        ratings: [],
      };
      groups.set(key, g);
    }
    const receivedIn = f.received_at >= from && f.received_at < asOf;
    if (receivedIn) g.received++;
    if (f.answered_at && f.answered_at >= from && f.answered_at < asOf) {
      if (toIsoDateVn(f.answered_at) <= f.due_date) g.answeredOnTime++;
      else g.answeredLate++;
      if (f.rating) g.ratings.push(f.rating);
      if (f.is_public) g.published++;
      if (f.reopen_count > 0) g.reopened++;
    } else if (f.received_at < asOf && (!f.answered_at || f.answered_at >= asOf)) {
      if (feedbackOverdue({ status: 'in_progress', due_date: f.due_date }, asOf) && asOfDate > f.due_date)
        g.openOverdue++;
      else g.openWithinTime++;
    }
  }
  const out = [...groups.values()]
    .map(({ ratings, ...g }) => {
      const denominator = g.answeredOnTime + g.answeredLate + g.openOverdue;
      return {
        ...g,
        averageRating: ratings.length
          ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10
          : null,
        onTimeRate: denominator ? Math.round((g.answeredOnTime / denominator) * 10_000) / 10_000 : null,
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
  return { period: { id: periodId(period), start, end }, asOf: asOf.toISOString(), rows: out };
}
