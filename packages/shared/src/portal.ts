/**
 * The investor portal's shapes: content items with per-language versions (draft → review → published, with
 * scheduled publishing), images, zone profiles, statistics releases and settings. One schema per name, used by
 * the server's validation, the staff web screens and OpenAPI.
 */
import { z } from 'zod';
import { bilingual } from './i18n-message.ts';

/** The portal's languages: Vietnamese, English, Chinese (Simplified), Korean, Japanese. */
export const PORTAL_LANGS = ['vi', 'en', 'zh', 'ko', 'ja'] as const;
export const PortalLang = z.enum(PORTAL_LANGS);
export type PortalLang = z.infer<typeof PortalLang>;

/** Kinds of content the staff manage. */
export const CONTENT_KINDS = [
  'page',
  'news',
  'incentive',
  'procedure_guide',
  'publication',
  'faq',
  'newsletter',
] as const;
export const ContentKind = z.enum(CONTENT_KINDS);
export type ContentKind = z.infer<typeof ContentKind>;

/** The URL segment of each kind's public pages (/{lang}/{segment}/{slug}). */
export const CONTENT_SECTIONS: Record<ContentKind, string> = {
  page: 'pages',
  news: 'news',
  incentive: 'incentives',
  procedure_guide: 'procedures',
  publication: 'publications',
  faq: 'faq',
  newsletter: 'newsletter',
};

/**
 * A version's workflow: draft (being written) → review (submitted, waiting for a publisher) → published
 * (online from `publishAt`; a later publishAt is a scheduled publication); a reviewer may return it to draft;
 * withdrawn takes a published version offline.
 */
export const VERSION_STATUSES = ['draft', 'review', 'published', 'withdrawn'] as const;
export const VersionStatus = z.enum(VERSION_STATUSES);
export type VersionStatus = z.infer<typeof VersionStatus>;

/** Kinds of portal image: a photo, or an equirectangular 360° panorama (twice as wide as high). */
export const IMAGE_KINDS = ['photo', 'panorama'] as const;
export const ImageKind = z.enum(IMAGE_KINDS);

/** Largest image upload (bytes). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * A URL slug in any script: lower-case letters and digits separated by single hyphens ("uu-dai-thue",
 * "税收优惠"). Built from the title when not given.
 */
export function portalSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đð]/g, 'd')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}

const SLUG = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}]+(-[\p{Ll}\p{Lo}\p{Lm}\p{N}]+)*$/u;

/** A slug as typed by staff (normalised like `portalSlug`), or empty for "from the title". */
export const Slug = z
  .string()
  .trim()
  .max(200)
  .transform((s) => portalSlug(s))
  .refine((s) => s === '' || SLUG.test(s), {
    error: bilingual('Đường dẫn chỉ gồm chữ, số và dấu gạch.', 'A slug has letters, digits and hyphens.'),
  });

const Title = z
  .string()
  .trim()
  .min(1, { error: bilingual('Vui lòng nhập tiêu đề.', 'Please enter a title.') })
  .max(300);

/** Creates a content item with its first version (a draft in one language). */
export const ContentCreateInput = z.object({
  kind: ContentKind,
  zoneId: z.uuid().nullish(),
  coverImageId: z.uuid().nullish(),
  /** The quarter of a newsletter issue ('2024Q4'); required for newsletters only. */
  periodId: z
    .string()
    .regex(/^\d{4}Q[1-4]$/, {
      error: bilingual('Quý có dạng 2024Q4.', 'A quarter is written 2024Q4.'),
    })
    .nullish(),
  sortOrder: z.number().int().min(-10_000).max(10_000).default(0),
  lang: PortalLang,
  title: Title,
  slug: Slug.optional(),
  summary: z.string().trim().max(2000).default(''),
  bodyHtml: z.string().max(500_000).default(''),
  fileId: z.uuid().nullish(),
});
export type ContentCreateInput = z.input<typeof ContentCreateInput>;

/** Changes the item's shared fields (zone, cover, order). */
export const ContentUpdateInput = z.object({
  zoneId: z.uuid().nullish(),
  coverImageId: z.uuid().nullish(),
  sortOrder: z.number().int().min(-10_000).max(10_000).optional(),
});
export type ContentUpdateInput = z.input<typeof ContentUpdateInput>;

/** Writes the open version of a language (creating it from the published one when there is none). */
export const VersionInput = z.object({
  title: Title,
  slug: Slug.optional(),
  summary: z.string().trim().max(2000).default(''),
  bodyHtml: z.string().max(500_000).default(''),
  fileId: z.uuid().nullish(),
});
export type VersionInput = z.input<typeof VersionInput>;

/** Publishes a version in review, now or at a later time (scheduled). */
export const PublishInput = z.object({
  publishAt: z.iso.datetime({ offset: true }).nullish(),
});
export type PublishInput = z.input<typeof PublishInput>;

/** Returns a version in review to its author. */
export const ReturnInput = z.object({
  note: z
    .string()
    .trim()
    .min(3, { error: bilingual('Vui lòng ghi lý do.', 'Please give the reason.') })
    .max(2000),
});
export type ReturnInput = z.input<typeof ReturnInput>;

/** A version as the staff API presents it. */
export const VersionView = z.object({
  id: z.string(),
  contentId: z.string(),
  lang: PortalLang,
  status: VersionStatus,
  /** Published with a publishAt still in the future. */
  scheduled: z.boolean(),
  /** The version the public sees in this language now. */
  live: z.boolean(),
  title: z.string(),
  slug: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  fileId: z.string().nullable(),
  publishAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  /** What sanitising removed on the last save (tags and attributes), so the editor can see it. */
  removed: z.array(z.string()).optional(),
});
export type VersionView = z.infer<typeof VersionView>;

/** The state of one language of an item. */
export const TranslationState = z.object({
  lang: PortalLang,
  title: z.string(),
  /** The status of the newest version. */
  status: VersionStatus,
  live: z.boolean(),
  scheduledAt: z.string().nullable(),
});

/** A content item in the staff list. */
export const ContentSummary = z.object({
  id: z.string(),
  kind: ContentKind,
  zoneId: z.string().nullable(),
  periodId: z.string().nullable(),
  sortOrder: z.number().int(),
  isDemo: z.boolean(),
  updatedAt: z.string(),
  translations: z.array(TranslationState),
});
export type ContentSummary = z.infer<typeof ContentSummary>;

/** A content item with every version. */
export const ContentDetail = ContentSummary.extend({
  coverImageId: z.string().nullable(),
  versions: z.array(VersionView),
  /** Newsletter issues: their articles in order. */
  articles: z.array(z.object({ id: z.string(), title: z.string(), kind: ContentKind })),
});
export type ContentDetail = z.infer<typeof ContentDetail>;

/** Staff list filters. */
export const ContentListQuery = z.object({
  kind: ContentKind.optional(),
  status: VersionStatus.optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ContentListQuery = z.input<typeof ContentListQuery>;

/** The articles of a newsletter issue, in order. */
export const NewsletterArticlesInput = z.object({
  articleIds: z.array(z.uuid()).max(50),
});
export type NewsletterArticlesInput = z.input<typeof NewsletterArticlesInput>;

/** Per-language text (some languages may be missing). */
export const PerLangText = z.object(
  Object.fromEntries(PORTAL_LANGS.map((l) => [l, z.string().trim().max(500).optional()])) as Record<
    PortalLang,
    z.ZodOptional<z.ZodString>
  >,
);
export type PerLangText = z.infer<typeof PerLangText>;

/** Query of an image upload (the body is the raw file). */
export const ImageUploadQuery = z.object({
  name: z.string().trim().min(1).max(255),
  kind: ImageKind.default('photo'),
  zoneId: z.uuid().optional(),
  /** Alternative text in Vietnamese (other languages can be added later). */
  alt: z.string().trim().max(500).optional(),
});
export type ImageUploadQuery = z.input<typeof ImageUploadQuery>;

/** An uploaded portal image. */
export const ImageView = z.object({
  id: z.string(),
  kind: ImageKind,
  width: z.number().int(),
  height: z.number().int(),
  zoneId: z.string().nullable(),
  sortOrder: z.number().int(),
  alt: PerLangText,
  url: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});
export type ImageView = z.infer<typeof ImageView>;

/** Changes an image's alternative text, zone or order. */
export const ImageUpdateInput = z.object({
  alt: PerLangText.optional(),
  zoneId: z.uuid().nullish(),
  sortOrder: z.number().int().min(-10_000).max(10_000).optional(),
});
export type ImageUpdateInput = z.input<typeof ImageUpdateInput>;

const SECTOR = /^([A-U]|\d{2})$/;

/** The portal's view of a zone. */
export const ZoneProfileInput = z.object({
  listed: z.boolean().optional(),
  targetSectors: z
    .array(
      z.string().regex(SECTOR, {
        error: bilingual(
          'Ngành là mã VSIC cấp 1 (A–U) hoặc cấp 2 (26).',
          'A sector is a VSIC section (A–U) or division (26).',
        ),
      }),
    )
    .max(30)
    .optional(),
  /** Descriptions as HTML (sanitised on save). */
  descriptions: z
    .object(
      Object.fromEntries(PORTAL_LANGS.map((l) => [l, z.string().max(50_000).optional()])) as Record<
        PortalLang,
        z.ZodOptional<z.ZodString>
      >,
    )
    .optional(),
  names: PerLangText.optional(),
});
export type ZoneProfileInput = z.input<typeof ZoneProfileInput>;

/** A zone's portal profile as the staff API presents it. */
export const ZoneProfileView = z.object({
  zoneId: z.string(),
  code: z.string(),
  nameVi: z.string(),
  listed: z.boolean(),
  targetSectors: z.array(z.string()),
  descriptions: z.record(z.string(), z.string()),
  names: z.record(z.string(), z.string()),
  updatedAt: z.string().nullable(),
});
export type ZoneProfileView = z.infer<typeof ZoneProfileView>;

/** A statistics period id the portal can release ('2024', '2024Q2', '2024S1', '2024M06', '2024YTD11'). */
export const StatisticsPeriodId = z
  .string()
  .trim()
  .regex(/^\d{4}((M(0[1-9]|1[0-2]))|(Q[1-4])|(S[12])|(YTD([1-9]|1[0-2])))?$/, {
    error: bilingual(
      'Kỳ không hợp lệ (ví dụ 2024, 2024Q2, 2024YTD11).',
      'Invalid period (e.g. 2024, 2024Q2, 2024YTD11).',
    ),
  });

/** Releases a period's statistics to the public. */
export const StatisticsReleaseInput = z.object({
  periodId: StatisticsPeriodId,
  note: z.string().trim().max(1000).nullish(),
});
export type StatisticsReleaseInput = z.input<typeof StatisticsReleaseInput>;

/** A released (or withdrawn) period. */
export const StatisticsReleaseView = z.object({
  id: z.string(),
  periodId: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  note: z.string().nullable(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
});
export type StatisticsReleaseView = z.infer<typeof StatisticsReleaseView>;

/** The portal's settings: the authority's name and contact, and the map's basemap. */
export const PortalSettingsInput = z.object({
  site: z
    .object({
      name: PerLangText.optional(),
      address: z.string().trim().max(500).nullish(),
      phone: z.string().trim().max(100).nullish(),
      email: z.string().trim().max(254).nullish(),
      demo: z.boolean().optional(),
    })
    .optional(),
  basemap: z
    .object({
      kind: z.enum(['none', 'style', 'raster']),
      url: z
        .url({ protocol: /^https?$/ })
        .max(500)
        .nullish(),
      attribution: z.string().trim().max(300).nullish(),
    })
    .refine((b) => b.kind === 'none' || !!b.url, {
      error: bilingual('Cần địa chỉ bản đồ nền.', 'The basemap needs a URL.'),
      path: ['url'],
    })
    .optional(),
});
export type PortalSettingsInput = z.input<typeof PortalSettingsInput>;
