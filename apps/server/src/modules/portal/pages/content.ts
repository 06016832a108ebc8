/**
 * Content pages: lists (/{lang}/news, /incentives, /procedures, /publications, /pages, /newsletter), the FAQ
 * (one page of questions that open without JavaScript), and an item (/{lang}/{section}/{slug}) — in the page's
 * language, or in English / Vietnamese with a note when it is not translated yet. Stored HTML was sanitised on
 * save, so it is inserted as it is.
 */

import { parsePeriod, periodLabel } from '@heza/shared';
import { CONTENT_SECTIONS, type ContentKind } from '@heza/shared/portal';
import {
  findBySlug,
  itemPath,
  type LiveItem,
  liveItems,
  liveList,
  type ShownItem,
  shown,
} from '../content-data.ts';
import { formatDate, formatNumber } from '../format.ts';
import { type Html, html, trusted } from '../html.ts';
import { LANG_TAGS, PORTAL_LANGS, type PortalLang } from '../langs.ts';
import type { NavSection } from '../layout.ts';
import { fill, type Messages } from '../messages.ts';
import { loadZoneIndex, zoneName } from '../zone-data.ts';
import { type PageContext, type PageResult, page } from './context.ts';

/** The navigation section each kind belongs to. */
const NAV_OF: Record<ContentKind, NavSection | undefined> = {
  page: undefined,
  news: 'news',
  incentive: 'incentives',
  procedure_guide: 'procedures',
  publication: 'publications',
  faq: 'faq',
  newsletter: 'newsletter',
};

/** Items per list page. */
const PAGE_SIZE = 10;

/** The title of a kind's list in a language. */
export function kindTitle(m: Messages, kind: ContentKind): string {
  return m.content[kind];
}

/** A newsletter's display title: its quarter ("Bản tin Quý IV/2024"). */
function newsletterTitle(m: Messages, lang: PortalLang, item: LiveItem, fallback: string): string {
  if (!item.periodId) return fallback;
  return fill(m.newsletter.issue, { period: periodLabel(parsePeriod(item.periodId), lang) });
}

function fileSize(lang: PortalLang, bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${formatNumber(lang, bytes / 1024 / 1024, 1)} MB`
    : `${formatNumber(lang, Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
}

/** Items of a list as `<li>`s with title link, date, summary (in the item's shown language). */
export function contentListItems(
  ctx: PageContext,
  kind: ContentKind,
  items: ShownItem[],
  headingLevel: 2 | 3 = 2,
): Html {
  const { lang, m } = ctx;
  const lis = items.map((s) => {
    const v = s.version;
    const title = kind === 'newsletter' ? newsletterTitle(m, lang, s.item, v.title) : v.title;
    const link = html`<a href="${itemPath(s, lang)}">${title}</a>`;
    const heading = headingLevel === 2 ? html`<h2>${link}</h2>` : html`<h3>${link}</h3>`;
    return html`<li${s.fallback ? html` lang="${LANG_TAGS[v.lang]}"` : ''}>${heading}
${kind === 'news' || kind === 'publication' || kind === 'newsletter' ? html`<p class="meta">${fill(m.content.publishedOn, { date: formatDate(lang, s.item.firstPublishedAt) })}${s.fallback ? html` · <span lang="${LANG_TAGS[lang]}">${m.languageNames[v.lang]}</span>` : ''}</p>` : s.fallback ? html`<p class="meta" lang="${LANG_TAGS[lang]}">${m.languageNames[v.lang]}</p>` : ''}
${v.summary ? html`<p>${v.summary}</p>` : ''}</li>`;
  });
  return html`<ul class="list">${lis}</ul>`;
}

/** GET /{lang}/{section}: a kind's list (paginated), or the FAQ as one page. */
export async function contentListPage(
  ctx: PageContext,
  kind: ContentKind,
  rawPage: unknown,
): Promise<PageResult | null> {
  const { lang, m } = ctx;
  const pageNo = Math.max(1, Math.min(10_000, Number.parseInt(String(rawPage ?? '1'), 10) || 1));
  const all = await liveList(ctx.db, kind, lang);
  const title = kindTitle(m, kind);
  const section = CONTENT_SECTIONS[kind];
  let body: Html;
  if (kind === 'faq') {
    body = html`<h1>${title}</h1>${
      all.length
        ? all.map(
            (s) =>
              html`<details class="faq" id="${s.version.slug}"${s.fallback ? html` lang="${LANG_TAGS[s.version.lang]}"` : ''}><summary>${s.version.title}</summary>${s.fallback ? html`<p class="meta" lang="${LANG_TAGS[lang]}">${fill(m.fallbackNote, { missing: m.languageNames[lang], shown: m.languageNames[s.version.lang] })}</p>` : ''}<div class="prose">${trusted(s.version.bodyHtml)}</div></details>`,
          )
        : html`<p>${m.content.empty}</p>`
    }`;
  } else {
    const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
    if (pageNo > pages) return null;
    const items = all.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE);
    const lead = kind === 'newsletter' ? html`<p class="lead">${m.newsletter.lead}</p>` : '';
    const pager =
      pages > 1
        ? html`<nav aria-label="${m.pager.label}"><ul class="pager">
${pageNo > 1 ? html`<li><a href="/${lang}/${section}?page=${pageNo - 1}" rel="prev">${m.pager.previous}</a></li>` : ''}
<li>${fill(m.pager.page, { n: pageNo })} / ${pages}</li>
${pageNo < pages ? html`<li><a href="/${lang}/${section}?page=${pageNo + 1}" rel="next">${m.pager.next}</a></li>` : ''}
</ul></nav>`
        : '';
    body = html`<h1>${title}</h1>${lead}${items.length ? contentListItems(ctx, kind, items) : html`<p>${m.content.empty}</p>`}${pager}`;
  }
  return page(ctx, {
    title,
    path: `/${section}${pageNo > 1 ? `?page=${pageNo}` : ''}`,
    section: NAV_OF[kind],
    body,
    noindex: pageNo > 1,
  });
}

/** GET /{lang}/{section}/{slug}: an item, a redirect to its current slug, or null (404). */
export async function contentItemPage(
  ctx: PageContext,
  kind: ContentKind,
  slug: string,
): Promise<PageResult | { redirect: string } | null> {
  const { lang, m } = ctx;
  const found = await findBySlug(ctx.db, kind, lang, slug);
  if (found.kind === 'moved') return { redirect: found.path };
  if (found.kind === 'none') return null;
  const { item, version: v, fallback } = found.shown;
  const section = CONTENT_SECTIONS[kind];
  const alternates = Object.fromEntries(PORTAL_LANGS.map((l) => [l, itemPath({ item }, l)])) as Record<
    PortalLang,
    string
  >;
  const translated = PORTAL_LANGS.filter((l) => item.versions[l]);
  const title = kind === 'newsletter' ? newsletterTitle(m, lang, item, v.title) : v.title;
  const index = item.zoneId ? await loadZoneIndex(ctx.db) : null;
  const zone = item.zoneId ? index?.byId.get(item.zoneId) : undefined;
  const cover = item.cover
    ? html`<figure><img src="${item.cover.url}" alt="${item.cover.alt[lang] ?? item.cover.alt.en ?? item.cover.alt.vi ?? ''}" width="${item.cover.width}" height="${item.cover.height}" decoding="async"></figure>`
    : '';
  const file = v.file
    ? html`<p><a class="button" href="/portal-files/${v.versionId}" download>${fill(m.content.download, { name: v.file.name })}</a> <span class="meta">(${fileSize(lang, v.file.sizeBytes)})</span></p>`
    : '';
  const articles = kind === 'newsletter' ? await newsletterArticles(ctx, item) : '';
  const pdf =
    kind === 'newsletter'
      ? html`<p><a class="button" href="/${lang}/newsletter/${encodeURIComponent(v.slug)}/pdf">${m.newsletter.downloadPdf}</a></p>`
      : '';
  const dated = kind === 'news' || kind === 'publication' || kind === 'newsletter';
  const body = html`<article${fallback ? html` lang="${LANG_TAGS[v.lang]}"` : ''}>
<h1>${title}</h1>
${dated ? html`<p class="meta" lang="${LANG_TAGS[lang]}">${fill(m.content.publishedOn, { date: formatDate(lang, item.firstPublishedAt) })}</p>` : ''}
${zone ? html`<p class="meta" lang="${LANG_TAGS[lang]}">${fill(m.content.zone, { name: '' })}<a href="/${lang}/zones/${zone.code}">${zoneName(zone, lang)}</a></p>` : ''}
${cover}
${v.summary ? html`<p class="lead">${v.summary}</p>` : ''}
<div class="prose">${trusted(v.bodyHtml)}</div>
${file}${pdf}${articles}
</article>`;
  return page(ctx, {
    title,
    description: v.summary || undefined,
    path: `/${section}/${encodeURIComponent(v.slug)}`,
    alternates,
    translatedLangs: translated,
    section: NAV_OF[kind],
    breadcrumbs: kind === 'page' ? [] : [{ label: kindTitle(m, kind), href: `/${lang}/${section}` }],
    shownLang: fallback ? v.lang : undefined,
    body,
    image: item.cover?.url,
    ogType: kind === 'news' ? 'article' : 'website',
  });
}

/** The live articles of a newsletter issue, in order, as shown in the page's language. */
export async function newsletterItems(
  ctx: Pick<PageContext, 'db' | 'lang'>,
  issue: LiveItem,
): Promise<ShownItem[]> {
  const rows = await ctx.db
    .selectFrom('portal_newsletter_articles as a')
    .innerJoin('portal_contents as c', 'c.id', 'a.article_id')
    .select(['a.article_id', 'c.kind'])
    .where('a.newsletter_id', '=', issue.id)
    .orderBy('a.sort_order')
    .execute();
  const out: ShownItem[] = [];
  for (const r of rows) {
    const items = await liveItems(ctx.db, r.kind as ContentKind);
    const item = items.find((i) => i.id === r.article_id);
    const s = item ? shown(item, ctx.lang) : null;
    if (s) out.push(s);
  }
  return out;
}

async function newsletterArticles(ctx: PageContext, issue: LiveItem): Promise<Html> {
  const { lang, m } = ctx;
  const items = await newsletterItems(ctx, issue);
  if (!items.length) return html``;
  return html`<section aria-labelledby="issue-articles" lang="${LANG_TAGS[lang]}"><h2 id="issue-articles">${m.newsletter.articles}</h2>
${items.map(
  (s) => html`<article class="issue-article"${s.fallback ? html` lang="${LANG_TAGS[s.version.lang]}"` : ''}>
<h3><a href="${itemPath(s, lang)}">${s.version.title}</a></h3>
${s.version.summary ? html`<p><strong>${s.version.summary}</strong></p>` : ''}
<div class="prose">${trusted(s.version.bodyHtml)}</div></article>`,
)}</section>`;
}
