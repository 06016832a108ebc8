import type { PortalLang } from '@heza/shared/portal';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { clearPortalCaches } from '../cache.ts';
import { CONTENT_ENTITY, getContent } from '../queries.ts';

/**
 * Takes a language of an item offline: every published version of it (online or scheduled) becomes withdrawn,
 * so no older version resurfaces. Open drafts stay, to be published again later.
 */
export async function withdrawTranslation(ctx: Ctx, contentId: string, lang: PortalLang) {
  await ctx.db.transaction().execute(async (tx) => {
    const content = await tx
      .selectFrom('portal_contents')
      .select('id')
      .where('id', '=', contentId)
      .forUpdate()
      .executeTakeFirst();
    if (!content) throw new AppError('NOT_FOUND', { params: { entity: CONTENT_ENTITY } });
    const now = new Date();
    const changed = await tx
      .updateTable('portal_versions')
      .set({ status: 'withdrawn', withdrawn_at: now, withdrawn_by: ctx.actor?.id ?? null })
      .where('content_id', '=', contentId)
      .where('lang', '=', lang)
      .where('status', '=', 'published')
      .returning(['id', 'title', 'publish_at'])
      .execute();
    if (!changed.length) throw new AppError('INVALID_STATE');
    await tx.updateTable('portal_contents').set({ updated_at: now }).where('id', '=', contentId).execute();
    await recordAudit(tx, ctx, {
      action: 'portal.translation.withdraw',
      entityType: 'portal_content',
      entityId: contentId,
      after: { lang, withdrawn: changed },
    });
  });
  clearPortalCaches(ctx.db);
  return getContent(ctx.db, contentId);
}
