/**
 * Portal search (/{lang}/search?q=…): zones and live content of every kind, matched without Vietnamese
 * diacritics ("dinh vu" finds "Đình Vũ", "uu dai" finds "ưu đãi") on text folded the same way as the query
 * (foldVietnamese). Every word of the query must occur; title matches rank first. The data is the cached live
 * content and zone index, so a search costs no database round trip.
 */
import { foldVietnamese } from '@heza/shared';
import { CONTENT_KINDS, type ContentKind } from '@heza/shared/portal';
import { itemPath, liveItems, shown } from '../content-data.ts';
import { formatNumber } from '../format.ts';
import { html } from '../html.ts';
import { LANG_TAGS, PORTAL_LANGS } from '../langs.ts';
import { fill } from '../messages.ts';
import { loadZoneIndex, zoneName } from '../zone-data.ts';
import { kindTitle } from './content.ts';
import { type PageContext, type PageResult, page } from './context.ts';

/** The words of a query, folded ("Đình  Vũ" → ["dinh", "vu"]). */
export function searchTerms(q: string): string[] {
  return foldVietnamese(q).split(' ').filter(Boolean).slice(0, 10);
}

/** Folded plain text of sanitised HTML (tags removed, entities of the sanitiser decoded). */
export function searchableText(...parts: string[]): string {
  const text = parts
    .join(' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return foldVietnamese(text);
}

interface Hit {
  title: string;
  href: string;
  type: string;
  summary: string;
  lang: string | null;
  score: number;
}

/** GET /{lang}/search */
export async function searchPage(ctx: PageContext, rawQuery: unknown): Promise<PageResult> {
  const { lang, m } = ctx;
  const raw = (rawQuery as { q?: unknown } | undefined)?.q;
  const q = typeof raw === 'string' ? raw.trim().slice(0, 200) : '';
  const terms = searchTerms(q);
  const hits: Hit[] = [];
  if (terms.length) {
    const matches = (text: string) => terms.every((t) => text.includes(t));
    const index = await loadZoneIndex(ctx.db);
    for (const z of index.zones) {
      const names = foldVietnamese([z.code, ...Object.values(z.names)].join(' '));
      const text = `${names} ${searchableText(...Object.values(z.descriptions))}`;
      if (!matches(text)) continue;
      hits.push({
        title: zoneName(z, lang),
        href: `/${lang}/zones/${z.code}`,
        type: m.search.zone,
        summary: m.kinds[z.kind as keyof typeof m.kinds] ?? '',
        lang: null,
        score: matches(names) ? 3 : 1,
      });
    }
    for (const kind of CONTENT_KINDS as readonly ContentKind[]) {
      for (const item of await liveItems(ctx.db, kind)) {
        const versions = PORTAL_LANGS.map((l) => item.versions[l]).filter((v) => v !== undefined);
        const all = versions.map((v) => v.searchText).join(' ');
        if (!matches(all)) continue;
        const s = shown(item, lang);
        if (!s) continue;
        const titles = foldVietnamese(versions.map((v) => v.title).join(' '));
        hits.push({
          title: s.version.title,
          href: itemPath(s, lang),
          type: kindTitle(m, kind),
          summary: s.version.summary,
          lang: s.fallback ? LANG_TAGS[s.version.lang] : null,
          score: matches(titles) ? 2 : 0,
        });
      }
    }
  }
  hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
  const shownHits = hits.slice(0, 50);
  const body = html`<h1>${m.search.title}</h1>
<form class="filters" role="search" method="get" action="/${lang}/search">
<div class="field"><label for="search-q">${m.searchLabel}</label><input id="search-q" type="search" name="q" value="${q}" maxlength="200"></div>
<div class="filter-actions"><button type="submit">${m.searchButton}</button></div>
</form>
<p class="meta">${m.search.hint}</p>
${
  q
    ? html`<h2 id="results">${fill(m.search.resultsFor, { q })}</h2>
<p role="status">${fill(m.search.count, { n: formatNumber(lang, hits.length, 0) })}</p>
${
  shownHits.length
    ? html`<ul class="list" aria-labelledby="results">${shownHits.map(
        (h) =>
          html`<li><h3><a href="${h.href}"${h.lang ? html` lang="${h.lang}"` : ''}>${h.title}</a></h3><p class="meta">${h.type}</p>${h.summary ? html`<p${h.lang ? html` lang="${h.lang}"` : ''}>${h.summary}</p>` : ''}</li>`,
      )}</ul>`
    : html`<p>${m.search.none}</p>`
}`
    : ''
}`;
  return page(
    ctx,
    { title: q ? fill(m.search.resultsFor, { q }) : m.search.title, path: '/search', body, noindex: true },
    200,
    0,
  );
}
