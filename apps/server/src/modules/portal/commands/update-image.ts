import { ImageUpdateInput, type ImageUpdateInput as ImageUpdateInputType } from '@heza/shared/portal';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { clearPortalCaches } from '../cache.ts';
import { getImage, IMAGE_ENTITY } from '../queries.ts';

/** Changes an image's alternative text (per language), the zone it is shown on, or its order. */
export async function updateImage(ctx: Ctx, id: string, input: ImageUpdateInputType) {
  const v = parseInput(ImageUpdateInput, input);
  await ctx.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('portal_images')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { params: { entity: IMAGE_ENTITY } });
    const after = await tx
      .updateTable('portal_images')
      .set({
        ...(v.alt !== undefined && { alt: JSON.stringify(v.alt) }),
        ...(v.zoneId !== undefined && { zone_id: v.zoneId }),
        ...(v.sortOrder !== undefined && { sort_order: v.sortOrder }),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'portal.image.update',
      entityType: 'portal_image',
      entityId: id,
      before,
      after,
    });
  });
  clearPortalCaches(ctx.db);
  return getImage(ctx.db, id);
}
