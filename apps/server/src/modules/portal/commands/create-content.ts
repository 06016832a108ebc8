import { bilingual } from '@heza/shared';
import { ContentCreateInput, type ContentCreateInput as ContentCreateInputType } from '@heza/shared/portal';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { clearPortalCaches } from '../cache.ts';
import { checkReferences, chooseSlug, claimSlug, versionText } from '../content-rules.ts';
import { getContent } from '../queries.ts';

/**
 * Creates a content item with its first version: a draft in one language (other languages are added with
 * `saveVersion`). A newsletter issue names its quarter, one issue per quarter.
 */
export async function createContent(ctx: Ctx, input: ContentCreateInputType) {
  const v = parseInput(ContentCreateInput, input);
  if ((v.kind === 'newsletter') !== !!v.periodId) {
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'periodId',
          message: bilingual(
            'Bản tin cần có quý (và chỉ bản tin).',
            'A newsletter needs its quarter (and only a newsletter).',
          ),
        },
      ],
    });
  }
  const text = versionText(v);
  const id = await ctx.db.transaction().execute(async (tx) => {
    await checkReferences(tx, v.kind, v);
    if (v.periodId) {
      const taken = await tx
        .selectFrom('portal_contents')
        .select('id')
        .where('kind', '=', 'newsletter')
        .where('period_id', '=', v.periodId)
        .executeTakeFirst();
      if (taken)
        throw new AppError('CONFLICT', {
          params: { field: { vi: `bản tin ${v.periodId}`, en: `newsletter ${v.periodId}` } },
        });
    }
    const content = await tx
      .insertInto('portal_contents')
      .values({
        kind: v.kind,
        zone_id: v.zoneId ?? null,
        cover_image_id: v.coverImageId ?? null,
        period_id: v.periodId ?? null,
        sort_order: v.sortOrder,
        created_by: ctx.actor?.id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const slug = chooseSlug(v.slug, v.title, v.periodId?.toLowerCase() ?? content.id.slice(0, 8));
    await claimSlug(tx, v.kind, v.lang, slug, content.id);
    const version = await tx
      .insertInto('portal_versions')
      .values({
        content_id: content.id,
        lang: v.lang,
        status: 'draft',
        title: v.title,
        slug,
        summary: v.summary,
        body_html: text.bodyHtml,
        search_text: text.searchText,
        file_id: v.fileId ?? null,
        created_by: ctx.actor?.id ?? null,
        updated_by: ctx.actor?.id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'portal.content.create',
      entityType: 'portal_content',
      entityId: content.id,
      after: { content, version },
    });
    return content.id;
  });
  clearPortalCaches(ctx.db);
  const detail = await getContent(ctx.db, id);
  return { ...detail, removed: text.removed };
}
