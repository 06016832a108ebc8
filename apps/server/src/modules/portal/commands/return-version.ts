import { ReturnInput, type ReturnInput as ReturnInputType } from '@heza/shared/portal';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { clearPortalCaches } from '../cache.ts';
import { getVersion } from '../queries.ts';
import { lockVersion } from './version-transition.ts';

/** Returns a version in review to its author with a note (review → draft). */
export async function returnVersion(ctx: Ctx, id: string, input: ReturnInputType) {
  const v = parseInput(ReturnInput, input);
  await ctx.db.transaction().execute(async (tx) => {
    const before = await lockVersion(tx, id, ['review']);
    const after = await tx
      .updateTable('portal_versions')
      .set({ status: 'draft', review_note: v.note, submitted_at: null, submitted_by: null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'portal.version.return',
      entityType: 'portal_version',
      entityId: id,
      before,
      after,
    });
  });
  clearPortalCaches(ctx.db);
  return getVersion(ctx.db, id);
}
