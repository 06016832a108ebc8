import {
  type ContentKind,
  ContentUpdateInput,
  type ContentUpdateInput as ContentUpdateInputType,
} from '@heza/shared/portal';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { clearPortalCaches } from '../cache.ts';
import { checkReferences } from '../content-rules.ts';
import { CONTENT_ENTITY, getContent } from '../queries.ts';

/** Changes what an item's languages share: the zone it is about, its cover image, its place in lists. */
export async function updateContent(ctx: Ctx, id: string, input: ContentUpdateInputType) {
  const v = parseInput(ContentUpdateInput, input);
  await ctx.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('portal_contents')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { params: { entity: CONTENT_ENTITY } });
    await checkReferences(tx, before.kind as ContentKind, v);
    const after = await tx
      .updateTable('portal_contents')
      .set({
        ...(v.zoneId !== undefined && { zone_id: v.zoneId }),
        ...(v.coverImageId !== undefined && { cover_image_id: v.coverImageId }),
        ...(v.sortOrder !== undefined && { sort_order: v.sortOrder }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'portal.content.update',
      entityType: 'portal_content',
      entityId: id,
      before,
      after,
    });
  });
  clearPortalCaches(ctx.db);
  return getContent(ctx.db, id);
}
