/**
 * Rules the content commands share: slugs unique per kind and language (and kept forever, so old links keep
 * working), references that must exist (zone, cover image, a publication's file), the text a version is
 * searched by, and the sanitised body.
 */
import { bilingual } from '@heza/shared';
import { type ContentKind, portalSlug } from '@heza/shared/portal';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { searchableText } from './pages/search.ts';
import { sanitizeContent } from './sanitize.ts';

/** Media types a publication's file may have (what officials open). */
const PUBLICATION_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

/** The slug a version gets: the one typed, else one made from the title (never empty). */
export function chooseSlug(typed: string | undefined, title: string, fallback: string): string {
  return typed || portalSlug(title) || fallback;
}

/**
 * Claims a slug for an item in a language; refuses one that another item of the same kind and language has
 * ever used (CONFLICT naming the field).
 */
export async function claimSlug(tx: Tx, kind: ContentKind, lang: string, slug: string, contentId: string) {
  const owner = await tx
    .selectFrom('portal_slugs')
    .select('content_id')
    .where('kind', '=', kind)
    .where('lang', '=', lang)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (owner && owner.content_id !== contentId) {
    throw new AppError('CONFLICT', {
      params: { field: { vi: `đường dẫn "${slug}"`, en: `the slug "${slug}"` } },
      details: [
        { field: 'slug', message: bilingual('Đường dẫn này đã được dùng.', 'This slug is already used.') },
      ],
    });
  }
  if (!owner)
    await tx.insertInto('portal_slugs').values({ kind, lang, slug, content_id: contentId }).execute();
}

/** Checks that referenced records exist (and that a publication's file is a document). */
export async function checkReferences(
  tx: Tx,
  kind: ContentKind,
  refs: { zoneId?: string | null; coverImageId?: string | null; fileId?: string | null },
) {
  const problems: { field: string; message: string }[] = [];
  if (refs.zoneId) {
    const z = await tx.selectFrom('zones').select('id').where('id', '=', refs.zoneId).executeTakeFirst();
    if (!z) problems.push({ field: 'zoneId', message: bilingual('Không có khu này.', 'No such zone.') });
  }
  if (refs.coverImageId) {
    const i = await tx
      .selectFrom('portal_images')
      .select('id')
      .where('id', '=', refs.coverImageId)
      .executeTakeFirst();
    if (!i)
      problems.push({ field: 'coverImageId', message: bilingual('Không có ảnh này.', 'No such image.') });
  }
  if (refs.fileId) {
    if (kind !== 'publication') {
      problems.push({
        field: 'fileId',
        message: bilingual('Chỉ ấn phẩm mới có tệp tải về.', 'Only publications have a downloadable file.'),
      });
    } else {
      const f = await tx
        .selectFrom('stored_files')
        .select(['media_type'])
        .where('id', '=', refs.fileId)
        .executeTakeFirst();
      if (!f) problems.push({ field: 'fileId', message: bilingual('Không có tệp này.', 'No such file.') });
      else if (!PUBLICATION_TYPES.has(f.media_type))
        problems.push({
          field: 'fileId',
          message: bilingual(
            'Tệp ấn phẩm phải là PDF, DOCX hoặc XLSX.',
            'A publication file must be PDF, DOCX or XLSX.',
          ),
        });
    }
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', { details: problems });
}

/** The stored form of a version's text: sanitised body, folded search text, and what sanitising removed. */
export function versionText(input: { title: string; summary: string; bodyHtml: string }) {
  const { html, removed } = sanitizeContent(input.bodyHtml);
  return { bodyHtml: html, searchText: searchableText(input.title, input.summary, html), removed };
}
