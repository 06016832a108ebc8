/**
 * The quarterly newsletter as a PDF: the same issue as its web page (introduction, then its articles in
 * order, in the page's language with the usual fallback), laid out for A4 and printed by headless Chromium
 * (platform/documents/pdf.ts). The renderer runs without network, so the portal's images are inlined.
 */
import { parsePeriod, periodLabel } from '@heza/shared';
import { pdfRendererFor } from '../../platform/documents/pdf.ts';
import { readStoredFile } from '../../platform/files/files.ts';
import type { App } from '../../platform/http/types.ts';
import { portalCaches } from './cache.ts';
import { findBySlug } from './content-data.ts';
import { formatDate } from './format.ts';
import { html, trusted } from './html.ts';
import { LANG_TAGS } from './langs.ts';
import { fill } from './messages.ts';
import { newsletterItems } from './pages/content.ts';
import type { PageContext } from './pages/context.ts';
import { siteName } from './site.ts';

const PRINT_CSS = `@page { size: A4; margin: 18mm 16mm 20mm; }
body { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 10.5pt; line-height: 1.5; color: #1b1f24; }
header { border-bottom: 3px solid #0a3d6e; margin-bottom: 12pt; padding-bottom: 6pt; }
header p { margin: 0; color: #3f4a55; }
h1 { color: #0a3d6e; font-size: 22pt; margin: 4pt 0; }
h2 { color: #0a3d6e; font-size: 14pt; margin: 16pt 0 4pt; break-after: avoid; }
article { break-inside: auto; }
img { max-width: 100%; height: auto; }
.summary { font-weight: 600; }
footer { margin-top: 18pt; border-top: 1px solid #c9d3dd; padding-top: 6pt; font-size: 9pt; color: #3f4a55; }`;

/** Replaces /portal-media/<id> image sources by data: URLs (the PDF renderer has no network). */
async function inlineImages(app: App, markup: string): Promise<string> {
  const ids = [...new Set([...markup.matchAll(/src="\/portal-media\/([0-9a-f-]{36})"/g)].map((m) => m[1]!))];
  if (!ids.length) return markup;
  const rows = await app.deps.db
    .selectFrom('portal_images as i')
    .innerJoin('stored_files as f', 'f.id', 'i.file_id')
    .select(['i.id', 'f.sha256', 'f.media_type'])
    .where('i.id', 'in', ids)
    .execute();
  let out = markup;
  for (const r of rows) {
    const bytes = await readStoredFile(app.deps.config.dataDir, r);
    out = out.replaceAll(
      `src="/portal-media/${r.id}"`,
      `src="data:${r.media_type};base64,${bytes.toString('base64')}"`,
    );
  }
  return out;
}

/** The PDF of the newsletter issue a slug names (cached until the next portal change), or null. */
export async function newsletterPdf(
  app: App,
  ctx: PageContext,
  slug: string,
): Promise<{ name: string; body: Buffer } | null> {
  const found = await findBySlug(ctx.db, 'newsletter', ctx.lang, slug);
  if (found.kind !== 'found') return null;
  const { item, version } = found.shown;
  const key = `pdf|${ctx.lang}|${item.id}|${Object.values(item.versions)
    .map((v) => v?.versionId)
    .join(',')}`;
  const { m, lang } = ctx;
  const period = item.periodId ? periodLabel(parsePeriod(item.periodId), lang) : version.title;
  const title = fill(m.newsletter.issue, { period });
  const name = `${slug}-${lang}.pdf`;
  const body = (await portalCaches(ctx.db).content.get(key, async () => {
    const articles = await newsletterItems(ctx, item);
    const site = siteName(ctx.settings.site, lang);
    const doc = html`<!doctype html><html lang="${LANG_TAGS[lang]}"><head><meta charset="utf-8"><title>${title}</title><style>${trusted(PRINT_CSS)}</style></head><body>
<header><p>${site}</p><h1>${title}</h1><p>${formatDate(lang, item.firstPublishedAt)}</p></header>
<section lang="${LANG_TAGS[version.lang]}">${version.summary ? html`<p class="summary">${version.summary}</p>` : ''}${trusted(version.bodyHtml)}</section>
${articles.map(
  (a) =>
    html`<article lang="${LANG_TAGS[a.version.lang]}"><h2>${a.version.title}</h2>${a.version.summary ? html`<p class="summary">${a.version.summary}</p>` : ''}${trusted(a.version.bodyHtml)}</article>`,
)}
<footer>${site} · ${ctx.origin}/${lang}/newsletter/${encodeURIComponent(version.slug)}</footer>
</body></html>`;
    return pdfRendererFor(app).render(await inlineImages(app, doc.value), { format: 'A4' });
  })) as Buffer;
  return { name, body };
}
