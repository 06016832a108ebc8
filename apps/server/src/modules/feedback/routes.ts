import {
  AnswerFeedbackInput,
  CounterFeedbackInput,
  FeedbackCategoryInput,
  FeedbackCategoryView,
  FeedbackListQuery,
  FeedbackNoteInput,
  FeedbackReceipt,
  FeedbackStatisticsView,
  FeedbackTrackQuery,
  FeedbackTrackView,
  FeedbackView,
  Page,
  Pagination,
  PublicFeedbackAnswer,
  PublishFeedbackInput,
  RateFeedbackInput,
  ReopenFeedbackInput,
  RouteFeedbackInput,
  SubmitFeedbackInput,
} from '@heza/shared';
import { z } from 'zod';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { proceduresDeps } from '../procedures/deps.ts';
import { trackingLimitConfig } from '../procedures/public/limits.ts';
import { addFeedbackNote } from './commands/add-feedback-note.ts';
import { answerFeedback } from './commands/answer-feedback.ts';
import { changeFeedbackCategory } from './commands/change-feedback-category.ts';
import { closeFeedback } from './commands/close-feedback.ts';
import { publishFeedback } from './commands/publish-feedback.ts';
import { rateFeedback } from './commands/rate-feedback.ts';
import { recordFeedback } from './commands/record-feedback.ts';
import { reopenFeedback } from './commands/reopen-feedback.ts';
import { routeFeedback } from './commands/route-feedback.ts';
import { submitFeedback } from './commands/submit-feedback.ts';
import { takeFeedback } from './commands/take-feedback.ts';
import { updateFeedbackCategory } from './commands/update-feedback-category.ts';
import {
  feedbackStatistics,
  getFeedback,
  listCategories,
  listFeedback,
  listPublicAnswers,
  trackFeedback,
} from './queries.ts';

const IdParams = z.object({ id: z.uuid() });
const CodeParams = z.object({ code: z.string().trim().min(1).max(40) });
const CategoryParams = z.object({ code: z.string().regex(/^[a-z_]{1,40}$/) });

/** Feedback and petitions: portal and counter intake, routing, notes, answers, publication, rating, reopening. */
export async function feedbackRoutes(app: App) {
  const tags = ['feedback'];
  const deps = () => proceduresDeps(app);

  app.get(
    '/feedback/categories',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Lĩnh vực phản ánh, kiến nghị',
        response: { 200: z.array(FeedbackCategoryView) },
      },
    },
    async (req) => listCategories(req.ctx.db),
  );

  app.put(
    '/feedback/categories/:code',
    {
      config: { access: { action: 'feedback.category.write' } },
      schema: {
        tags,
        summary: 'Thêm hoặc sửa lĩnh vực (đơn vị xử lý, thời hạn trả lời)',
        params: CategoryParams,
        body: FeedbackCategoryInput,
        response: { 200: FeedbackCategoryView },
      },
    },
    async (req) => updateFeedbackCategory(req.ctx, req.params.code, req.body),
  );

  app.post(
    '/feedback',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary: 'Gửi phản ánh, kiến nghị từ cổng thông tin',
        body: SubmitFeedbackInput,
        response: { 201: FeedbackReceipt },
      },
    },
    async (req, reply) => reply.status(201).send(await submitFeedback(req.ctx, deps(), req.body)),
  );

  app.post(
    '/feedback/counter',
    {
      config: { access: { action: 'feedback.item.intake' } },
      schema: {
        tags,
        summary: 'Ghi nhận phản ánh, kiến nghị tại Bộ phận Một cửa',
        body: CounterFeedbackInput,
        response: { 201: FeedbackView },
      },
    },
    async (req, reply) => reply.status(201).send(await recordFeedback(req.ctx, deps(), req.body)),
  );

  app.get(
    '/feedback',
    {
      config: { access: { action: 'feedback.item.read' } },
      schema: {
        tags,
        summary: 'Danh sách phản ánh, kiến nghị',
        querystring: FeedbackListQuery,
        response: { 200: Page(FeedbackView) },
      },
    },
    async (req) => listFeedback(req.ctx, req.query),
  );

  app.get(
    '/feedback/statistics',
    {
      config: { access: { action: 'feedback.stats.read' } },
      schema: {
        tags,
        summary: 'Thống kê phản ánh, kiến nghị theo kỳ',
        querystring: z.object({
          period: z.string().max(12),
          groupBy: z.enum(['unit', 'category']).default('unit'),
        }),
        response: { 200: FeedbackStatisticsView },
      },
    },
    async (req) => feedbackStatistics(req.ctx, req.query),
  );

  app.get(
    '/feedback/:id',
    {
      config: { access: { action: 'feedback.item.read' } },
      schema: {
        tags,
        summary: 'Chi tiết phản ánh, kiến nghị',
        params: IdParams,
        response: { 200: FeedbackView },
      },
    },
    async (req) => getFeedback(req.ctx, req.params.id),
  );

  const action = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (ctx: Parameters<typeof takeFeedback>[0], id: string, body: z.output<S>) => Promise<FeedbackView>,
  ) =>
    app.post(
      `/feedback/:id/${path}`,
      {
        config: { access: { action: 'feedback.item.process' } },
        schema: { tags, summary, params: IdParams, body, response: { 200: FeedbackView } },
      },
      async (req) => run(req.ctx, req.params.id, req.body as z.output<S>),
    );
  action('take', 'Nhận xử lý', z.object({}), (ctx, id) => takeFeedback(ctx, id));
  action('route', 'Chuyển đơn vị xử lý', RouteFeedbackInput, (ctx, id, b) => routeFeedback(ctx, id, b));
  action('notes', 'Thêm ghi chú nội bộ', FeedbackNoteInput, (ctx, id, b) => addFeedbackNote(ctx, id, b.body));
  action('answer', 'Trả lời (và công khai nếu chọn)', AnswerFeedbackInput, (ctx, id, b) =>
    answerFeedback(ctx, deps(), id, b),
  );
  action('publish', 'Công khai hoặc thu hồi trả lời trên cổng', PublishFeedbackInput, (ctx, id, b) =>
    publishFeedback(ctx, id, b),
  );
  action('close', 'Đóng phản ánh đã trả lời', z.object({}), (ctx, id) => closeFeedback(ctx, id));
  action('category', 'Sửa lĩnh vực', z.object({ categoryCode: z.string().min(1).max(40) }), (ctx, id, b) =>
    changeFeedbackCategory(ctx, id, b.categoryCode),
  );

  app.post(
    '/feedback/:id/reopen',
    {
      config: { access: { action: 'feedback.item.process' } },
      schema: {
        tags,
        summary: 'Mở lại phản ánh (cán bộ)',
        params: IdParams,
        body: ReopenFeedbackInput,
        response: { 200: FeedbackView },
      },
    },
    async (req) => {
      const f = await getFeedback(req.ctx, req.params.id);
      await reopenFeedback(req.ctx, deps(), f.code, req.body, 'staff');
      return getFeedback(req.ctx, req.params.id);
    },
  );

  // The requester, by code and secret (no account) ----------------------------------------------------
  app.get(
    '/public/feedback/track',
    {
      config: { access: 'public', rateLimit: trackingLimitConfig() },
      schema: {
        tags,
        summary: 'Người gửi tra cứu trả lời bằng mã và mã tra cứu',
        querystring: FeedbackTrackQuery,
        response: { 200: FeedbackTrackView },
      },
    },
    async (req) => {
      const found = await trackFeedback(req.ctx.db, req.query.code, req.query.secret);
      if (!found)
        throw notFound({
          vi: 'phản ánh với mã và mã tra cứu này',
          en: 'Feedback with this code and lookup key',
        });
      return found;
    },
  );

  app.post(
    '/public/feedback/:code/rate',
    {
      config: { access: 'public', rateLimit: trackingLimitConfig() },
      schema: {
        tags,
        summary: 'Người gửi đánh giá trả lời (1–5)',
        params: CodeParams,
        body: RateFeedbackInput,
        response: { 200: z.object({ code: z.string(), rating: z.number().int() }) },
      },
    },
    async (req) => rateFeedback(req.ctx, req.params.code, req.body),
  );

  app.post(
    '/public/feedback/:code/reopen',
    {
      config: { access: 'public', rateLimit: trackingLimitConfig() },
      schema: {
        tags,
        summary: 'Người gửi đề nghị xem xét lại (trong 30 ngày sau khi có trả lời)',
        params: CodeParams,
        body: ReopenFeedbackInput,
        response: { 200: z.object({ code: z.string(), status: z.string(), dueDate: z.string() }) },
      },
    },
    async (req) => reopenFeedback(req.ctx, deps(), req.params.code, req.body, 'requester'),
  );

  app.get(
    '/public/feedback/answers',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Các trả lời phản ánh, kiến nghị được công khai',
        querystring: Pagination,
        response: { 200: Page(PublicFeedbackAnswer) },
      },
    },
    async (req) => listPublicAnswers(req.ctx.db, req.query.page, req.query.pageSize),
  );
}
