/**
 * Installation facts the portal shows (the authority's name in each language, its contact details) and the
 * map's basemap. They are data in `platform_settings` (keys `portal.site`, `portal.basemap`), so another
 * province's authority configures its own without code; the demo seed writes Hai Phong's.
 */
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { portalCaches } from './cache.ts';
import { PORTAL_LANGS, type PortalLang } from './langs.ts';
import { MESSAGES } from './messages.ts';

const PerLang = z.object(Object.fromEntries(PORTAL_LANGS.map((l) => [l, z.string().max(300).optional()])));

/** The authority as the portal presents it. */
export const SiteSettings = z.object({
  name: PerLang.default({}),
  address: z.string().max(500).nullable().default(null),
  phone: z.string().max(100).nullable().default(null),
  email: z.string().max(254).nullable().default(null),
  /** Shown in the footer when the installation holds demo data. */
  demo: z.boolean().default(false),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

/**
 * The map's basemap: none (the default: zones on a plain background, no external server), a MapLibre style
 * URL, or a raster tile URL template ("https://tiles.example.vn/{z}/{x}/{y}.png").
 */
export const BasemapSettings = z.object({
  kind: z.enum(['none', 'style', 'raster']).default('none'),
  url: z.url().max(500).nullable().default(null),
  attribution: z.string().max(300).nullable().default(null),
});
export type BasemapSettings = z.infer<typeof BasemapSettings>;

/** Everything the layout and the map need from settings. */
export interface PortalSettings {
  site: SiteSettings;
  basemap: BasemapSettings;
}

/** Reads the portal settings (cached); invalid or missing values fall back to the defaults. */
export function loadSettings(db: DbOrTx): Promise<PortalSettings> {
  return portalCaches(db).settings.get('settings', async () => {
    const rows = await db
      .selectFrom('platform_settings')
      .select(['key', 'value'])
      .where('key', 'in', ['portal.site', 'portal.basemap'])
      .execute();
    const get = (key: string) => rows.find((r) => r.key === key)?.value ?? {};
    const site = SiteSettings.safeParse(get('portal.site'));
    const basemap = BasemapSettings.safeParse(get('portal.basemap'));
    return {
      site: site.success ? site.data : SiteSettings.parse({}),
      basemap: basemap.success ? basemap.data : BasemapSettings.parse({}),
    };
  }) as Promise<PortalSettings>;
}

/** The site's name in a language: its own, else English, else Vietnamese, else the generic "Investment portal". */
export function siteName(site: SiteSettings, lang: PortalLang): string {
  const names = site.name as Partial<Record<PortalLang, string>>;
  return names[lang] || names.en || names.vi || MESSAGES[lang].siteNameDefault;
}
