import {
  AppointmentQuery,
  AppointmentView,
  AssignInput,
  CatalogueQuery,
  CounterIntakeInput,
  DossierListQuery,
  DossierSummary,
  DossierView,
  ExtensionInput,
  IsoDate,
  NoteInput,
  Page,
  ProcedureSummary,
  ProcedureVersionInput,
  ProcedureView,
  ProvideSupplementInput,
  QueueQuery,
  ReasonInput,
  ResultInput,
  ReturnInput,
  ScorecardView,
  StatisticsQuery,
  StatisticsView,
  StoredFileView,
  SubmissionView,
  SubmitDossierInput,
  SupplementRequestInput,
  TrackQuery,
  TrackView,
  toIsoDateVn,
} from '@heza/shared';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { pdfRendererFor } from '../../platform/documents/pdf.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import {
  contentDisposition,
  findStoredFiles,
  MAX_UPLOAD_BYTES,
  readStoredFile,
  storeUpload,
} from '../../platform/files/files.ts';
import type { App } from '../../platform/http/types.ts';
import { getCalendar } from '../calendar/service.ts';
import { getProcedureOn, listCatalogue, listProcedureVersions } from './catalogue.ts';
import { archiveDossier } from './commands/archive-dossier.ts';
import { assignStep } from './commands/assign-step.ts';
import { claimStep } from './commands/claim-step.ts';
import { completeStep } from './commands/complete-step.ts';
import { createProcedureVersion } from './commands/create-procedure-version.ts';
import { extendDeadline } from './commands/extend-deadline.ts';
import { intakeAtCounter } from './commands/intake-at-counter.ts';
import { provideSupplement } from './commands/provide-supplement.ts';
import { receiveDossier } from './commands/receive-dossier.ts';
import { recordResult } from './commands/record-result.ts';
import { rejectDossier } from './commands/reject-dossier.ts';
import { requestAppraisalSupplement } from './commands/request-appraisal-supplement.ts';
import { requestIntakeSupplement } from './commands/request-intake-supplement.ts';
import { returnResult } from './commands/return-result.ts';
import { stopDossier } from './commands/stop-dossier.ts';
import { submitDossier } from './commands/submit-dossier.ts';
import { transferDossier } from './commands/transfer-dossier.ts';
import { withdrawDossier } from './commands/withdraw-dossier.ts';
import { proceduresDeps } from './deps.ts';
import { type RenderedFile, renderForm } from './documents.ts';
import type { FormNumber } from './forms.ts';
import { trackingLimitConfig } from './public/limits.ts';
import {
  assertDossierFile,
  getDossier,
  getDossierWithSecret,
  getReadableDossier,
  listDossiers,
  workQueue,
} from './queries.ts';
import { getScorecard, getStatistics } from './statistics.ts';
import { appointmentOf, now } from './time.ts';
import { trackingCacheFor } from './tracking-cache.ts';

const IdParams = z.object({ id: z.uuid() });
const CodeParams = z.object({ code: z.string().min(1).max(60) });
const FormParams = z.object({
  id: z.uuid(),
  form: z.enum(['01', '02', '03', '04', '05', '06']),
  format: z.enum(['pdf', 'docx']),
});
const PublicFormParams = z.object({
  id: z.uuid(),
  form: z.enum(['01', '02', '03', '04', '05']),
  format: z.enum(['pdf', 'docx']),
});
const FileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
const SecretQuery = z.object({ secret: z.string().trim().toUpperCase().max(4) });
const UploadQuery = z.object({ name: z.string().trim().min(1).max(255) });

/** Sends a rendered or stored file. */
function sendFile(reply: FastifyReply, f: RenderedFile, disposition: 'attachment' | 'inline' = 'attachment') {
  return reply
    .header('content-type', f.contentType)
    .header('content-disposition', contentDisposition(f.fileName, disposition))
    .header('cache-control', 'private, no-store')
    .send(f.bytes);
}

/** One-stop procedures: catalogue, uploads, dossiers and their transitions, forms, tracking, statistics. */
export async function proceduresRoutes(app: App) {
  const tags = ['procedures'];
  const deps = () => proceduresDeps(app);
  const pdf = pdfRendererFor(app);

  // Catalogue ----------------------------------------------------------------------------------------
  app.get(
    '/procedures/catalogue',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Danh mục thủ tục hành chính đang có hiệu lực',
        querystring: CatalogueQuery,
        response: { 200: z.array(ProcedureSummary) },
      },
    },
    async (req) => listCatalogue(req.ctx.db, { ...req.query, on: req.query.on ?? toIsoDateVn(now()) }),
  );

  app.get(
    '/procedures/catalogue/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Chi tiết thủ tục (thành phần hồ sơ, thời hạn, phí, các bước)',
        params: CodeParams,
        querystring: z.object({ on: IsoDate.optional() }),
        response: { 200: ProcedureView },
      },
    },
    async (req) => getProcedureOn(req.ctx.db, req.params.code, req.query.on ?? toIsoDateVn(now())),
  );

  app.get(
    '/procedures/catalogue/:code/appointment',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Ngày hẹn trả kết quả nếu hồ sơ được tiếp nhận vào thời điểm đã cho',
        params: CodeParams,
        querystring: AppointmentQuery,
        response: { 200: AppointmentView },
      },
    },
    async (req) => {
      const at = req.query.at ? new Date(req.query.at) : now();
      const p = await getProcedureOn(req.ctx.db, req.params.code, toIsoDateVn(at));
      const appt = appointmentOf(await getCalendar(req.ctx.db), at, p.timeLimitDays, p.cutoff);
      return {
        receivedAt: at.toISOString(),
        countingFrom: appt.countingFrom,
        dueDate: appt.dueDate,
        dueAt: appt.dueAt.toISOString(),
        timeLimitDays: p.timeLimitDays,
        cutoff: p.cutoff,
      };
    },
  );

  app.get(
    '/procedures/catalogue/:code/versions',
    {
      config: { access: { action: 'procedures.catalogue.read' } },
      schema: {
        tags,
        summary: 'Các phiên bản của một thủ tục',
        params: CodeParams,
        response: { 200: z.array(ProcedureView) },
      },
    },
    async (req) => listProcedureVersions(req.ctx.db, req.params.code),
  );

  app.post(
    '/procedures/catalogue',
    {
      config: { access: { action: 'procedures.catalogue.write' } },
      schema: {
        tags,
        summary: 'Thêm thủ tục hoặc phiên bản mới của thủ tục',
        body: ProcedureVersionInput,
        response: { 201: ProcedureView },
      },
    },
    async (req, reply) => reply.status(201).send(await createProcedureVersion(req.ctx, req.body)),
  );

  // Uploads: the raw file is the body (one file per request); its type is sniffed from the content.
  await app.register(async (scope: App) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/procedures/uploads',
      {
        bodyLimit: MAX_UPLOAD_BYTES,
        config: { access: 'public', rateLimit: { max: 60, timeWindow: '10 minutes' } },
        schema: {
          tags,
          summary: 'Tải lên một tệp hồ sơ (PDF, JPEG, PNG, DOCX, XLSX; tối đa 10 MB; kiểm tra nội dung thật)',
          querystring: UploadQuery,
          response: { 201: StoredFileView },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const f = await storeUpload(req.ctx.db, app.deps.config.dataDir, {
          bytes: req.body,
          declaredType: req.headers['content-type'] ?? null,
          originalName: req.query.name,
          uploadedBy: req.ctx.actor?.id ?? null,
          ip: req.ctx.ip,
        });
        return reply.status(201).send({
          id: f.id,
          name: f.originalName,
          mediaType: f.mediaType,
          sizeBytes: f.sizeBytes,
          sha256: f.sha256,
        });
      },
    );
  });

  // Intake -------------------------------------------------------------------------------------------
  app.post(
    '/procedures/dossiers',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary: 'Nộp hồ sơ trực tuyến (tài khoản doanh nghiệp, hoặc khách có email và điện thoại)',
        body: SubmitDossierInput,
        response: { 201: SubmissionView },
      },
    },
    async (req, reply) => reply.status(201).send(await submitDossier(req.ctx, deps(), req.body)),
  );

  app.post(
    '/procedures/dossiers/counter',
    {
      config: { access: { action: 'procedures.dossier.intake' } },
      schema: {
        tags,
        summary: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa: tiếp nhận, yêu cầu bổ sung hoặc từ chối',
        body: CounterIntakeInput,
        response: { 201: DossierView },
      },
    },
    async (req, reply) => reply.status(201).send(await intakeAtCounter(req.ctx, deps(), req.body)),
  );

  // Reading ------------------------------------------------------------------------------------------
  app.get(
    '/procedures/dossiers',
    {
      config: { access: { action: 'procedures.dossier.read' } },
      schema: {
        tags,
        summary: 'Danh sách hồ sơ',
        querystring: DossierListQuery,
        response: { 200: Page(DossierSummary) },
      },
    },
    async (req) => listDossiers(req.ctx, req.query),
  );

  app.get(
    '/procedures/queue',
    {
      config: { access: { action: 'procedures.dossier.read' } },
      schema: {
        tags,
        summary: 'Hồ sơ cần xử lý của đơn vị và vai trò của tôi',
        querystring: QueueQuery,
        response: { 200: Page(DossierSummary) },
      },
    },
    async (req) => workQueue(req.ctx, req.query),
  );

  app.get(
    '/procedures/dossiers/:id',
    {
      config: { access: { action: 'procedures.dossier.read' } },
      schema: { tags, summary: 'Chi tiết hồ sơ', params: IdParams, response: { 200: DossierView } },
    },
    async (req) => getDossier(req.ctx, req.params.id),
  );

  app.get(
    '/procedures/dossiers/:id/forms/:form/:format',
    {
      config: { access: { action: 'procedures.dossier.read' } },
      schema: { tags, summary: 'Biểu mẫu của hồ sơ (Mẫu 01–06) dạng PDF hoặc DOCX', params: FormParams },
    },
    async (req, reply) => {
      const d = await getReadableDossier(req.ctx, req.params.id);
      return sendFile(
        reply,
        await renderForm(req.ctx.db, pdf, d, req.params.form as FormNumber, req.params.format),
      );
    },
  );

  app.get(
    '/procedures/dossiers/:id/files/:fileId',
    {
      config: { access: { action: 'procedures.dossier.read' } },
      schema: { tags, summary: 'Tải tệp của hồ sơ', params: FileParams },
    },
    async (req, reply) => {
      const d = await getReadableDossier(req.ctx, req.params.id);
      await assertDossierFile(req.ctx.db, d, req.params.fileId);
      const f = (await findStoredFiles(req.ctx.db, [req.params.fileId])).get(req.params.fileId)!;
      return sendFile(reply, {
        bytes: await readStoredFile(app.deps.config.dataDir, f),
        contentType: f.mediaType,
        fileName: f.originalName,
      });
    },
  );

  // Transitions --------------------------------------------------------------------------------------
  const transition = <S extends z.ZodType>(
    path: string,
    action: string,
    summary: string,
    body: S,
    run: (req: {
      ctx: Parameters<typeof getDossier>[0];
      id: string;
      body: z.output<S>;
    }) => Promise<DossierView>,
  ) =>
    app.post(
      `/procedures/dossiers/:id/${path}`,
      {
        config: { access: { action } },
        schema: { tags, summary, params: IdParams, body, response: { 200: DossierView } },
      },
      async (req) => run({ ctx: req.ctx, id: req.params.id, body: req.body as z.output<S> }),
    );

  transition(
    'receive',
    'procedures.dossier.intake',
    'Tiếp nhận hồ sơ nộp trực tuyến (cấp mã, giấy hẹn)',
    NoteInput,
    (r) => receiveDossier(r.ctx, deps(), r.id, r.body),
  );
  transition(
    'intake-supplement',
    'procedures.dossier.intake',
    'Yêu cầu bổ sung khi tiếp nhận (Mẫu 02)',
    SupplementRequestInput,
    (r) => requestIntakeSupplement(r.ctx, deps(), r.id, r.body),
  );
  transition('reject', 'procedures.dossier.intake', 'Từ chối tiếp nhận (Mẫu 03)', ReasonInput, (r) =>
    rejectDossier(r.ctx, deps(), r.id, r.body),
  );
  transition(
    'supplement/counter',
    'procedures.dossier.intake',
    'Ghi nhận hồ sơ bổ sung nộp tại quầy',
    ProvideSupplementInput,
    (r) => provideSupplement(r.ctx, deps(), r.id, r.body, 'counter'),
  );
  transition('transfer', 'procedures.dossier.intake', 'Chuyển hồ sơ cho đơn vị xử lý', NoteInput, (r) =>
    transferDossier(r.ctx, r.id, r.body),
  );
  transition('claim', 'procedures.dossier.process', 'Nhận xử lý bước hiện tại', z.object({}), (r) =>
    claimStep(r.ctx, r.id),
  );
  transition('assign', 'procedures.dossier.process', 'Giao bước hiện tại cho cán bộ', AssignInput, (r) =>
    assignStep(r.ctx, r.id, r.body.userId),
  );
  transition('result', 'procedures.dossier.process', 'Ghi nhận kết quả giải quyết', ResultInput, (r) =>
    recordResult(r.ctx, r.id, r.body),
  );
  transition(
    'complete-step',
    'procedures.dossier.process',
    'Hoàn thành bước hiện tại, chuyển bước tiếp theo',
    NoteInput,
    (r) => completeStep(r.ctx, deps(), r.id, r.body),
  );
  transition(
    'appraisal-supplement',
    'procedures.dossier.process',
    'Yêu cầu bổ sung trong quá trình thẩm định (Mẫu 02)',
    SupplementRequestInput,
    (r) => requestAppraisalSupplement(r.ctx, deps(), r.id, r.body),
  );
  transition(
    'extend',
    'procedures.dossier.process',
    'Văn bản xin lỗi và gia hạn (Mẫu 04)',
    ExtensionInput,
    (r) => extendDeadline(r.ctx, deps(), r.id, r.body),
  );
  transition('stop', 'procedures.dossier.process', 'Dừng giải quyết hồ sơ (Mẫu 05)', ReasonInput, (r) =>
    stopDossier(r.ctx, deps(), r.id, r.body),
  );
  transition(
    'return',
    'procedures.dossier.intake',
    'Trả kết quả (trực tuyến, tại quầy, bưu chính)',
    ReturnInput,
    (r) => returnResult(r.ctx, deps(), r.id, r.body),
  );
  transition('archive', 'procedures.dossier.intake', 'Lưu trữ hồ sơ đã kết thúc', NoteInput, (r) =>
    archiveDossier(r.ctx, r.id, r.body),
  );
  transition(
    'withdraw',
    'procedures.dossier.intake',
    'Rút hồ sơ theo đề nghị của người nộp',
    ReasonInput,
    (r) => withdrawDossier(r.ctx, deps(), r.id, r.body),
  );

  app.post(
    '/procedures/dossiers/:id/supplement',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary: 'Người nộp bổ sung hồ sơ trực tuyến (tài khoản doanh nghiệp hoặc mã tra cứu)',
        params: IdParams,
        body: ProvideSupplementInput,
        response: { 200: z.object({ id: z.string(), status: z.string() }) },
      },
    },
    async (req) => {
      const view = await provideSupplement(req.ctx, deps(), req.params.id, req.body, 'applicant');
      // The applicant gets the state only; staff views hold internal notes.
      return { id: view.id, status: view.status };
    },
  );

  // Public lookups by code / id and the receipt secret -----------------------------------------------
  app.get(
    '/public/dossiers/track',
    {
      // The secret is in the query string: no per-request access log line (errors are still logged).
      logLevel: 'warn',
      config: { access: 'public', rateLimit: trackingLimitConfig() },
      schema: {
        tags,
        summary: 'Tra cứu tiến độ hồ sơ bằng mã hồ sơ và mã tra cứu',
        querystring: TrackQuery,
        response: { 200: TrackView },
      },
    },
    async (req) => {
      const found = await trackingCacheFor(app.deps).track(req.ctx.db, req.query.code, req.query.secret);
      if (!found)
        throw notFound({
          vi: 'hồ sơ với mã và mã tra cứu này',
          en: 'A dossier with this code and lookup key',
        });
      const { id: _id, ...view } = found;
      return view;
    },
  );

  app.get(
    '/public/dossiers/:id/forms/:form/:format',
    {
      // The secret is in the query string: no per-request access log line (errors are still logged).
      logLevel: 'warn',
      config: { access: 'public', rateLimit: trackingLimitConfig() },
      schema: {
        tags,
        summary: 'Người nộp tải biểu mẫu của hồ sơ (cần mã tra cứu)',
        params: PublicFormParams,
        querystring: SecretQuery,
      },
    },
    async (req, reply) => {
      const d = await getDossierWithSecret(req.ctx.db, req.params.id, req.query.secret);
      return sendFile(
        reply,
        await renderForm(req.ctx.db, pdf, d, req.params.form as FormNumber, req.params.format),
      );
    },
  );

  app.get(
    '/public/dossiers/:id/result',
    {
      // The secret is in the query string: no per-request access log line (errors are still logged).
      logLevel: 'warn',
      config: { access: 'public', rateLimit: trackingLimitConfig() },
      schema: {
        tags,
        summary: 'Người nộp nhận kết quả trực tuyến (cần mã tra cứu)',
        params: IdParams,
        querystring: SecretQuery,
      },
    },
    async (req, reply) => {
      const d = await getDossierWithSecret(req.ctx.db, req.params.id, req.query.secret);
      if (
        !d.result_file_id ||
        !['result_ready', 'returned', 'archived'].includes(d.status) ||
        d.return_method !== 'online'
      ) {
        throw new AppError('INVALID_STATE', { params: { status: d.status } });
      }
      const f = (await findStoredFiles(req.ctx.db, [d.result_file_id])).get(d.result_file_id)!;
      return sendFile(reply, {
        bytes: await readStoredFile(app.deps.config.dataDir, f),
        contentType: f.mediaType,
        fileName: f.originalName,
      });
    },
  );

  // Statistics ---------------------------------------------------------------------------------------
  app.get(
    '/procedures/statistics',
    {
      config: { access: { action: 'procedures.stats.read' } },
      schema: {
        tags,
        summary: 'Thống kê hồ sơ theo thủ tục, đơn vị và kỳ',
        querystring: StatisticsQuery,
        response: { 200: StatisticsView },
      },
    },
    async (req) => getStatistics(req.ctx, req.query),
  );

  app.get(
    '/procedures/scorecard',
    {
      config: { access: { action: 'procedures.stats.read' } },
      schema: {
        tags,
        summary: 'Bảng điểm chất lượng giải quyết hồ sơ cho lãnh đạo',
        querystring: z.object({ period: z.string().max(12) }),
        response: { 200: ScorecardView },
      },
    },
    async (req) => getScorecard(req.ctx, req.query.period),
  );
}
