import { PublishInput, type PublishInput as PublishInputType } from '@heza/shared/portal';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { clearPortalCaches } from '../cache.ts';
import { getVersion } from '../queries.ts';
import { lockVersion } from './version-transition.ts';

/**
 * Publishes a version in review (review → published), now or at `publishAt` (scheduled: it goes online at
 * that moment, and until then the previously published version of the language stays online).
 */
export async function publishVersion(ctx: Ctx, id: string, input: PublishInputType = {}) {
  const v = parseInput(PublishInput, input);
  const now = new Date();
  // A time in the past publishes now: the version cannot have been online before it was approved.
  const publishAt = v.publishAt && new Date(v.publishAt) > now ? new Date(v.publishAt) : now;
  await ctx.db.transaction().execute(async (tx) => {
    const before = await lockVersion(tx, id, ['review']);
    const after = await tx
      .updateTable('portal_versions')
      .set({
        status: 'published',
        publish_at: publishAt,
        published_at: now,
        published_by: ctx.actor?.id ?? null,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('portal_contents')
      .set({ updated_at: now })
      .where('id', '=', before.content_id)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'portal.version.publish',
      entityType: 'portal_version',
      entityId: id,
      before,
      after,
    });
  });
  clearPortalCaches(ctx.db);
  return getVersion(ctx.db, id);
}
