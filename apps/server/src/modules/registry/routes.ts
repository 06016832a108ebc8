import { Page } from '@heza/shared';
import {
  CapitalStats,
  CapitalStatsQuery,
  EnterpriseInput,
  EnterpriseListQuery,
  EnterpriseUpdateInput,
  EnterpriseView,
  ExchangeRateInput,
  ExchangeRateView,
  Geometry,
  InvestmentStats,
  InvestmentStatsQuery,
  IsoDate,
  LedgerEntryInput,
  LedgerEntryView,
  LedgerListQuery,
  PlanInput,
  PlanListQuery,
  PlanView,
  ProjectDetail,
  ProjectInput,
  ProjectListQuery,
  ProjectUpdateInput,
  ProjectView,
  todayVn,
  VoidInput,
  ZoneAreaInput,
  ZoneAreaView,
  ZoneDetail,
  ZoneEventInput,
  ZoneEventView,
  ZoneInput,
  ZoneKind,
  ZoneListQuery,
  ZonesSummary,
  ZoneUpdateInput,
  ZoneView,
} from '@heza/shared/registry';
import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { appendLedgerEntry } from './commands/append-ledger-entry.ts';
import { createEnterprise } from './commands/create-enterprise.ts';
import { createProject } from './commands/create-project.ts';
import { createZone } from './commands/create-zone.ts';
import { recordExchangeRate } from './commands/record-exchange-rate.ts';
import { recordPlan } from './commands/record-plan.ts';
import { recordZoneArea } from './commands/record-zone-area.ts';
import { recordZoneEvent } from './commands/record-zone-event.ts';
import { updateEnterprise } from './commands/update-enterprise.ts';
import { updateProject } from './commands/update-project.ts';
import { updateZone } from './commands/update-zone.ts';
import { voidZoneEvent } from './commands/void-zone-event.ts';
import {
  allZones,
  getEnterprise,
  getLedgerEntry,
  getProject,
  getZone,
  listEnterprises,
  listExchangeRates,
  listLedger,
  listPlans,
  listProjects,
  listZones,
  projectScope,
} from './queries.ts';
import { authorizeInZones, enterpriseZoneIds, registryFilter } from './scope.ts';
import { spreadsheetRoutes } from './spreadsheet-routes.ts';
import { capitalAsOf, investmentStats, zonesSummary } from './stats.ts';
import { listVsic, VSIC_ABOUT } from './vsic.ts';

const IdParams = z.object({ id: z.uuid() });
const EventParams = z.object({ id: z.uuid(), eventId: z.uuid() });
const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

const ZoneFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: Geometry,
      properties: z.object({
        code: z.string(),
        nameVi: z.string(),
        nameEn: z.string().nullable(),
        kind: ZoneKind,
        status: z.string().nullable(),
        totalAreaHa: z.string().nullable(),
        occupancyPct: z.number().nullable(),
        isDemo: z.boolean(),
      }),
    }),
  ),
});

const VsicList = z.object({
  about: z.string(),
  completeness: z.record(z.string(), z.string()),
  items: z.array(
    z.object({
      code: z.string(),
      level: z.number().int(),
      parent: z.string().nullable(),
      vi: z.string(),
      en: z.string(),
    }),
  ),
});

/**
 * The registry's API: zones (lifecycle events, dated areas, map, as-of summary), enterprises, investment
 * projects and their certificate ledger, plans, exchange rates, derived figures, VSIC codes, spreadsheet
 * import and export. Routes parse, check the record's jurisdiction, call one command or query, present.
 */
export async function registryRoutes(app: App) {
  const tags = ['registry'];
  const zoneRead = { access: { action: 'registry.zone.read' } };
  const zoneWrite = { access: { action: 'registry.zone.write' } };

  // Zones ---------------------------------------------------------------------------------------------
  app.get(
    '/zones',
    {
      config: zoneRead,
      schema: {
        tags,
        summary: 'Danh sách khu (theo ngày)',
        querystring: ZoneListQuery,
        response: { 200: Page(ZoneView) },
      },
    },
    async (req) =>
      listZones(req.ctx.db, await registryFilter(req.ctx.db, req.ctx.actor, 'registry.zone.read'), req.query),
  );

  app.get(
    '/zones/summary',
    {
      config: zoneRead,
      schema: {
        tags,
        summary: 'Số khu theo trạng thái và tỷ lệ lấp đầy tại một ngày',
        querystring: z.object({ asOf: IsoDate.optional(), kind: ZoneKind.default('industrial_park') }),
        response: { 200: ZonesSummary },
      },
    },
    async (req) =>
      zonesSummary(
        req.ctx.db,
        await registryFilter(req.ctx.db, req.ctx.actor, 'registry.zone.read'),
        req.query.asOf ?? todayVn(),
        req.query.kind,
      ),
  );

  app.get(
    '/zones/map',
    {
      config: zoneRead,
      schema: {
        tags,
        summary: 'Bản đồ các khu (GeoJSON)',
        querystring: z.object({ asOf: IsoDate.optional(), kind: ZoneKind.optional() }),
        response: { 200: ZoneFeatureCollection },
      },
    },
    async (req) => {
      const zones = await allZones(
        req.ctx.db,
        await registryFilter(req.ctx.db, req.ctx.actor, 'registry.zone.read'),
        req.query,
      );
      return {
        type: 'FeatureCollection' as const,
        features: zones
          .filter((z) => z.location)
          .map((z) => ({
            type: 'Feature' as const,
            id: z.id,
            geometry: z.location!,
            properties: {
              code: z.code,
              nameVi: z.nameVi,
              nameEn: z.nameEn,
              kind: z.kind,
              status: z.status,
              totalAreaHa: z.area?.totalAreaHa ?? null,
              occupancyPct: z.area?.occupancyPct ?? null,
              isDemo: z.isDemo,
            },
          })),
      };
    },
  );

  app.get(
    '/zones/:id',
    {
      config: zoneRead,
      schema: {
        tags,
        summary: 'Chi tiết khu: vòng đời, diện tích, khu con',
        params: IdParams,
        querystring: z.object({ asOf: IsoDate.optional() }),
        response: { 200: ZoneDetail },
      },
    },
    async (req) => {
      const zone = await getZone(req.ctx.db, req.params.id, req.query.asOf);
      await authorizeInZones(req.ctx.db, req.ctx.actor, 'registry.zone.read', [zone.id]);
      return zone;
    },
  );

  app.post(
    '/zones',
    {
      config: zoneWrite,
      schema: { tags, summary: 'Thêm khu', body: ZoneInput, response: { 201: ZoneDetail } },
    },
    async (req, reply) => reply.status(201).send(await createZone(req.ctx, req.body)),
  );

  app.patch(
    '/zones/:id',
    {
      config: zoneWrite,
      schema: {
        tags,
        summary: 'Sửa thông tin khu',
        params: IdParams,
        body: ZoneUpdateInput,
        response: { 200: ZoneDetail },
      },
    },
    async (req) => updateZone(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/zones/:id/events',
    {
      config: zoneWrite,
      schema: {
        tags,
        summary: 'Ghi sự kiện vòng đời của khu',
        params: IdParams,
        body: ZoneEventInput,
        response: { 201: ZoneEventView },
      },
    },
    async (req, reply) => reply.status(201).send(await recordZoneEvent(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/zones/:id/events/:eventId/void',
    {
      config: zoneWrite,
      schema: {
        tags,
        summary: 'Hủy một sự kiện ghi nhầm (giữ lại trong lịch sử)',
        params: EventParams,
        body: VoidInput,
        response: { 200: ZoneEventView },
      },
    },
    async (req) => voidZoneEvent(req.ctx, req.params.id, req.params.eventId, req.body),
  );

  app.post(
    '/zones/:id/areas',
    {
      config: zoneWrite,
      schema: {
        tags,
        summary: 'Ghi diện tích của khu tại một ngày',
        params: IdParams,
        body: ZoneAreaInput,
        response: { 201: ZoneAreaView },
      },
    },
    async (req, reply) => reply.status(201).send(await recordZoneArea(req.ctx, req.params.id, req.body)),
  );

  // Enterprises -----------------------------------------------------------------------------------------
  const entRead = { access: { action: 'registry.enterprise.read' } };
  const entWrite = { access: { action: 'registry.enterprise.write' } };

  app.get(
    '/enterprises',
    {
      config: entRead,
      schema: {
        tags,
        summary: 'Danh sách doanh nghiệp',
        querystring: EnterpriseListQuery,
        response: { 200: Page(EnterpriseView) },
      },
    },
    async (req) =>
      listEnterprises(
        req.ctx.db,
        await registryFilter(req.ctx.db, req.ctx.actor, 'registry.enterprise.read'),
        req.query,
      ),
  );

  app.get(
    '/enterprises/:id',
    {
      config: entRead,
      schema: { tags, summary: 'Hồ sơ doanh nghiệp', params: IdParams, response: { 200: EnterpriseView } },
    },
    async (req) => {
      const enterprise = await getEnterprise(req.ctx.db, req.params.id);
      const zoneIds = await enterpriseZoneIds(req.ctx.db, enterprise.id);
      await authorizeInZones(req.ctx.db, req.ctx.actor, 'registry.enterprise.read', zoneIds, enterprise.id);
      return enterprise;
    },
  );

  app.post(
    '/enterprises',
    {
      config: entWrite,
      schema: {
        tags,
        summary: 'Thêm doanh nghiệp',
        body: EnterpriseInput,
        response: { 201: EnterpriseView },
      },
    },
    async (req, reply) => reply.status(201).send(await createEnterprise(req.ctx, req.body)),
  );

  app.patch(
    '/enterprises/:id',
    {
      config: entWrite,
      schema: {
        tags,
        summary: 'Sửa hồ sơ doanh nghiệp',
        params: IdParams,
        body: EnterpriseUpdateInput,
        response: { 200: EnterpriseView },
      },
    },
    async (req) => updateEnterprise(req.ctx, req.params.id, req.body),
  );

  // Projects and the ledger --------------------------------------------------------------------------------
  const projRead = { access: { action: 'registry.project.read' } };
  const projWrite = { access: { action: 'registry.project.write' } };

  app.get(
    '/projects',
    {
      config: projRead,
      schema: {
        tags,
        summary: 'Danh sách dự án đầu tư',
        querystring: ProjectListQuery,
        response: { 200: Page(ProjectView) },
      },
    },
    async (req) =>
      listProjects(
        req.ctx.db,
        await registryFilter(req.ctx.db, req.ctx.actor, 'registry.project.read'),
        req.query,
      ),
  );

  app.get(
    '/projects/:id',
    {
      config: projRead,
      schema: {
        tags,
        summary: 'Chi tiết dự án và sổ giấy chứng nhận',
        params: IdParams,
        response: { 200: ProjectDetail },
      },
    },
    async (req) => {
      const scope = await projectScope(req.ctx.db, req.params.id);
      await authorizeInZones(
        req.ctx.db,
        req.ctx.actor,
        'registry.project.read',
        [scope.zone_id],
        scope.enterprise_id,
      );
      return getProject(req.ctx.db, req.params.id);
    },
  );

  app.post(
    '/projects',
    {
      config: projWrite,
      schema: {
        tags,
        summary: 'Thêm dự án (có thể kèm bút toán đầu tiên)',
        body: ProjectInput,
        response: { 201: ProjectDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await createProject(req.ctx, req.body)),
  );

  app.patch(
    '/projects/:id',
    {
      config: projWrite,
      schema: {
        tags,
        summary: 'Sửa thông tin dự án',
        params: IdParams,
        body: ProjectUpdateInput,
        response: { 200: ProjectDetail },
      },
    },
    async (req) => updateProject(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/projects/:id/ledger',
    {
      config: projWrite,
      schema: {
        tags,
        summary: 'Ghi một bút toán vào sổ giấy chứng nhận',
        params: IdParams,
        body: LedgerEntryInput,
        response: { 201: LedgerEntryView },
      },
    },
    async (req, reply) => reply.status(201).send(await appendLedgerEntry(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/ledger',
    {
      config: projRead,
      schema: {
        tags,
        summary: 'Sổ giấy chứng nhận (mọi dự án)',
        querystring: LedgerListQuery,
        response: { 200: Page(LedgerEntryView) },
      },
    },
    async (req) =>
      listLedger(
        req.ctx.db,
        await registryFilter(req.ctx.db, req.ctx.actor, 'registry.project.read'),
        req.query,
      ),
  );

  app.get(
    '/ledger/:id',
    {
      config: projRead,
      schema: { tags, summary: 'Một bút toán', params: IdParams, response: { 200: LedgerEntryView } },
    },
    async (req) => {
      const entry = await getLedgerEntry(req.ctx.db, req.params.id);
      const scope = await projectScope(req.ctx.db, entry.projectId);
      await authorizeInZones(
        req.ctx.db,
        req.ctx.actor,
        'registry.project.read',
        [scope.zone_id],
        scope.enterprise_id,
      );
      return entry;
    },
  );

  app.get(
    '/vsic',
    {
      config: projRead,
      schema: {
        tags,
        summary: 'Danh mục ngành VSIC 2018 (cấp 1, 2 đầy đủ; cấp 4 một phần)',
        querystring: z.object({ level: z.coerce.number().int().min(1).max(5).optional() }),
        response: { 200: VsicList },
      },
    },
    async (req) => ({
      about: VSIC_ABOUT.about,
      completeness: VSIC_ABOUT.completeness,
      items: listVsic().filter((v) => req.query.level === undefined || v.level === req.query.level),
    }),
  );

  // Plans and exchange rates ---------------------------------------------------------------------------------
  const planRead = { access: { action: 'registry.plan.read' } };
  const planWrite = { access: { action: 'registry.plan.write' } };

  app.get(
    '/plans',
    {
      config: planRead,
      schema: {
        tags,
        summary: 'Kế hoạch, chỉ tiêu (mọi lần điều chỉnh)',
        querystring: PlanListQuery,
        response: { 200: Items(PlanView) },
      },
    },
    async (req) => listPlans(req.ctx.db, req.query),
  );

  app.post(
    '/plans',
    {
      config: planWrite,
      schema: {
        tags,
        summary: 'Ghi kế hoạch hoặc bản điều chỉnh',
        body: PlanInput,
        response: { 201: PlanView },
      },
    },
    async (req, reply) => reply.status(201).send(await recordPlan(req.ctx, req.body)),
  );

  app.get(
    '/exchange-rates',
    {
      config: planRead,
      schema: {
        tags,
        summary: 'Tỷ giá',
        querystring: z.object({ currency: z.string().trim().toUpperCase().optional() }),
        response: { 200: Items(ExchangeRateView) },
      },
    },
    async (req) => listExchangeRates(req.ctx.db, req.query),
  );

  app.post(
    '/exchange-rates',
    {
      config: planWrite,
      schema: { tags, summary: 'Ghi tỷ giá', body: ExchangeRateInput, response: { 201: ExchangeRateView } },
    },
    async (req, reply) => reply.status(201).send(await recordExchangeRate(req.ctx, req.body)),
  );

  // Derived figures -----------------------------------------------------------------------------------------------
  const statsRead = { access: { action: 'registry.stats.read' } };

  app.get(
    '/registry/stats/investment',
    {
      config: statsRead,
      schema: {
        tags,
        summary: 'Thu hút đầu tư trong kỳ và lũy kế (cấp mới, điều chỉnh, góp vốn, chấm dứt)',
        querystring: InvestmentStatsQuery,
        response: { 200: InvestmentStats },
      },
    },
    async (req) =>
      investmentStats(
        req.ctx.db,
        await registryFilter(req.ctx.db, req.ctx.actor, 'registry.stats.read'),
        req.query,
        req.ctx.lang,
      ),
  );

  app.get(
    '/registry/stats/capital',
    {
      config: statsRead,
      schema: {
        tags,
        summary: 'Dự án còn hiệu lực và vốn đăng ký tại một ngày',
        querystring: CapitalStatsQuery,
        response: { 200: CapitalStats },
      },
    },
    async (req) =>
      capitalAsOf(
        req.ctx.db,
        await registryFilter(req.ctx.db, req.ctx.actor, 'registry.stats.read'),
        req.query,
        req.ctx.lang,
      ),
  );

  await app.register(spreadsheetRoutes);
}
