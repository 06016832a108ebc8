import { bilingual } from '@heza/shared';
import {
  NewsletterArticlesInput,
  type NewsletterArticlesInput as NewsletterArticlesInputType,
} from '@heza/shared/portal';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { clearPortalCaches } from '../cache.ts';
import { CONTENT_ENTITY, getContent } from '../queries.ts';

/** Sets the articles of a newsletter issue, in order (news, incentives, guides, pages — not other issues). */
export async function setNewsletterArticles(
  ctx: Ctx,
  newsletterId: string,
  input: NewsletterArticlesInputType,
) {
  const v = parseInput(NewsletterArticlesInput, input);
  const ids = [...new Set(v.articleIds)];
  await ctx.db.transaction().execute(async (tx) => {
    const issue = await tx
      .selectFrom('portal_contents')
      .select(['id', 'kind'])
      .where('id', '=', newsletterId)
      .forUpdate()
      .executeTakeFirst();
    if (!issue) throw new AppError('NOT_FOUND', { params: { entity: CONTENT_ENTITY } });
    if (issue.kind !== 'newsletter') throw new AppError('INVALID_STATE');
    const found = ids.length
      ? await tx.selectFrom('portal_contents').select(['id', 'kind']).where('id', 'in', ids).execute()
      : [];
    const bad = ids.filter((id) => !found.some((f) => f.id === id && f.kind !== 'newsletter'));
    if (bad.length)
      throw new AppError('VALIDATION_FAILED', {
        details: bad.map((id) => ({
          field: 'articleIds',
          message: bilingual(`Không dùng được nội dung ${id}.`, `Content ${id} cannot be used.`),
        })),
      });
    const before = await tx
      .selectFrom('portal_newsletter_articles')
      .selectAll()
      .where('newsletter_id', '=', newsletterId)
      .execute();
    await tx.deleteFrom('portal_newsletter_articles').where('newsletter_id', '=', newsletterId).execute();
    if (ids.length)
      await tx
        .insertInto('portal_newsletter_articles')
        .values(ids.map((id, i) => ({ newsletter_id: newsletterId, article_id: id, sort_order: i })))
        .execute();
    await tx
      .updateTable('portal_contents')
      .set({ updated_at: new Date() })
      .where('id', '=', newsletterId)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'portal.newsletter.articles',
      entityType: 'portal_content',
      entityId: newsletterId,
      before,
      after: ids,
    });
  });
  clearPortalCaches(ctx.db);
  return getContent(ctx.db, newsletterId);
}
