import type { PeriodLabelLang } from '@heza/shared';
import { AnalyticsQuery, AnalyticsResult, HeadlineQuery, HeadlineResult } from '@heza/shared/analytics';
import { buildPivot } from '@heza/shared/analytics-pivot';
import { todayVn } from '@heza/shared/registry';
import { IndicatorView } from '@heza/shared/reporting';
import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { allZones } from '../registry/queries.ts';
import { registryFilter } from '../registry/scope.ts';
import { CONTENT_TYPES, writeTable } from '../registry/spreadsheet.ts';
import { listIndicators } from '../reporting/queries.ts';
import { runAnalytics } from './engine.ts';
import { headlineFigures } from './headline.ts';

const read = { access: { action: 'analytics.read' } } as const;
const AXIS = z
  .string()
  .trim()
  .max(300)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const ExportQuery = AnalyticsQuery.extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  rows: AXIS.optional(),
  columns: AXIS.optional(),
});

const MapFeatures = z.object({
  type: z.literal('FeatureCollection'),
  indicator: z.string(),
  period: z.string(),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: z.unknown(),
      properties: z.object({
        name: z.string(),
        kind: z.string(),
        value: z.string().nullable(),
        displayValue: z.string().nullable(),
        changePct: z.number().nullable(),
      }),
    }),
  ),
});

/**
 * The analytics API: a query of any indicators × periods × dimensions with measures, its XLSX/CSV pivot
 * export, the headline figures of a report period, and a zone map coloured by one indicator. Every figure is
 * read live and narrowed to the actor's reach (staff: their zones; enterprise users: their own enterprise).
 */
export async function analyticsRoutes(app: App) {
  const tags = ['analytics'];
  const lang = (l: string): PeriodLabelLang => (l === 'en' ? 'en' : 'vi');
  const access = (req: { ctx: { db: typeof app.deps.db; actor: Parameters<typeof registryFilter>[1] } }) =>
    registryFilter(req.ctx.db, req.ctx.actor, 'analytics.read');

  app.get(
    '/analytics/indicators',
    {
      config: read,
      schema: {
        tags,
        summary: 'Các chỉ tiêu phân tích',
        response: { 200: z.object({ items: z.array(IndicatorView) }) },
      },
    },
    async (req) => ({ items: (await listIndicators(req.ctx.db)).filter((i) => i.active) }),
  );

  app.get(
    '/analytics/query',
    {
      config: read,
      schema: {
        tags,
        summary: 'Truy vấn số liệu: chỉ tiêu × kỳ × chiều, cùng kỳ, % kế hoạch, lũy kế',
        querystring: AnalyticsQuery,
        response: { 200: AnalyticsResult },
      },
    },
    async (req) => runAnalytics(req.ctx.db, await access(req), req.query, lang(req.ctx.lang)),
  );

  app.get(
    '/analytics/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'Tải bảng tổng hợp (XLSX hoặc CSV)',
        querystring: ExportQuery,
        response: { 200: z.unknown().describe('Tệp XLSX hoặc CSV (file)') },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const result = await runAnalytics(req.ctx.db, await access(req), q, lang(req.ctx.lang));
      const all = ['indicator', 'period', ...result.dimensions];
      const columns = (q.columns ?? ['period']).filter((d) => all.includes(d));
      const rows = (q.rows ?? all.filter((d) => !columns.includes(d))).filter(
        (d) => all.includes(d) && !columns.includes(d),
      );
      for (const d of all) if (!rows.includes(d) && !columns.includes(d)) rows.push(d);
      const vi = req.ctx.lang !== 'en';
      const pivot = buildPivot(result, rows, columns, vi ? 'Tổng số' : 'Total');
      const header = [...rows.map((d) => d), ...pivot.cols.map((c) => c.map((i) => i.label).join(' – '))];
      const body = pivot.rows.map((r, i) => [
        ...r.map((item) => `${'  '.repeat(item.depth)}${item.label}`),
        ...pivot.values[i]!.map((cell) =>
          cell?.displayValue === null || cell === null ? null : Number(cell.displayValue),
        ),
      ]);
      const title = vi ? 'Bảng tổng hợp số liệu HEZA' : 'HEZA figures';
      const stamp = `${title} — ${result.asOf ? `as of ${result.asOf}` : todayVn()}`;
      const file = await writeTable(q.format, { name: 'heza-analytics', rows: [[stamp], header, ...body] });
      return reply
        .header('content-type', CONTENT_TYPES[q.format])
        .header('content-disposition', `attachment; filename="heza-so-lieu-${todayVn()}.${q.format}"`)
        .send(file);
    },
  );

  app.get(
    '/analytics/headline',
    {
      config: read,
      schema: {
        tags,
        summary: 'Số liệu chính của báo cáo kỳ (6 tháng, 11 tháng, năm)',
        querystring: HeadlineQuery,
        response: { 200: HeadlineResult },
      },
    },
    async (req) =>
      headlineFigures(req.ctx.db, await access(req), req.query, req.ctx.lang === 'en' ? 'en' : 'vi'),
  );

  app.get(
    '/analytics/map',
    {
      config: read,
      schema: {
        tags,
        summary: 'Bản đồ các khu tô màu theo một chỉ tiêu',
        querystring: z.object({
          indicator: z.string().regex(/^[a-z][a-z0-9_]*$/),
          period: HeadlineQuery.shape.period,
          estimates: z.enum(['none', 'carry_forward']).default('none'),
        }),
        response: { 200: MapFeatures },
      },
    },
    async (req) => {
      const filter = await access(req);
      const result = await runAnalytics(
        req.ctx.db,
        filter,
        {
          indicators: [req.query.indicator],
          periods: [req.query.period],
          dimensions: ['zone'],
          measures: ['changePct'],
          estimates: req.query.estimates,
        },
        lang(req.ctx.lang),
      );
      const byZone = new Map(result.cells.filter((c) => c.keys.zone).map((c) => [c.keys.zone!, c]));
      const zones = filter.kind === 'enterprise' ? [] : await allZones(req.ctx.db, filter, {});
      return {
        type: 'FeatureCollection' as const,
        indicator: req.query.indicator,
        period: req.query.period,
        features: zones
          .filter((z) => z.location)
          .map((z) => {
            const cell = byZone.get(z.id);
            return {
              type: 'Feature' as const,
              id: z.id,
              geometry: z.location,
              properties: {
                name: req.ctx.lang === 'en' ? (z.nameEn ?? z.nameVi) : z.nameVi,
                kind: z.kind,
                value: cell?.value ?? null,
                displayValue: cell?.displayValue ?? null,
                changePct: cell?.changePct ?? null,
              },
            };
          }),
      };
    },
  );
}
