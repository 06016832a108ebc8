import { bilingual } from '@heza/shared';
import {
  ImageUploadQuery,
  type ImageUploadQuery as ImageUploadQueryType,
  MAX_IMAGE_BYTES,
} from '@heza/shared/portal';
import { fileTypeFromBuffer } from 'file-type';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { attachFiles, storeUpload } from '../../../platform/files/files.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { clearPortalCaches } from '../cache.ts';
import { imageSize } from '../png.ts';
import { getImage } from '../queries.ts';

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Refuses what is not a usable image, with a message saying why (size, type, proportions). */
export async function checkImage(bytes: Buffer, kind: 'photo' | 'panorama') {
  const field = (vi: string, en: string) => [{ field: 'file', message: bilingual(vi, en) }];
  if (bytes.length === 0)
    throw new AppError('VALIDATION_FAILED', { details: field('Tệp rỗng.', 'The file is empty.') });
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', {
      details: field(
        `Ảnh lớn ${mb(bytes.length)} MB, vượt giới hạn ${mb(MAX_IMAGE_BYTES)} MB. Hãy giảm kích thước ảnh rồi tải lại.`,
        `The image is ${mb(bytes.length)} MB, over the ${mb(MAX_IMAGE_BYTES)} MB limit. Please resize it and upload again.`,
      ),
    });
  }
  const sniffed = await fileTypeFromBuffer(bytes);
  if (!sniffed || !IMAGE_TYPES.has(sniffed.mime)) {
    const what = sniffed ? sniffed.ext.toUpperCase() : 'không rõ / unknown';
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      details: field(
        `Chỉ nhận ảnh JPEG hoặc PNG; nội dung tệp này là ${what}.`,
        `Only JPEG or PNG images are accepted; this file's content is ${what}.`,
      ),
    });
  }
  const size = imageSize(bytes);
  if (!size || size.width < 1 || size.height < 1 || size.width > 20_000 || size.height > 20_000) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      details: field('Không đọc được kích thước ảnh.', 'The image dimensions cannot be read.'),
    });
  }
  if (kind === 'panorama' && Math.abs(size.width - 2 * size.height) * 100 > size.height) {
    throw new AppError('VALIDATION_FAILED', {
      details: field(
        `Ảnh 360° phải có chiều rộng gấp đôi chiều cao (ảnh này ${size.width}×${size.height}).`,
        `A 360° image must be twice as wide as high (this one is ${size.width}×${size.height}).`,
      ),
    });
  }
  return { mediaType: sniffed.mime, ...size };
}

/**
 * Stores an uploaded photo or 360° panorama for the portal: JPEG or PNG by its content, at most 5 MB, a
 * panorama 2:1; optionally shown on a zone's page.
 */
export async function uploadImage(
  ctx: Ctx,
  dataDir: string,
  input: { bytes: Buffer; declaredType: string | null; query: ImageUploadQueryType },
) {
  const q = parseInput(ImageUploadQuery, input.query, 'query');
  const checked = await checkImage(input.bytes, q.kind);
  const id = await ctx.db.transaction().execute(async (tx) => {
    if (q.zoneId) {
      const zone = await tx.selectFrom('zones').select('id').where('id', '=', q.zoneId).executeTakeFirst();
      if (!zone)
        throw new AppError('VALIDATION_FAILED', {
          details: [{ field: 'zoneId', message: bilingual('Không có khu này.', 'No such zone.') }],
        });
    }
    const file = await storeUpload(tx, dataDir, {
      bytes: input.bytes,
      declaredType: input.declaredType,
      originalName: q.name,
      uploadedBy: ctx.actor?.id ?? null,
      ip: ctx.ip,
    });
    await attachFiles(tx, [file.id], 'portal.image');
    const row = await tx
      .insertInto('portal_images')
      .values({
        file_id: file.id,
        kind: q.kind,
        width: checked.width,
        height: checked.height,
        zone_id: q.zoneId ?? null,
        alt: JSON.stringify(q.alt ? { vi: q.alt } : {}),
        created_by: ctx.actor?.id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'portal.image.upload',
      entityType: 'portal_image',
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
  clearPortalCaches(ctx.db);
  return getImage(ctx.db, id);
}
