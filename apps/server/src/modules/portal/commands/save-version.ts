import {
  type ContentKind,
  type PortalLang,
  VersionInput,
  type VersionInput as VersionInputType,
} from '@heza/shared/portal';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { clearPortalCaches } from '../cache.ts';
import { checkReferences, chooseSlug, claimSlug, versionText } from '../content-rules.ts';
import { CONTENT_ENTITY, getVersion } from '../queries.ts';

/**
 * Writes a language of an item: the open version (draft or in review — a version in review that is changed
 * goes back to draft, so what a publisher approves is what they read), or a new draft when every version of
 * that language is published or withdrawn; the published one stays online until the new one is published.
 * The body is sanitised here; the answer lists what was removed.
 */
export async function saveVersion(ctx: Ctx, contentId: string, lang: PortalLang, input: VersionInputType) {
  const v = parseInput(VersionInput, input);
  const text = versionText(v);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const content = await tx
      .selectFrom('portal_contents')
      .selectAll()
      .where('id', '=', contentId)
      .forUpdate()
      .executeTakeFirst();
    if (!content) throw new AppError('NOT_FOUND', { params: { entity: CONTENT_ENTITY } });
    const kind = content.kind as ContentKind;
    await checkReferences(tx, kind, v);
    const open = await tx
      .selectFrom('portal_versions')
      .selectAll()
      .where('content_id', '=', contentId)
      .where('lang', '=', lang)
      .where('status', 'in', ['draft', 'review'])
      .executeTakeFirst();
    const latest = await tx
      .selectFrom('portal_versions')
      .select('slug')
      .where('content_id', '=', contentId)
      .where('lang', '=', lang)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    // Keep the language's slug unless staff type another one (changing it would break links people share).
    const slug = v.slug || latest?.slug || chooseSlug(undefined, v.title, `${contentId.slice(0, 8)}-${lang}`);
    await claimSlug(tx, kind, lang, slug, contentId);
    const values = {
      title: v.title,
      slug,
      summary: v.summary,
      body_html: text.bodyHtml,
      search_text: text.searchText,
      file_id: v.fileId ?? null,
      updated_by: ctx.actor?.id ?? null,
      updated_at: new Date(),
    };
    const after = open
      ? await tx
          .updateTable('portal_versions')
          .set({ ...values, status: 'draft', submitted_at: null, submitted_by: null })
          .where('id', '=', open.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await tx
          .insertInto('portal_versions')
          .values({
            ...values,
            content_id: contentId,
            lang,
            status: 'draft',
            created_by: ctx.actor?.id ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
    await tx
      .updateTable('portal_contents')
      .set({ updated_at: new Date() })
      .where('id', '=', contentId)
      .execute();
    await recordAudit(tx, ctx, {
      action: open ? 'portal.version.update' : 'portal.version.create',
      entityType: 'portal_version',
      entityId: after.id,
      before: open ?? undefined,
      after,
    });
    return after.id;
  });
  clearPortalCaches(ctx.db);
  return { ...(await getVersion(ctx.db, id)), removed: text.removed };
}
