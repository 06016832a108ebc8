import { Page } from '@heza/shared';
import {
  ConsistencyView,
  CreateReportInput,
  checkContent,
  checkPattern,
  FIGURE_UNITS,
  FIGURES,
  PERIOD_TOKENS,
  REPORT_STATUSES,
  ReportContent,
  ReportFiguresView,
  ReportPreviewView,
  ReportSummaryView,
  ReportView,
  SLOT_FUNCTIONS,
  TemplateInput,
  TemplateSummaryView,
  TemplateView,
  TraceView,
  UpdateReportInput,
  UpdateTemplateInput,
  WorkflowInput,
} from '@heza/shared/official-reports';
import { z } from 'zod';
import { pdfRendererFor } from '../../platform/documents/pdf.ts';
import { contentDisposition } from '../../platform/files/files.ts';
import type { App } from '../../platform/http/types.ts';
import { approveReport } from './commands/approve-report.ts';
import { createReport } from './commands/create-report.ts';
import { createTemplate } from './commands/create-template.ts';
import { issueReport } from './commands/issue-report.ts';
import { publishReport } from './commands/publish-report.ts';
import { returnReport } from './commands/return-report.ts';
import { submitReport } from './commands/submit-report.ts';
import { updateReport } from './commands/update-report.ts';
import { updateTemplate } from './commands/update-template.ts';
import { DOCUMENT_CSS, renderHtmlFragment } from './document/html.ts';
import {
  getReport,
  getTemplate,
  listReports,
  listTemplates,
  reportConsistency,
  reportDocument,
  reportFigures,
} from './queries.ts';
import { renderReportFile } from './render.ts';
import { ensureShippedTemplates } from './templates/shipped.ts';
import { figureRecords } from './trace.ts';

const IdParams = z.object({ id: z.uuid() });
const CodeParams = z.object({ code: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/) });
const FileParams = z.object({ id: z.uuid(), format: z.enum(['docx', 'pdf']) });
const FigureParams = z.object({ id: z.uuid(), key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9.]{0,80}$/) });
const Catalogue = z.object({
  figures: z.array(
    z.object({
      key: z.string(),
      group: z.string(),
      labelVi: z.string(),
      labelEn: z.string(),
      kind: z.string(),
      unitVi: z.string(),
      unitEn: z.string(),
    }),
  ),
  periodTokens: z.array(z.string()),
  functions: z.array(z.string()),
});
const CheckResult = z.object({
  problems: z.array(z.object({ field: z.string(), slot: z.string(), vi: z.string(), en: z.string() })),
});

/**
 * Official reports: templates as data (slot-checked on save), reports made from them with the workflow
 * draft → submitted → approved → issued (numbered) → published, their figures (live or frozen), HTML preview,
 * DOCX and PDF, the consistency check and the records behind each figure. Routes parse, call one command or
 * query, present; permissions are in migration 0080 (README.md).
 */
export async function officialReportsRoutes(app: App) {
  const tags = ['official-reports'];
  const templateRead = { access: { action: 'official_reports.template.read' } };
  const templateWrite = { access: { action: 'official_reports.template.write' } };
  const read = { access: { action: 'official_reports.report.read' } };
  const pdf = pdfRendererFor(app);
  // The shipped templates are data: inserted once when missing, never overwritten.
  app.addHook('onReady', async () => {
    await ensureShippedTemplates(app.deps.db);
  });

  // Templates ------------------------------------------------------------------------------------------
  app.get(
    '/official-reports/templates',
    {
      config: templateRead,
      schema: {
        tags,
        summary: 'Danh sách mẫu báo cáo',
        querystring: z.object({ includeInactive: z.stringbool().default(false) }),
        response: { 200: z.object({ items: z.array(TemplateSummaryView) }) },
      },
    },
    async (req) => ({ items: await listTemplates(req.ctx.db, req.query) }),
  );

  app.get(
    '/official-reports/templates/:code',
    {
      config: templateRead,
      schema: {
        tags,
        summary: 'Mẫu báo cáo và nội dung',
        params: CodeParams,
        response: { 200: TemplateView },
      },
    },
    async (req) => getTemplate(req.ctx.db, req.params.code),
  );

  app.post(
    '/official-reports/templates',
    {
      config: templateWrite,
      schema: { tags, summary: 'Tạo mẫu báo cáo', body: TemplateInput, response: { 201: TemplateView } },
    },
    async (req, reply) => reply.code(201).send(await createTemplate(req.ctx, req.body)),
  );

  app.put(
    '/official-reports/templates/:code',
    {
      config: templateWrite,
      schema: {
        tags,
        summary: 'Sửa mẫu báo cáo (phiên bản mới)',
        params: CodeParams,
        body: UpdateTemplateInput,
        response: { 200: TemplateView },
      },
    },
    async (req) => updateTemplate(req.ctx, req.params.code, req.body),
  );

  app.get(
    '/official-reports/figures/catalogue',
    {
      config: templateRead,
      schema: { tags, summary: 'Danh mục số liệu dùng trong câu tính sẵn', response: { 200: Catalogue } },
    },
    async () => ({
      figures: FIGURES.map((f) => ({
        key: f.key,
        group: f.group,
        labelVi: f.labelVi,
        labelEn: f.labelEn,
        kind: f.kind,
        unitVi: FIGURE_UNITS[f.unit].vi,
        unitEn: FIGURE_UNITS[f.unit].en,
      })),
      periodTokens: [...PERIOD_TOKENS],
      functions: [...SLOT_FUNCTIONS],
    }),
  );

  app.post(
    '/official-reports/templates/check',
    {
      config: templateRead,
      schema: {
        tags,
        summary: 'Kiểm tra các ô số liệu của một câu hoặc của cả nội dung (không lưu)',
        body: z.union([z.object({ pattern: z.string().max(10_000) }), z.object({ content: ReportContent })]),
        response: { 200: CheckResult },
      },
    },
    async (req) => {
      const body = req.body;
      if ('pattern' in body)
        return { problems: checkPattern(body.pattern).map((p) => ({ field: 'pattern', ...p })) };
      return { problems: checkContent(body.content) };
    },
  );

  // Reports --------------------------------------------------------------------------------------------
  app.get(
    '/official-reports/reports',
    {
      config: read,
      schema: {
        tags,
        summary: 'Danh sách báo cáo',
        querystring: z.object({
          status: z.enum(REPORT_STATUSES).optional(),
          templateCode: z.string().max(41).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: { 200: Page(ReportSummaryView) },
      },
    },
    async (req) => listReports(req.ctx.db, req.query),
  );

  app.post(
    '/official-reports/reports',
    {
      config: { access: { action: 'official_reports.report.write' } },
      schema: {
        tags,
        summary: 'Tạo báo cáo từ mẫu cho một kỳ (dự thảo)',
        body: CreateReportInput,
        response: { 201: ReportView },
      },
    },
    async (req, reply) => reply.code(201).send(await createReport(req.ctx, req.body)),
  );

  app.get(
    '/official-reports/reports/:id',
    { config: read, schema: { tags, summary: 'Báo cáo', params: IdParams, response: { 200: ReportView } } },
    async (req) => getReport(req.ctx, req.params.id),
  );

  app.put(
    '/official-reports/reports/:id',
    {
      config: { access: { action: 'official_reports.report.write' } },
      schema: {
        tags,
        summary: 'Sửa dự thảo báo cáo',
        params: IdParams,
        body: UpdateReportInput,
        response: { 200: ReportView },
      },
    },
    async (req) => updateReport(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/official-reports/reports/:id/figures',
    {
      config: read,
      schema: {
        tags,
        summary: 'Số liệu của báo cáo (tính lại, hoặc đã cố định khi ban hành)',
        params: IdParams,
        response: { 200: ReportFiguresView },
      },
    },
    async (req) => reportFigures(req.ctx.db, req.params.id, req.ctx.lang),
  );

  app.get(
    '/official-reports/reports/:id/figures/:key/records',
    {
      config: read,
      schema: {
        tags,
        summary: 'Các bản ghi tạo nên một số liệu (trong phạm vi quản lý của người xem)',
        params: FigureParams,
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: TraceView },
      },
    },
    async (req) => figureRecords(req.ctx, req.params.id, req.params.key, req.query.page, req.query.pageSize),
  );

  app.get(
    '/official-reports/reports/:id/preview',
    {
      config: read,
      schema: {
        tags,
        summary: 'Xem trước báo cáo (HTML)',
        params: IdParams,
        response: { 200: ReportPreviewView },
      },
    },
    async (req) => {
      const state = await reportDocument(req.ctx.db, req.params.id);
      return {
        html: renderHtmlFragment(state.composed.doc),
        css: DOCUMENT_CSS,
        missing: state.composed.missing,
        footnotes: state.composed.doc.footnotes.length,
      };
    },
  );

  app.get(
    '/official-reports/reports/:id/consistency',
    {
      config: read,
      schema: {
        tags,
        summary: 'Kiểm tra số gõ tay trong phần viết so với số liệu tính được',
        params: IdParams,
        response: { 200: ConsistencyView },
      },
    },
    async (req) => ({ findings: await reportConsistency(req.ctx.db, req.params.id) }),
  );

  app.get(
    '/official-reports/reports/:id/document.:format',
    {
      config: read,
      schema: { tags, summary: 'Tải báo cáo dạng DOCX (Nghị định 30/2020) hoặc PDF', params: FileParams },
    },
    async (req, reply) => {
      const f = await renderReportFile(req.ctx.db, req.params.id, req.params.format, pdf);
      if (f.engine) reply.header('x-pdf-engine', f.engine);
      return reply
        .header('content-type', f.contentType)
        .header('content-disposition', contentDisposition(f.fileName, 'attachment'))
        .header('cache-control', 'private, no-store')
        .send(f.bytes);
    },
  );

  const step = (path: string, action: string, summary: string, run: typeof submitReport) =>
    app.post(
      `/official-reports/reports/:id/${path}`,
      {
        config: { access: { action } },
        schema: { tags, summary, params: IdParams, body: WorkflowInput, response: { 200: ReportView } },
      },
      async (req) => run(req.ctx, req.params.id, req.body),
    );
  step('submit', 'official_reports.report.submit', 'Trình duyệt', submitReport);
  step('return', 'official_reports.report.approve', 'Trả lại để sửa (kèm lý do)', returnReport);
  step('approve', 'official_reports.report.approve', 'Duyệt', approveReport);
  step('issue', 'official_reports.report.issue', 'Ban hành: cấp số văn bản đi, cố định số liệu', issueReport);
  step('publish', 'official_reports.report.publish', 'Công bố', publishReport);
}
