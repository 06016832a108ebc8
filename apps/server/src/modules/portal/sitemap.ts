/**
 * sitemap.xml: every public page in all five languages, each URL with its hreflang alternates
 * (xhtml:link), as search engines read them. Content is listed in the languages it is really written in.
 */
import { CONTENT_KINDS, CONTENT_SECTIONS } from '@heza/shared/portal';
import type { DbOrTx } from '../../db/client.ts';
import { portalCaches } from './cache.ts';
import { itemPath, liveItems } from './content-data.ts';
import { escapeText } from './html.ts';
import { LANG_TAGS, PORTAL_LANGS, type PortalLang } from './langs.ts';
import { proceduresInForce } from './pages/procedures.ts';
import { loadZoneIndex } from './zone-data.ts';

interface Entry {
  /** Path in each language that has the page. */
  paths: Partial<Record<PortalLang, string>>;
  lastmod?: string;
}

function urlXml(origin: string, entry: Entry): string {
  const langs = PORTAL_LANGS.filter((l) => entry.paths[l]);
  const alternates = langs
    .map(
      (l) =>
        `<xhtml:link rel="alternate" hreflang="${LANG_TAGS[l]}" href="${escapeText(origin + entry.paths[l])}"/>`,
    )
    .join('');
  const lastmod = entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : '';
  return langs
    .map((l) => `<url><loc>${escapeText(origin + entry.paths[l])}</loc>${lastmod}${alternates}</url>`)
    .join('\n');
}

const everyLang = (path: string): Entry => ({
  paths: Object.fromEntries(PORTAL_LANGS.map((l) => [l, `/${l}${path}`])),
});

/** The sitemap document (cached like the pages). */
export async function sitemapXml(db: DbOrTx, origin: string): Promise<string> {
  const index = await loadZoneIndex(db);
  return portalCaches(db).pages.get(`sitemap|${origin}|${index.asOf}`, async () => {
    const entries: Entry[] = [
      '/',
      '/zones',
      '/map',
      '/statistics',
      '/dossiers/track',
      '/feedback',
      '/feedback/answers',
      '/feedback/track',
    ].map(everyLang);
    for (const p of await proceduresInForce(db))
      entries.push(everyLang(`/procedures/${encodeURIComponent(p.code)}`));
    for (const kind of CONTENT_KINDS) entries.push(everyLang(`/${CONTENT_SECTIONS[kind]}`));
    for (const z of index.zones) entries.push({ ...everyLang(`/zones/${z.code}`), lastmod: index.asOf });
    for (const kind of CONTENT_KINDS) {
      if (kind === 'faq') continue;
      for (const item of await liveItems(db, kind)) {
        const paths: Partial<Record<PortalLang, string>> = {};
        for (const l of PORTAL_LANGS) if (item.versions[l]) paths[l] = itemPath({ item }, l);
        const newest = Object.values(item.versions).reduce(
          (a, v) => (v && v.publishAt > a ? v.publishAt : a),
          item.firstPublishedAt,
        );
        entries.push({ paths, lastmod: newest.toISOString().slice(0, 10) });
      }
    }
    return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.map((e) => urlXml(origin, e)).join('\n')}
</urlset>
`;
  });
}
