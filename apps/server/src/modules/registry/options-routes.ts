import { sql } from 'kysely';
import { z } from 'zod';
import { listFilter } from '../../platform/auth/policy.ts';
import type { App } from '../../platform/http/types.ts';
import { foldForSearch } from '../../platform/search.ts';

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
      const filter = listFilter(req.ctx.actor, 'registry.zone.read');
      let q = req.ctx.db.selectFrom('zones').select(['id', 'name_vi as name']).orderBy('name_vi');
      if (filter.kind === 'zones')
        q = q.where(
          'id',
          'in',
          filter.zoneIds.length ? filter.zoneIds : ['00000000-0000-0000-0000-000000000000'],
        );
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
      const filter = listFilter(req.ctx.actor, 'registry.enterprise.read');
      let q = req.ctx.db
        .selectFrom('enterprises')
        .select(['id', 'name_vi as name', 'tax_code as taxCode'])
        .orderBy('name_vi')
        .limit(50);
      if (req.query.q) {
        const needle = `%${foldForSearch(req.query.q)}%`;
        q = q.where((eb) =>
          eb.or([eb(sql`f_unaccent(name_vi)`, 'like', needle), eb('tax_code', 'like', needle)]),
        );
      }
      if (filter.kind === 'enterprise') q = q.where('id', '=', filter.enterpriseId);
      return { items: await q.execute() };
    },
  );
}
