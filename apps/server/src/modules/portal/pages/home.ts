/**
 * The home page (/{lang}/): what the portal offers, the parks' headline figures as of today (derived by the
 * registry from lifecycle events and dated areas), the zones with the most land available, and latest news.
 */
import { dec, fmt } from '../../registry/decimal.ts';
import { zonesSummary } from '../../registry/stats.ts';
import { portalCaches } from '../cache.ts';
import { liveList } from '../content-data.ts';
import { formatDate, formatNumber, formatPercent } from '../format.ts';
import { html } from '../html.ts';
import { fill } from '../messages.ts';
import { siteName } from '../site.ts';
import { loadZoneIndex } from '../zone-data.ts';
import { contentListItems } from './content.ts';
import { type PageContext, type PageResult, page } from './context.ts';
import { filterZones, zoneCard } from './zones.ts';

/** GET /{lang}/ */
export async function homePage(ctx: PageContext): Promise<PageResult> {
  const index = await loadZoneIndex(ctx.db);
  const key = `home|${ctx.lang}|${index.asOf}`;
  const rendered = await portalCaches(ctx.db).pages.get(key, async () => {
    const { lang, m, db } = ctx;
    const [summary, news] = await Promise.all([
      zonesSummary(db, { kind: 'all' }, index.asOf, 'industrial_park'),
      liveList(db, 'news', lang, { limit: 3 }),
    ]);
    const available = index.zones
      .filter((z) => z.kind === 'industrial_park' && z.availableHa !== null)
      .reduce((sum, z) => sum + dec(z.availableHa!), 0n);
    const featured = filterZones(index, { sort: 'land', land: '1' }, lang).slice(0, 6);
    const figure = (label: string, value: string) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
    const body = html`<section class="hero" aria-labelledby="hero-title">
<h1 id="hero-title">${m.home.title}</h1>
<p class="lead">${m.home.lead}</p>
<div class="actions"><a class="button" href="/${lang}/zones">${m.home.findSite}</a><a class="button secondary" href="/${lang}/map">${m.home.openMap}</a></div>
</section>
<section aria-labelledby="figures-title">
<h2 id="figures-title">${m.home.figures}</h2>
<dl class="figures">
${figure(m.home.zonesEstablished, formatNumber(lang, summary.established.count, 0))}
${figure(m.home.zonesOperating, formatNumber(lang, summary.operating.count, 0))}
${figure(m.home.industrialLand, formatNumber(lang, summary.established.industrialLandHa, 0))}
${figure(m.home.availableLand, formatNumber(lang, fmt(available, 2), 0))}
${summary.established.occupancyPct !== null ? figure(m.home.occupancy, formatPercent(lang, summary.established.occupancyPct)) : ''}
</dl>
<p class="meta">${fill(m.home.asOf, { date: formatDate(lang, index.asOf) })}</p>
</section>
${
  featured.length
    ? html`<section aria-labelledby="featured-title"><h2 id="featured-title">${m.home.featuredZones}</h2>
<ul class="cards">${featured.map((z) => zoneCard(ctx, index, z, 3))}</ul>
<p><a href="/${lang}/zones">${m.home.exploreZones}</a></p></section>`
    : ''
}
${
  news.length
    ? html`<section aria-labelledby="news-title"><h2 id="news-title">${m.home.latestNews}</h2>
${contentListItems(ctx, 'news', news, 3)}
<p><a href="/${lang}/news">${m.home.seeAll}</a></p></section>`
    : ''
}`;
    return page(ctx, {
      title: siteName(ctx.settings.site, lang),
      description: m.home.lead,
      path: '/',
      section: 'home',
      body,
    }).html;
  });
  return { html: rendered };
}
