import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { clearPortalCaches } from '../cache.ts';
import { getVersion } from '../queries.ts';
import { lockVersion } from './version-transition.ts';

/** Sends a draft for review (draft → review). */
export async function submitVersion(ctx: Ctx, id: string) {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await lockVersion(tx, id, ['draft']);
    const after = await tx
      .updateTable('portal_versions')
      .set({
        status: 'review',
        submitted_at: new Date(),
        submitted_by: ctx.actor?.id ?? null,
        review_note: null,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'portal.version.submit',
      entityType: 'portal_version',
      entityId: id,
      before,
      after,
    });
  });
  clearPortalCaches(ctx.db);
  return getVersion(ctx.db, id);
}
