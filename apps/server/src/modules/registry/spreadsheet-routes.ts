import { randomUUID } from 'node:crypto';
import {
  EnterpriseListQuery,
  type ImportEntity,
  ImportEntity as ImportEntitySchema,
  ImportReport,
  LedgerListQuery,
  ProjectListQuery,
  SpreadsheetFormat,
  todayVn,
  ZoneListQuery,
} from '@heza/shared/registry';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { importRegistryFile } from './commands/import-registry-file.ts';
import {
  exportEnterprises,
  exportExchangeRates,
  exportLedger,
  exportPlans,
  exportProjects,
  exportZoneAreas,
  exportZoneEvents,
  exportZones,
} from './export.ts';
import { templateRows } from './import-formats.ts';
import { registryFilter } from './scope.ts';
import { CONTENT_TYPES, type SheetData, writeTable } from './spreadsheet.ts';

const FILE_TYPES = [
  'text/csv',
  'text/plain',
  'application/csv',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
/** Uploads up to 64 MB (a 50 000-row ledger is about 8 MB as CSV). */
const FILE_LIMIT = 64 * 1024 * 1024;

const FormatQuery = z.object({ format: SpreadsheetFormat.default('xlsx') });
const FileResponse = { 200: z.unknown().describe('Tệp XLSX hoặc CSV (file)') };

async function sendSheet(reply: FastifyReply, format: 'xlsx' | 'csv', sheet: SheetData, name: string) {
  const body = await writeTable(format, sheet);
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${name}-${todayVn()}.${format}"`)
    .send(body);
}

/** An import running in the background, for the progress bar of the web import screen. */
interface ImportJob {
  id: string;
  userId: string | null;
  entity: ImportEntity;
  status: 'running' | 'done' | 'failed';
  phase: 'validate' | 'write';
  done: number;
  total: number;
  report: ImportReport | null;
  startedAt: number;
}

const ImportJobView = z.object({
  id: z.string(),
  entity: ImportEntitySchema,
  status: z.enum(['running', 'done', 'failed']),
  phase: z.enum(['validate', 'write']),
  done: z.number().int(),
  total: z.number().int(),
  report: ImportReport.nullable(),
});

/** Jobs live in this process only: a restart loses the progress, never data (an import is one transaction). */
const jobs = new Map<string, ImportJob>();
const JOB_TTL_MS = 3600_000;

function view(job: ImportJob) {
  const { userId: _u, startedAt: _s, ...rest } = job;
  return rest;
}

/**
 * Spreadsheet import and export: template downloads, synchronous and background imports (with progress), and
 * an XLSX/CSV export of every registry list in the import format.
 */
export async function spreadsheetRoutes(app: App) {
  const tags = ['registry'];
  // Spreadsheet uploads arrive as raw bodies; these parsers exist only inside this plugin.
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: FILE_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/registry/import/templates/:entity',
    {
      config: { access: { action: 'registry.import' } },
      schema: {
        tags,
        summary: 'Tải mẫu nhập dữ liệu (XLSX hoặc CSV)',
        params: z.object({ entity: ImportEntitySchema }),
        querystring: FormatQuery,
        response: FileResponse,
      },
    },
    async (req, reply) =>
      sendSheet(
        reply,
        req.query.format,
        { name: req.params.entity, rows: templateRows(req.params.entity) },
        `mau-${req.params.entity}`,
      ),
  );

  const importSchema = {
    tags,
    params: z.object({ entity: ImportEntitySchema }),
    querystring: z.object({
      dryRun: z.enum(['true', 'false']).default('false'),
      format: SpreadsheetFormat.optional(),
    }),
    consumes: [
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/octet-stream',
    ],
  };
  const fileOf = (body: unknown): Buffer => {
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
        details: [
          {
            field: 'file',
            message:
              'Gửi tệp XLSX hoặc CSV làm nội dung yêu cầu. / Send the XLSX or CSV file as the request body.',
          },
        ],
      });
    }
    return body;
  };

  app.post(
    '/registry/import/:entity',
    {
      config: { access: { action: 'registry.import' } },
      bodyLimit: FILE_LIMIT,
      schema: {
        ...importSchema,
        summary: 'Nhập dữ liệu từ tệp (kiểm tra toàn bộ trước khi ghi; dryRun=true chỉ kiểm tra)',
        response: { 200: ImportReport },
      },
    },
    async (req) =>
      importRegistryFile(req.ctx, req.params.entity, fileOf(req.body), {
        dryRun: req.query.dryRun === 'true',
        format: req.query.format,
      }),
  );

  app.post(
    '/registry/import/:entity/jobs',
    {
      config: { access: { action: 'registry.import' } },
      bodyLimit: FILE_LIMIT,
      schema: {
        ...importSchema,
        summary: 'Nhập dữ liệu chạy nền, theo dõi tiến độ qua /registry/import/jobs/:id',
        response: { 202: ImportJobView },
      },
    },
    async (req, reply) => {
      const file = fileOf(req.body);
      const now = Date.now();
      for (const [id, j] of jobs) if (now - j.startedAt > JOB_TTL_MS) jobs.delete(id);
      const job: ImportJob = {
        id: randomUUID(),
        userId: req.ctx.actor?.id ?? null,
        entity: req.params.entity,
        status: 'running',
        phase: 'validate',
        done: 0,
        total: 0,
        report: null,
        startedAt: now,
      };
      jobs.set(job.id, job);
      const ctx = { ...req.ctx };
      importRegistryFile(ctx, req.params.entity, file, {
        dryRun: req.query.dryRun === 'true',
        format: req.query.format,
        onProgress: (p) => Object.assign(job, p),
      }).then(
        (report) => Object.assign(job, { status: 'done', report, done: job.total }),
        (err) => {
          req.log.error({ err }, 'background import failed');
          Object.assign(job, { status: 'failed' });
        },
      );
      return reply.status(202).send(view(job));
    },
  );

  app.get(
    '/registry/import/jobs/:id',
    {
      config: { access: { action: 'registry.import' } },
      schema: {
        tags,
        summary: 'Tiến độ một lần nhập chạy nền',
        params: z.object({ id: z.uuid() }),
        response: { 200: ImportJobView },
      },
    },
    async (req) => {
      const job = jobs.get(req.params.id);
      // Another user's job is as invisible as a missing one.
      if (!job || job.userId !== (req.ctx.actor?.id ?? null))
        throw new AppError('NOT_FOUND', { params: { entity: { vi: 'lần nhập', en: 'Import' } } });
      return view(job);
    },
  );

  // Exports --------------------------------------------------------------------------------------------------
  const exportRoute = <Q extends z.ZodObject>(
    url: string,
    action: string,
    summary: string,
    query: Q,
    build: (
      filter: Awaited<ReturnType<typeof registryFilter>>,
      q: z.output<Q> & { format: 'xlsx' | 'csv' },
    ) => Promise<SheetData>,
  ) =>
    app.get(
      url,
      {
        config: { access: { action } },
        schema: { tags, summary, querystring: query.extend(FormatQuery.shape), response: FileResponse },
      },
      async (req, reply) => {
        const q = req.query as z.output<Q> & { format: 'xlsx' | 'csv' };
        const sheet = await build(await registryFilter(req.ctx.db, req.ctx.actor, action), q);
        return sendSheet(reply, q.format, sheet, sheet.name);
      },
    );

  const listOnly = <T extends z.ZodObject>(s: T) =>
    s.omit({ page: true, pageSize: true } as never) as unknown as T;
  exportRoute('/zones/export', 'registry.zone.read', 'Xuất danh sách khu', listOnly(ZoneListQuery), (f, q) =>
    exportZones(app.deps.db, f, q),
  );
  exportRoute(
    '/zones/events/export',
    'registry.zone.read',
    'Xuất sự kiện vòng đời các khu',
    z.object({}),
    (f) => exportZoneEvents(app.deps.db, f),
  );
  exportRoute('/zones/areas/export', 'registry.zone.read', 'Xuất diện tích các khu', z.object({}), (f) =>
    exportZoneAreas(app.deps.db, f),
  );
  exportRoute(
    '/enterprises/export',
    'registry.enterprise.read',
    'Xuất danh sách doanh nghiệp',
    listOnly(EnterpriseListQuery),
    (f, q) => exportEnterprises(app.deps.db, f, q),
  );
  exportRoute(
    '/projects/export',
    'registry.project.read',
    'Xuất danh sách dự án',
    listOnly(ProjectListQuery),
    (f, q) => exportProjects(app.deps.db, f, q),
  );
  exportRoute(
    '/ledger/export',
    'registry.project.read',
    'Xuất sổ giấy chứng nhận',
    listOnly(LedgerListQuery),
    (f, q) => exportLedger(app.deps.db, f, q),
  );
  exportRoute('/plans/export', 'registry.plan.read', 'Xuất kế hoạch, chỉ tiêu', z.object({}), () =>
    exportPlans(app.deps.db),
  );
  exportRoute('/exchange-rates/export', 'registry.plan.read', 'Xuất tỷ giá', z.object({}), () =>
    exportExchangeRates(app.deps.db),
  );
}
