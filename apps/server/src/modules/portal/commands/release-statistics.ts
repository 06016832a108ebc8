import {
  StatisticsReleaseInput,
  type StatisticsReleaseInput as StatisticsReleaseInputType,
} from '@heza/shared/portal';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { clearPortalCaches } from '../cache.ts';
import { getRelease } from '../queries.ts';

/** Releases a period's statistics to the public (open statistics show only released periods). */
export async function releaseStatistics(ctx: Ctx, input: StatisticsReleaseInputType) {
  const v = parseInput(StatisticsReleaseInput, input);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const live = await tx
      .selectFrom('statistics_publications')
      .select('id')
      .where('period_id', '=', v.periodId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (live)
      throw new AppError('CONFLICT', {
        params: { field: { vi: `kỳ ${v.periodId}`, en: `period ${v.periodId}` } },
      });
    const row = await tx
      .insertInto('statistics_publications')
      .values({ period_id: v.periodId, note: v.note ?? null, published_by: ctx.actor?.id ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'portal.statistics.release',
      entityType: 'statistics_publication',
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
  clearPortalCaches(ctx.db);
  return getRelease(ctx.db, id);
}
