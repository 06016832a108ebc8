/**
 * /{lang}/statistics: the released periods' headline indicators as tables (the accessible, complete form) and
 * bar charts drawn on the server as SVG with ECharts (readable without JavaScript; charts.js makes them
 * interactive), the CSV and XLSX downloads, the licence, and the authority's published official reports.
 */
import type { PeriodType } from '@heza/shared';
import * as echarts from 'echarts';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/client.ts';
import { assetUrl } from '../assets.ts';
import { portalCaches } from '../cache.ts';
import { formatDate, formatNumber } from '../format.ts';
import { type Html, html, trusted } from '../html.ts';
import { fill } from '../messages.ts';
import { siteName } from '../site.ts';
import {
  LICENCE,
  type OpenStatistics,
  openStatistics,
  type PublicIndicator,
  type Release,
  statisticsCsv,
  statisticsXlsx,
} from '../statistics.ts';
import { type PageContext, type PageResult, page } from './context.ts';

const TYPES: readonly PeriodType[] = ['year', 'half_year', 'quarter', 'ytd', 'month'];
const Query = z.object({
  type: z.enum(['year', 'half_year', 'quarter', 'ytd', 'month']).optional().catch(undefined),
});

/** Published official reports (issued, then published by the authority) with their DOCX. */
export async function publishedReports(db: DbOrTx) {
  try {
    return await db
      .selectFrom('official_reports')
      .select(['id', 'title', 'number_text', 'period_id', 'issued_date', 'published_at'])
      .where('status', '=', 'published')
      .where('docx', 'is not', null)
      .orderBy('published_at', 'desc')
      .limit(50)
      .execute();
  } catch (err) {
    // An installation without the official-reports module's tables still shows its statistics.
    if ((err as { code?: string }).code === '42P01') return [];
    throw err;
  }
}

/**
 * What identifies the list of published reports (how many, the latest publication): part of the page's cache
 * key, so a report the authority publishes shows at once (publishing is not a portal write, which would clear
 * the caches). One indexed aggregate per request.
 */
async function publishedReportsStamp(db: DbOrTx): Promise<string> {
  try {
    const row = await db
      .selectFrom('official_reports')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('published_at').as('latest')])
      .where('status', '=', 'published')
      .executeTakeFirst();
    return `${row?.n ?? 0}@${row?.latest ? new Date(row.latest).getTime() : 0}`;
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') return 'none';
    throw err;
  }
}

/** A bar chart of one indicator over periods, as SVG drawn on the server. */
function chartSvg(labels: string[], values: (number | null)[], unit: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 560, height: 240 });
  try {
    chart.setOption({
      animation: false,
      grid: { left: 64, right: 16, top: 28, bottom: 36 },
      textStyle: { fontFamily: 'system-ui, sans-serif', color: '#3f4a55' },
      xAxis: { type: 'category', data: labels, axisLabel: { color: '#3f4a55', fontSize: 12 } },
      yAxis: {
        type: 'value',
        name: unit,
        nameTextStyle: { color: '#3f4a55' },
        axisLabel: { color: '#3f4a55' },
      },
      series: [{ type: 'bar', data: values, itemStyle: { color: '#0a4d8c' }, barMaxWidth: 48 }],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function chartOf(ctx: PageContext, s: OpenStatistics, indicator: PublicIndicator, periods: Release[]): Html {
  const { m } = ctx;
  const labels = periods.map((p) => p.label);
  const values = periods.map((p) => {
    const d = s.values.get(`${indicator.code}|${p.periodId}`)?.display;
    return d === null || d === undefined ? null : Number(d);
  });
  if (values.every((v) => v === null)) return html``;
  const title = fill(m.statistics.chart, { indicator: indicator.name });
  const data = JSON.stringify({ labels, values, unit: indicator.unitLabel, name: indicator.name });
  return html`<figure class="chart-figure"><div class="chart" data-chart="${data}" data-echarts="${assetUrl('vendor/echarts.esm.min.mjs')}" aria-hidden="true">${trusted(chartSvg(labels, values, indicator.unitLabel))}</div><figcaption>${title} (${indicator.unitLabel})</figcaption></figure>`;
}

function table(ctx: PageContext, s: OpenStatistics, periods: Release[], typeLabel: string): Html {
  const { lang, m } = ctx;
  const cell = (i: PublicIndicator, p: Release) => {
    const v = s.values.get(`${i.code}|${p.periodId}`)?.display;
    return v === null || v === undefined ? m.statistics.notAvailable : formatNumber(lang, v, i.decimals);
  };
  return html`<div class="table-wrap"><table aria-labelledby="table-title"><caption class="visually-hidden">${typeLabel}</caption>
<thead><tr><th scope="col">${m.statistics.indicator}</th><th scope="col">${m.statistics.unit}</th>${periods.map((p) => html`<th scope="col" class="num">${p.label}</th>`)}</tr></thead>
<tbody>${s.indicators.map(
    (i) =>
      html`<tr><th scope="row">${i.name}</th><td>${i.unitLabel}</td>${periods.map((p) => html`<td class="num">${cell(i, p)}</td>`)}</tr>`,
  )}</tbody></table></div>`;
}

/** GET /{lang}/statistics */
export async function statisticsPage(ctx: PageContext, rawQuery: unknown): Promise<PageResult> {
  const q = Query.parse(rawQuery ?? {});
  const s = await openStatistics(ctx.db, ctx.lang);
  const present = TYPES.filter((t) => s.releases.some((r) => r.type === t));
  const type = q.type && present.includes(q.type) ? q.type : present[0];
  const stamp = await publishedReportsStamp(ctx.db);
  const rendered = await portalCaches(ctx.db).pages.get(
    `statistics|${ctx.lang}|${type}|${stamp}`,
    async () => {
      const { lang, m } = ctx;
      const reports = await publishedReports(ctx.db);
      const periods = s.releases.filter((r) => r.type === type);
      const typeLabel = type ? m.statistics.periodTypes[type] : '';
      const licence = html`<section aria-labelledby="licence"><h2 id="licence">${m.statistics.licence}</h2>
<p>${m.statistics.licenceText} <a href="${LICENCE.url}" rel="license">${LICENCE.name} (${LICENCE.id})</a></p>
<p class="meta">${fill(m.statistics.source, { site: siteName(ctx.settings.site, lang) })}</p></section>`;
      const reportList = reports.length
        ? html`<section aria-labelledby="reports"><h2 id="reports">${m.statistics.reports}</h2><ul class="list">${reports.map(
            (r) =>
              html`<li><h3><a href="/portal-reports/${r.id}" lang="vi">${r.title}</a></h3><p class="meta">${r.number_text ?? ''}${r.issued_date ? ` · ${formatDate(lang, r.issued_date)}` : ''} · DOCX</p></li>`,
          )}</ul></section>`
        : '';
      let body: Html;
      if (!s.releases.length || !s.indicators.length) {
        body = html`<h1>${m.statistics.title}</h1><p class="lead">${m.statistics.lead}</p><p>${m.statistics.none}</p>${reportList}${licence}`;
      } else {
        const chooser =
          present.length > 1
            ? html`<form class="filters" method="get" action="/${lang}/statistics"><div class="field"><label for="s-type">${m.statistics.periodType}</label><select id="s-type" name="type">${present.map(
                (t) =>
                  t === type
                    ? html`<option value="${t}" selected>${m.statistics.periodTypes[t]}</option>`
                    : html`<option value="${t}">${m.statistics.periodTypes[t]}</option>`,
              )}</select></div><div class="filter-actions"><button type="submit">${m.zones.apply}</button></div></form>`
            : '';
        body = html`<h1>${m.statistics.title}</h1>
<p class="lead">${m.statistics.lead}</p>
${chooser}
<h2 id="table-title">${fill(m.statistics.table, { indicator: typeLabel })}</h2>
${table(ctx, s, periods, typeLabel)}
<section aria-labelledby="downloads"><h2 id="downloads">${m.statistics.downloads}</h2>
<p class="actions"><a class="button" href="/${lang}/statistics/data.csv" download>${m.statistics.csv}</a> <a class="button secondary" href="/${lang}/statistics/data.xlsx" download>${m.statistics.xlsx}</a></p></section>
<h2>${m.statistics.periods}</h2>
<ul>${s.releases.map((r) => html`<li>${r.label} — <span class="meta">${fill(m.statistics.publishedAt, { date: formatDate(lang, r.publishedAt) })}</span></li>`)}</ul>
<h2 id="charts-title">${m.statistics.charts}</h2>
<div class="chart-grid">${s.indicators.map((i) => chartOf(ctx, s, i, periods))}</div>
${reportList}
${licence}`;
      }
      return page(ctx, {
        title: m.statistics.title,
        description: m.statistics.lead,
        path: type && type !== present[0] ? `/statistics?type=${type}` : '/statistics',
        section: 'statistics',
        body,
        scripts: s.releases.length ? ['charts.js'] : [],
      }).html;
    },
  );
  return { html: rendered };
}

/** GET /{lang}/statistics/data.{csv,xlsx}: every released period, one row per indicator × period. */
export async function statisticsDownload(ctx: PageContext, format: 'csv' | 'xlsx', _q: unknown) {
  const s = await openStatistics(ctx.db, ctx.lang);
  const name = `open-statistics-${ctx.lang}.${format}`;
  if (format === 'csv') return { type: 'text/csv; charset=utf-8', name, body: statisticsCsv(s) };
  return {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    name,
    body: await statisticsXlsx(s, ctx.lang, siteName(ctx.settings.site, ctx.lang)),
  };
}
