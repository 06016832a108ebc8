import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { clearPortalCaches } from '../cache.ts';
import { getRelease, RELEASE_ENTITY } from '../queries.ts';

/** Withdraws a released period (kept in the history with who withdrew it and when). */
export async function withdrawStatistics(ctx: Ctx, id: string) {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('statistics_publications')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { params: { entity: RELEASE_ENTITY } });
    if (before.withdrawn_at) throw new AppError('INVALID_STATE');
    const after = await tx
      .updateTable('statistics_publications')
      .set({ withdrawn_at: new Date(), withdrawn_by: ctx.actor?.id ?? null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'portal.statistics.withdraw',
      entityType: 'statistics_publication',
      entityId: id,
      before,
      after,
    });
  });
  clearPortalCaches(ctx.db);
  return getRelease(ctx.db, id);
}
