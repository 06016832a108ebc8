import {
  CompletenessQuery,
  CompletenessView,
  DisaggregationView,
  EntryCheckResult,
  EntryProblemView,
  EntrySaveInput,
  EntrySubmitInput,
  EntryValue,
  EntryView,
  FormInput,
  FormUpdateInput,
  FormView,
  IndicatorInput,
  IndicatorUpdateInput,
  IndicatorView,
  MissingItem,
  MissingQuery,
  Obligation,
  ReminderResult,
  ReportImportResult,
  ReturnInput,
  RuleInput,
  RuleUpdateInput,
  RuleView,
  SubmissionListItem,
  SubmissionListQuery,
  SubmissionStatus,
  UnlockInput,
  UnlockView,
  ValueHistoryItem,
} from '@heza/shared/reporting';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { CONTENT_TYPES, writeTable } from '../registry/spreadsheet.ts';
import { assertAllowed } from './access.ts';
import { createForm } from './commands/create-form.ts';
import { createIndicator } from './commands/create-indicator.ts';
import { importReports, templateRows } from './commands/import-reports.ts';
import { acceptReport, returnReport } from './commands/review-report.ts';
import { createRule, deleteRule, updateRule } from './commands/rules.ts';
import { saveReportDraft } from './commands/save-report-draft.ts';
import { submitReport } from './commands/submit-report.ts';
import { grantUnlock, presentUnlock, revokeUnlock } from './commands/unlocks.ts';
import { updateForm } from './commands/update-form.ts';
import { updateIndicator } from './commands/update-indicator.ts';
import { completeness, missingReports } from './completeness.ts';
import { localiseProblems } from './entries.ts';
import { getFormDef } from './forms.ts';
import {
  checkEntryValues,
  getEntry,
  getForm,
  listDisaggregations,
  listForms,
  listIndicators,
  listSubmissions,
  listUnlocks,
  obligations,
  valueHistory,
} from './queries.ts';
import { sendRemindersNow } from './reminders.ts';
import { addDays, clock } from './schedule.ts';

/** Spreadsheet uploads arrive as raw bodies (as in the registry import); at most 16 MB. */
const FILE_LIMIT = 16 * 1024 * 1024;
const FILE_TYPES = [
  'text/csv',
  'application/csv',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

const FormParams = z.object({ formId: z.uuid() });
const ReportParams = z.object({
  formId: z.uuid(),
  enterpriseId: z.uuid(),
  periodId: z.string().regex(/^\d{4}(M\d{2}|Q\d|S\d)?$/),
});
const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const SaveResult = z.object({
  submissionId: z.string(),
  version: z.number().int(),
  problems: z.array(EntryProblemView),
});
const SubmitResult = z.object({
  submissionId: z.string(),
  status: SubmissionStatus,
  version: z.number().int(),
  changes: z.number().int(),
  warnings: z.array(EntryProblemView),
});
const ReviewResult = z.object({
  submissionId: z.string(),
  status: SubmissionStatus,
  version: z.number().int(),
});

/**
 * The reporting API: the indicator catalogue and forms (administrators), one report per form × enterprise ×
 * period (read, check, save draft, submit — by the enterprise online or by staff on its behalf), review
 * (accept, return for correction), unlock exceptions, value history and an enterprise's obligations.
 */
export async function reportingRoutes(app: App) {
  const tags = ['reporting'];
  const indicatorRead = { access: { action: 'reporting.indicator.read' } };
  const indicatorWrite = { access: { action: 'reporting.indicator.write' } };
  const formRead = { access: { action: 'reporting.form.read' } };
  const formWrite = { access: { action: 'reporting.form.write' } };
  const subRead = { access: { action: 'reporting.submission.read' } };
  const subWrite = { access: { action: 'reporting.submission.write' } };
  const subReview = { access: { action: 'reporting.submission.review' } };
  const unlock = { access: { action: 'reporting.unlock' } };
  const monitor = { access: { action: 'reporting.monitor.read' } };
  const importer = { access: { action: 'reporting.import' } };
  // Raw spreadsheet bodies for the import route only (a parser added inside this plugin stays here).
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: FILE_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  // Catalogue ----------------------------------------------------------------------------------------
  app.get(
    '/reporting/indicators',
    {
      config: indicatorRead,
      schema: { tags, summary: 'Danh mục chỉ tiêu', response: { 200: Items(IndicatorView) } },
    },
    async (req) => ({ items: await listIndicators(req.ctx.db) }),
  );
  app.post(
    '/reporting/indicators',
    {
      config: indicatorWrite,
      schema: { tags, summary: 'Thêm chỉ tiêu', body: IndicatorInput, response: { 201: IndicatorView } },
    },
    async (req, reply) => reply.status(201).send(await createIndicator(req.ctx, req.body)),
  );
  app.patch(
    '/reporting/indicators/:code',
    {
      config: indicatorWrite,
      schema: {
        tags,
        summary: 'Sửa chỉ tiêu',
        params: z.object({ code: z.string().max(60) }),
        body: IndicatorUpdateInput,
        response: { 200: IndicatorView },
      },
    },
    async (req) => updateIndicator(req.ctx, req.params.code, req.body),
  );
  app.get(
    '/reporting/disaggregations',
    {
      config: indicatorRead,
      schema: { tags, summary: 'Các cách phân tổ', response: { 200: Items(DisaggregationView) } },
    },
    async (req) => ({ items: await listDisaggregations(req.ctx.db) }),
  );

  // Forms and rules ----------------------------------------------------------------------------------
  app.get(
    '/reporting/forms',
    { config: formRead, schema: { tags, summary: 'Biểu mẫu báo cáo', response: { 200: Items(FormView) } } },
    async (req) => ({ items: await listForms(req.ctx) }),
  );
  app.get(
    '/reporting/forms/:formId',
    {
      config: formRead,
      schema: { tags, summary: 'Một biểu mẫu', params: FormParams, response: { 200: FormView } },
    },
    async (req) => getForm(req.ctx, req.params.formId),
  );
  app.post(
    '/reporting/forms',
    {
      config: formWrite,
      schema: { tags, summary: 'Tạo biểu mẫu', body: FormInput, response: { 201: FormView } },
    },
    async (req, reply) => reply.status(201).send(await createForm(req.ctx, req.body)),
  );
  app.patch(
    '/reporting/forms/:formId',
    {
      config: formWrite,
      schema: {
        tags,
        summary: 'Sửa biểu mẫu',
        params: FormParams,
        body: FormUpdateInput,
        response: { 200: FormView },
      },
    },
    async (req) => updateForm(req.ctx, req.params.formId, req.body),
  );
  app.post(
    '/reporting/forms/:formId/rules',
    {
      config: formWrite,
      schema: {
        tags,
        summary: 'Thêm quy tắc kiểm tra',
        params: FormParams,
        body: RuleInput,
        response: { 201: RuleView },
      },
    },
    async (req, reply) => reply.status(201).send(await createRule(req.ctx, req.params.formId, req.body)),
  );
  app.patch(
    '/reporting/rules/:ruleId',
    {
      config: formWrite,
      schema: {
        tags,
        summary: 'Sửa quy tắc kiểm tra',
        params: z.object({ ruleId: z.uuid() }),
        body: RuleUpdateInput,
        response: { 200: RuleView },
      },
    },
    async (req) => updateRule(req.ctx, req.params.ruleId, req.body),
  );
  app.delete(
    '/reporting/rules/:ruleId',
    {
      config: formWrite,
      schema: {
        tags,
        summary: 'Xóa quy tắc kiểm tra',
        params: z.object({ ruleId: z.uuid() }),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (req) => deleteRule(req.ctx, req.params.ruleId),
  );

  // Unlock exceptions ---------------------------------------------------------------------------------
  app.get(
    '/reporting/forms/:formId/unlocks',
    {
      config: unlock,
      schema: { tags, summary: 'Các lần mở khóa', params: FormParams, response: { 200: Items(UnlockView) } },
    },
    async (req) => {
      assertAllowed(req.ctx, 'reporting.unlock');
      await getFormDef(req.ctx.db, req.params.formId);
      return { items: (await listUnlocks(req.ctx.db, req.params.formId)).map(presentUnlock) };
    },
  );
  app.post(
    '/reporting/forms/:formId/unlocks',
    {
      config: unlock,
      schema: {
        tags,
        summary: 'Mở khóa nhập liệu sau ngày khóa',
        params: FormParams,
        body: UnlockInput,
        response: { 201: UnlockView },
      },
    },
    async (req, reply) => reply.status(201).send(await grantUnlock(req.ctx, req.params.formId, req.body)),
  );
  app.post(
    '/reporting/unlocks/:unlockId/revoke',
    {
      config: unlock,
      schema: {
        tags,
        summary: 'Thu hồi mở khóa',
        params: z.object({ unlockId: z.uuid() }),
        response: { 200: UnlockView },
      },
    },
    async (req) => revokeUnlock(req.ctx, req.params.unlockId),
  );

  // One report -----------------------------------------------------------------------------------------
  const report = '/reporting/forms/:formId/reports/:enterpriseId/:periodId';
  app.get(
    report,
    {
      config: subRead,
      schema: {
        tags,
        summary: 'Một báo cáo (biểu mẫu × doanh nghiệp × kỳ)',
        params: ReportParams,
        response: { 200: EntryView },
      },
    },
    async (req) => {
      const entry = await getEntry(req.ctx, req.params);
      return { ...entry, problems: localiseProblems(entry.problems, req.ctx.lang) };
    },
  );
  app.post(
    `${report}/check`,
    {
      config: subRead,
      schema: {
        tags,
        summary: 'Kiểm tra số liệu (không lưu)',
        params: ReportParams,
        body: z.object({
          values: z.array(EntryValue).max(2000),
          mode: z.enum(['draft', 'submit']).default('submit'),
        }),
        response: { 200: EntryCheckResult },
      },
    },
    async (req) => {
      const r = await checkEntryValues(req.ctx, req.params, req.body.values, req.body.mode);
      return { ...r, problems: localiseProblems(r.problems, req.ctx.lang) };
    },
  );
  app.put(
    `${report}/draft`,
    {
      config: subWrite,
      schema: {
        tags,
        summary: 'Lưu nháp',
        params: ReportParams,
        body: EntrySaveInput,
        response: { 200: SaveResult },
      },
    },
    async (req) => {
      const r = await saveReportDraft(req.ctx, req.params, req.body);
      return { ...r, problems: localiseProblems(r.problems, req.ctx.lang) };
    },
  );
  app.post(
    `${report}/submit`,
    {
      config: subWrite,
      schema: {
        tags,
        summary: 'Nộp báo cáo',
        params: ReportParams,
        body: EntrySubmitInput,
        response: { 200: SubmitResult },
      },
    },
    async (req) => {
      const r = await submitReport(req.ctx, req.params, req.body);
      return { ...r, warnings: localiseProblems(r.warnings, req.ctx.lang) };
    },
  );
  app.get(
    `${report}/history`,
    {
      config: subRead,
      schema: {
        tags,
        summary: 'Lịch sử thay đổi từng giá trị',
        params: ReportParams,
        querystring: z.object({ indicator: z.string().max(60).optional() }),
        response: { 200: Items(ValueHistoryItem) },
      },
    },
    async (req) => ({ items: await valueHistory(req.ctx, req.params, req.query.indicator) }),
  );

  // Submissions and review -------------------------------------------------------------------------------
  app.get(
    '/reporting/submissions',
    {
      config: subRead,
      schema: {
        tags,
        summary: 'Danh sách báo cáo đã lập',
        querystring: SubmissionListQuery,
        response: {
          200: z.object({
            items: z.array(SubmissionListItem),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (req) => listSubmissions(req.ctx, req.query),
  );
  app.post(
    '/reporting/submissions/:submissionId/accept',
    {
      config: subReview,
      schema: {
        tags,
        summary: 'Tiếp nhận báo cáo',
        params: z.object({ submissionId: z.uuid() }),
        response: { 200: ReviewResult },
      },
    },
    async (req) => acceptReport(req.ctx, req.params.submissionId),
  );
  app.post(
    '/reporting/submissions/:submissionId/return',
    {
      config: subReview,
      schema: {
        tags,
        summary: 'Trả lại báo cáo để chỉnh sửa',
        params: z.object({ submissionId: z.uuid() }),
        body: ReturnInput,
        response: { 200: ReviewResult },
      },
    },
    async (req) => returnReport(req.ctx, req.params.submissionId, req.body),
  );
  app.get(
    '/reporting/enterprises/:enterpriseId/obligations',
    {
      config: subRead,
      schema: {
        tags,
        summary: 'Các báo cáo doanh nghiệp phải nộp',
        params: z.object({ enterpriseId: z.uuid() }),
        querystring: z.object({
          from: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
        }),
        response: { 200: Items(Obligation) },
      },
    },
    async (req) => ({
      items: await obligations(
        req.ctx,
        req.params.enterpriseId,
        req.query.from ?? addDays(clock.today(), -366),
      ),
    }),
  );

  // Completeness, timeliness and reminders ----------------------------------------------------------------
  app.get(
    '/reporting/completeness',
    {
      config: monitor,
      schema: {
        tags,
        summary: 'Tỷ lệ nộp báo cáo và nộp đúng hạn',
        querystring: CompletenessQuery,
        response: { 200: CompletenessView },
      },
    },
    async (req) => completeness(req.ctx, req.query, req.ctx.lang === 'en' ? 'en' : 'vi'),
  );
  app.get(
    '/reporting/completeness/missing',
    {
      config: monitor,
      schema: {
        tags,
        summary: 'Doanh nghiệp chưa nộp báo cáo, kèm liên hệ',
        querystring: MissingQuery,
        response: { 200: Items(MissingItem) },
      },
    },
    async (req) => ({ items: await missingReports(req.ctx, req.query) }),
  );
  app.post(
    '/reporting/forms/:formId/reminders',
    {
      config: { access: { action: 'reporting.reminder.send' } },
      schema: {
        tags,
        summary: 'Gửi thư nhắc nộp báo cáo ngay',
        params: FormParams,
        body: z.object({ periodId: z.string().max(20) }),
        response: { 200: ReminderResult },
      },
    },
    async (req) => sendRemindersNow(req.ctx, req.params.formId, req.body.periodId),
  );

  // Spreadsheet import of paper reports ------------------------------------------------------------------
  app.get(
    '/reporting/forms/:formId/import-template',
    {
      config: importer,
      schema: {
        tags,
        summary: 'Tải mẫu nhập báo cáo giấy (XLSX hoặc CSV)',
        params: FormParams,
        querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
        response: { 200: z.unknown().describe('Tệp XLSX hoặc CSV (file)') },
      },
    },
    async (req, reply) => {
      assertAllowed(req.ctx, 'reporting.import');
      const def = await getFormDef(req.ctx.db, req.params.formId);
      const body = await writeTable(req.query.format, { name: def.form.code, rows: templateRows(def) });
      return reply
        .header('content-type', CONTENT_TYPES[req.query.format])
        .header('content-disposition', `attachment; filename="mau-${def.form.code}.${req.query.format}"`)
        .send(body);
    },
  );
  app.post(
    '/reporting/forms/:formId/import',
    {
      config: importer,
      bodyLimit: FILE_LIMIT,
      schema: {
        tags,
        summary: 'Nhập báo cáo giấy từ tệp (kiểm tra toàn bộ trước khi ghi; dryRun=true chỉ kiểm tra)',
        params: FormParams,
        querystring: z.object({
          dryRun: z.enum(['true', 'false']).default('false'),
          format: z.enum(['xlsx', 'csv']).optional(),
        }),
        response: { 200: ReportImportResult },
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
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
      assertAllowed(req.ctx, 'reporting.import');
      return importReports(req.ctx, req.params.formId, req.body, {
        dryRun: req.query.dryRun === 'true',
        format: req.query.format,
      });
    },
  );
}
