import { bilingual, Page } from '@heza/shared';
import {
  ContentCreateInput,
  ContentDetail,
  ContentListQuery,
  ContentSummary,
  ContentUpdateInput,
  ImageUpdateInput,
  ImageUploadQuery,
  ImageView,
  MAX_IMAGE_BYTES,
  NewsletterArticlesInput,
  PortalLang,
  PortalSettingsInput,
  PublishInput,
  ReturnInput,
  StatisticsReleaseInput,
  StatisticsReleaseView,
  VersionInput,
  VersionView,
  ZoneProfileInput,
  ZoneProfileView,
} from '@heza/shared/portal';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { attachFiles, MAX_UPLOAD_BYTES, storeUpload } from '../../platform/files/files.ts';
import { sendError } from '../../platform/http/error-handler.ts';
import type { App } from '../../platform/http/types.ts';
import { createContent } from './commands/create-content.ts';
import { publishVersion } from './commands/publish-version.ts';
import { releaseStatistics } from './commands/release-statistics.ts';
import { returnVersion } from './commands/return-version.ts';
import { saveSettings } from './commands/save-settings.ts';
import { saveVersion } from './commands/save-version.ts';
import { saveZoneProfile } from './commands/save-zone-profile.ts';
import { setNewsletterArticles } from './commands/set-newsletter-articles.ts';
import { submitVersion } from './commands/submit-version.ts';
import { updateContent } from './commands/update-content.ts';
import { updateImage } from './commands/update-image.ts';
import { uploadImage } from './commands/upload-image.ts';
import { withdrawStatistics } from './commands/withdraw-statistics.ts';
import { withdrawTranslation } from './commands/withdraw-translation.ts';
import { getContent, listContents, listImages, listReleases, listZoneProfiles } from './queries.ts';
import { BasemapSettings, loadSettings, SiteSettings } from './site.ts';

const IdParams = z.object({ id: z.uuid() });
const LangParams = z.object({ id: z.uuid(), lang: PortalLang });
const Removed = z.object({ removed: z.array(z.string()) });
const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const FileQuery = z.object({ name: z.string().trim().min(1).max(255) });
const StoredFileView = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
});
const SettingsView = z.object({ site: SiteSettings, basemap: BasemapSettings });

/**
 * Oversize uploads are refused by Fastify before the handler runs; this turns that refusal into the same
 * clear message the handler gives (the limit, in MB) instead of a bare "too large".
 */
function uploadErrors(limitBytes: number) {
  return (err: Error & { code?: string }, req: FastifyRequest, reply: FastifyReply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const mb = (limitBytes / 1024 / 1024).toFixed(0);
      return sendError(
        req,
        reply,
        new AppError('PAYLOAD_TOO_LARGE', {
          details: [
            {
              field: 'file',
              message: bilingual(
                `Tệp vượt giới hạn ${mb} MB. Hãy giảm kích thước rồi tải lại.`,
                `The file is over the ${mb} MB limit. Please make it smaller and upload again.`,
              ),
            },
          ],
        }),
      );
    }
    return sendError(req, reply, err);
  };
}

/**
 * The staff side of the portal (content management, images, zone profiles, statistics releases, settings)
 * under /api/portal. Routes parse, authorise by action, call one command or query.
 */
export async function portalRoutes(app: App) {
  const tags = ['portal'];
  const read = { access: { action: 'portal.content.read' } };
  const write = { access: { action: 'portal.content.write' } };
  const publish = { access: { action: 'portal.content.publish' } };

  // Content ---------------------------------------------------------------------------------------------
  app.get(
    '/portal/contents',
    {
      config: read,
      schema: {
        tags,
        summary: 'Nội dung cổng thông tin (mọi loại, mọi ngôn ngữ)',
        querystring: ContentListQuery,
        response: { 200: Page(ContentSummary) },
      },
    },
    async (req) => listContents(req.ctx.db, req.query),
  );
  app.post(
    '/portal/contents',
    {
      config: write,
      schema: {
        tags,
        summary: 'Tạo nội dung với bản nháp đầu tiên (HTML được làm sạch khi lưu)',
        body: ContentCreateInput,
        response: { 201: ContentDetail.extend(Removed.shape) },
      },
    },
    async (req, reply) => reply.status(201).send(await createContent(req.ctx, req.body)),
  );
  app.get(
    '/portal/contents/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Một nội dung với mọi phiên bản',
        params: IdParams,
        response: { 200: ContentDetail },
      },
    },
    async (req) => getContent(req.ctx.db, req.params.id),
  );
  app.patch(
    '/portal/contents/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Sửa khu liên quan, ảnh bìa, thứ tự',
        params: IdParams,
        body: ContentUpdateInput,
        response: { 200: ContentDetail },
      },
    },
    async (req) => updateContent(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/portal/contents/:id/versions/:lang',
    {
      config: write,
      schema: {
        tags,
        summary: 'Viết bản của một ngôn ngữ (bản nháp đang mở, hoặc bản nháp mới từ bản đã đăng)',
        params: LangParams,
        body: VersionInput,
        response: { 200: VersionView.extend(Removed.shape) },
      },
    },
    async (req) => saveVersion(req.ctx, req.params.id, req.params.lang, req.body),
  );
  app.post(
    '/portal/contents/:id/versions/:lang/withdraw',
    {
      config: publish,
      schema: {
        tags,
        summary: 'Gỡ một ngôn ngữ khỏi cổng thông tin',
        params: LangParams,
        response: { 200: ContentDetail },
      },
    },
    async (req) => withdrawTranslation(req.ctx, req.params.id, req.params.lang),
  );
  app.put(
    '/portal/contents/:id/articles',
    {
      config: write,
      schema: {
        tags,
        summary: 'Các bài của một số bản tin, theo thứ tự',
        params: IdParams,
        body: NewsletterArticlesInput,
        response: { 200: ContentDetail },
      },
    },
    async (req) => setNewsletterArticles(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/portal/versions/:id/submit',
    {
      config: write,
      schema: {
        tags,
        summary: 'Gửi duyệt (nháp → chờ duyệt)',
        params: IdParams,
        response: { 200: VersionView },
      },
    },
    async (req) => submitVersion(req.ctx, req.params.id),
  );
  app.post(
    '/portal/versions/:id/publish',
    {
      config: publish,
      schema: {
        tags,
        summary: 'Duyệt và đăng ngay hoặc hẹn giờ đăng (chờ duyệt → đã đăng)',
        params: IdParams,
        body: PublishInput,
        response: { 200: VersionView },
      },
    },
    async (req) => publishVersion(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/portal/versions/:id/return',
    {
      config: publish,
      schema: {
        tags,
        summary: 'Trả lại để sửa (chờ duyệt → nháp)',
        params: IdParams,
        body: ReturnInput,
        response: { 200: VersionView },
      },
    },
    async (req) => returnVersion(req.ctx, req.params.id, req.body),
  );

  // Uploads: the raw file is the body (one file per request); the content decides its type.
  await app.register(async (scope: App) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/portal/images',
      {
        bodyLimit: MAX_IMAGE_BYTES + 1024,
        errorHandler: uploadErrors(MAX_IMAGE_BYTES),
        config: write,
        schema: {
          tags,
          summary: 'Tải lên ảnh hoặc ảnh 360° (JPEG, PNG; tối đa 5 MB; ảnh 360° tỷ lệ 2:1)',
          querystring: ImageUploadQuery,
          response: { 201: ImageView },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const image = await uploadImage(req.ctx, app.deps.config.dataDir, {
          bytes: req.body,
          declaredType: req.headers['content-type'] ?? null,
          query: req.query,
        });
        return reply.status(201).send(image);
      },
    );
    scope.post(
      '/portal/files',
      {
        bodyLimit: MAX_UPLOAD_BYTES,
        errorHandler: uploadErrors(MAX_UPLOAD_BYTES),
        config: write,
        schema: {
          tags,
          summary: 'Tải lên tệp của ấn phẩm (PDF, DOCX, XLSX; tối đa 10 MB)',
          querystring: FileQuery,
          response: { 201: StoredFileView },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const f = await storeUpload(req.ctx.db, app.deps.config.dataDir, {
          bytes: req.body,
          declaredType: req.headers['content-type'] ?? null,
          originalName: req.query.name,
          uploadedBy: req.ctx.actor?.id ?? null,
          ip: req.ctx.ip,
        });
        await attachFiles(req.ctx.db, [f.id], 'portal.publication');
        return reply
          .status(201)
          .send({ id: f.id, name: f.originalName, mediaType: f.mediaType, sizeBytes: f.sizeBytes });
      },
    );
  });

  app.get(
    '/portal/images',
    {
      config: read,
      schema: {
        tags,
        summary: 'Ảnh của cổng thông tin',
        querystring: z.object({ zoneId: z.uuid().optional() }),
        response: { 200: Items(ImageView) },
      },
    },
    async (req) => listImages(req.ctx.db, req.query),
  );
  app.patch(
    '/portal/images/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Sửa mô tả ảnh, khu, thứ tự',
        params: IdParams,
        body: ImageUpdateInput,
        response: { 200: ImageView },
      },
    },
    async (req) => updateImage(req.ctx, req.params.id, req.body),
  );

  // Zones ------------------------------------------------------------------------------------------------
  app.get(
    '/portal/zones',
    {
      config: read,
      schema: {
        tags,
        summary: 'Hồ sơ các khu trên cổng (hiển thị, ngành ưu tiên, giới thiệu 5 thứ tiếng)',
        response: { 200: Items(ZoneProfileView) },
      },
    },
    async (req) => listZoneProfiles(req.ctx.db),
  );
  app.put(
    '/portal/zones/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Sửa hồ sơ khu trên cổng',
        params: IdParams,
        body: ZoneProfileInput,
        response: { 200: ZoneProfileView.extend(Removed.shape) },
      },
    },
    async (req) => saveZoneProfile(req.ctx, req.params.id, req.body),
  );

  // Statistics releases ----------------------------------------------------------------------------------
  app.get(
    '/portal/statistics/releases',
    {
      config: { access: { action: 'portal.statistics.read' } },
      schema: {
        tags,
        summary: 'Các kỳ số liệu đã công bố (cả kỳ đã rút)',
        response: { 200: Items(StatisticsReleaseView) },
      },
    },
    async (req) => listReleases(req.ctx.db),
  );
  app.post(
    '/portal/statistics/releases',
    {
      config: { access: { action: 'portal.statistics.publish' } },
      schema: {
        tags,
        summary: 'Công bố số liệu một kỳ ra cổng thông tin',
        body: StatisticsReleaseInput,
        response: { 201: StatisticsReleaseView },
      },
    },
    async (req, reply) => reply.status(201).send(await releaseStatistics(req.ctx, req.body)),
  );
  app.post(
    '/portal/statistics/releases/:id/withdraw',
    {
      config: { access: { action: 'portal.statistics.publish' } },
      schema: {
        tags,
        summary: 'Rút số liệu một kỳ khỏi cổng thông tin',
        params: IdParams,
        response: { 200: StatisticsReleaseView },
      },
    },
    async (req) => withdrawStatistics(req.ctx, req.params.id),
  );

  // Settings ---------------------------------------------------------------------------------------------
  app.get(
    '/portal/settings',
    {
      config: read,
      schema: {
        tags,
        summary: 'Cài đặt cổng: tên cơ quan, liên hệ, bản đồ nền',
        response: { 200: SettingsView },
      },
    },
    async (req) => loadSettings(req.ctx.db),
  );
  app.put(
    '/portal/settings',
    {
      config: { access: { action: 'portal.settings.write' } },
      schema: {
        tags,
        summary: 'Sửa cài đặt cổng',
        body: PortalSettingsInput,
        response: { 200: SettingsView },
      },
    },
    async (req) => saveSettings(req.ctx, req.body),
  );
}
