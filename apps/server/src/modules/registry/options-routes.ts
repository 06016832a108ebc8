import { sql } from 'kysely';
import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { foldForSearch } from '../../platform/search.ts';
import { enterpriseVisible } from './queries.ts';
import { NO_ID, registryFilter } from './scope.ts';

const Option = z.object({ id: z.string(), name: z.string() });

/** Small pick-lists for forms (zone and enterprise selectors), narrowed to what the actor may read. */
export async function registryOptionRoutes(app: App) {
  app.get(
    '/zones/options',
    {
      config: { access: { action: 'registry.zone.read' } },
      schema: {
        tags: ['registry'],
        summary: 'Danh sách khu để chọn',
        response: { 200: z.object({ items: z.array(Option) }) },
      },
    },
    async (req) => {
      // Staff see their zones and the parks inside them.
      const filter = await registryFilter(req.ctx.db, req.ctx.actor, 'registry.zone.read');
      let q = req.ctx.db.selectFrom('zones').select(['id', 'name_vi as name']).orderBy('name_vi');
      if (filter.kind === 'zones') q = q.where('id', 'in', filter.zoneIds.length ? filter.zoneIds : [NO_ID]);
      return { items: await q.execute() };
    },
  );

  app.get(
    '/enterprises/options',
    {
      config: { access: { action: 'registry.enterprise.read' } },
      schema: {
        tags: ['registry'],
        summary: 'Danh sách doanh nghiệp để chọn',
        querystring: z.object({ q: z.string().trim().max(200).optional() }),
        response: { 200: z.object({ items: z.array(Option.extend({ taxCode: z.string() })) }) },
      },
    },
    async (req) => {
      // Staff see the enterprises linked to their zones (or to parks inside them); an enterprise user its own.
      const filter = await registryFilter(req.ctx.db, req.ctx.actor, 'registry.enterprise.read');
      const needle = req.query.q ? `%${foldForSearch(req.query.q)}%` : null;
      const rows = await sql<{ id: string; name: string; taxCode: string }>`
        select e.id, e.name_vi as name, e.tax_code as "taxCode" from enterprises e
        where ${enterpriseVisible(filter)}
          ${needle ? sql`and (f_unaccent(e.name_vi) like ${needle} or e.tax_code like ${needle})` : sql``}
        order by e.name_vi limit 50`.execute(req.ctx.db);
      return { items: rows.rows };
    },
  );
}
