/**
 * Schemas of feedback and petitions (phản ánh, kiến nghị; issue 7): submission from the portal or the
 * counter, routing to a unit, internal notes, the answer and its publication, the requester's rating and
 * reopening, and statistics.
 */
import { z } from 'zod';
import { Pagination } from './accounts.ts';
import { bilingual } from './i18n-message.ts';
import { BilingualText, Unit } from './procedures.ts';

const msg = bilingual;
const text = (max: number, vi: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, { error: msg(vi, en) })
    .max(max);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullish();

/** Feedback (phản ánh) or petition (kiến nghị). */
export const FEEDBACK_KINDS = ['feedback', 'petition'] as const;
/** States of a feedback item. */
export const FEEDBACK_STATUSES = ['received', 'in_progress', 'answered', 'closed'] as const;
export const FeedbackStatus = z.enum(FEEDBACK_STATUSES);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

/** A category and the unit it is routed to. */
export const FeedbackCategoryView = z.object({
  code: z.string(),
  name: BilingualText,
  unit: z.string(),
  responseDays: z.number().int(),
  active: z.boolean(),
});
export type FeedbackCategoryView = z.infer<typeof FeedbackCategoryView>;

/** Changes a category (administrators). */
export const FeedbackCategoryInput = z.object({
  nameVi: text(200, 'Vui lòng nhập tên lĩnh vực.', 'Please enter the name.'),
  nameEn: text(200, 'Vui lòng nhập tên tiếng Anh.', 'Please enter the English name.'),
  unit: Unit,
  responseDays: z.number().int().min(1).max(60),
  active: z.boolean().default(true),
});
export type FeedbackCategoryInput = z.infer<typeof FeedbackCategoryInput>;

const requesterFields = {
  kind: z.enum(FEEDBACK_KINDS),
  categoryCode: z.string().min(1).max(40),
  requesterName: text(
    300,
    'Vui lòng nhập họ tên hoặc tên tổ chức.',
    'Please enter your name or organisation.',
  ),
  requesterOrganisation: optional(300),
  requesterEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ error: msg('Địa chỉ email không hợp lệ.', 'The e-mail address is not valid.') }))
    .nullish(),
  requesterPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .()-]{8,20}$/, {
      error: msg('Số điện thoại không hợp lệ.', 'The phone number is not valid.'),
    })
    .nullish(),
  subject: text(300, 'Vui lòng nhập tiêu đề.', 'Please enter a subject.'),
  body: text(10000, 'Vui lòng nhập nội dung phản ánh, kiến nghị.', 'Please describe your feedback.'),
  procedureCode: z.string().max(60).nullish(),
};

/** A submission from the portal: guests give an e-mail or a phone; a dossier is referred to by code and key. */
export const SubmitFeedbackInput = z.object({
  ...requesterFields,
  dossierCode: z.string().trim().max(60).nullish(),
  dossierSecret: z.string().trim().toUpperCase().max(4).nullish(),
});
export type SubmitFeedbackInput = z.infer<typeof SubmitFeedbackInput>;

/** A submission recorded at the counter by staff (who may link any dossier they can see). */
export const CounterFeedbackInput = z.object({
  ...requesterFields,
  dossierId: z.uuid().nullish(),
});
export type CounterFeedbackInput = z.infer<typeof CounterFeedbackInput>;

/** What the requester gets back: the code and the secret to follow the answer. */
export const FeedbackReceipt = z.object({
  id: z.string(),
  code: z.string(),
  trackingSecret: z.string(),
  dueDate: z.string(),
});

/** Re-routes an item to another unit. */
export const RouteFeedbackInput = z.object({ unit: Unit, note: optional(2000) });
export type RouteFeedbackInput = z.infer<typeof RouteFeedbackInput>;

/** An internal note (never shown to the requester). */
export const FeedbackNoteInput = z.object({
  body: text(5000, 'Vui lòng nhập ghi chú.', 'Please write the note.'),
});

/** The answer; `public` publishes it on the portal with the question as edited in `publicQuestion`. */
export const AnswerFeedbackInput = z.object({
  answer: text(20000, 'Vui lòng nhập nội dung trả lời.', 'Please write the answer.'),
  public: z.boolean().default(false),
  publicQuestion: optional(10000),
});
export type AnswerFeedbackInput = z.infer<typeof AnswerFeedbackInput>;

/** Publishes or withdraws the answer from the portal. */
export const PublishFeedbackInput = z.object({ public: z.boolean(), publicQuestion: optional(10000) });
export type PublishFeedbackInput = z.infer<typeof PublishFeedbackInput>;

/** The requester's rating of the answer (1–5). */
export const RateFeedbackInput = z.object({
  secret: z.string().trim().toUpperCase().length(4).optional(),
  rating: z.number().int().min(1).max(5),
  comment: optional(2000),
});
export type RateFeedbackInput = z.infer<typeof RateFeedbackInput>;

/** Reopening by the requester (with the secret) or by staff, with the reason. */
export const ReopenFeedbackInput = z.object({
  secret: z.string().trim().toUpperCase().length(4).optional(),
  reason: text(2000, 'Vui lòng nêu lý do.', 'Please give the reason.'),
});
export type ReopenFeedbackInput = z.infer<typeof ReopenFeedbackInput>;

/** An item as staff see it. */
export const FeedbackView = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  category: z.object({ code: z.string(), name: BilingualText }),
  unit: z.string(),
  channel: z.enum(['portal', 'counter']),
  status: FeedbackStatus,
  requester: z.object({
    name: z.string(),
    organisation: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  enterpriseId: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  dossier: z.object({ id: z.string(), code: z.string().nullable() }).nullable(),
  procedureCode: z.string().nullable(),
  receivedAt: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  isPublic: z.boolean(),
  publicQuestion: z.string().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  reopenCount: z.number().int(),
  closedAt: z.string().nullable(),
  notes: z.array(z.object({ at: z.string(), author: z.string().nullable(), body: z.string() })),
  events: z.array(
    z.object({
      at: z.string(),
      actor: z.string().nullable(),
      event: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      fromUnit: z.string().nullable(),
      toUnit: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type FeedbackView = z.infer<typeof FeedbackView>;

/** Query of the staff list. */
export const FeedbackListQuery = Pagination.extend({
  status: FeedbackStatus.optional(),
  unit: Unit.optional(),
  categoryCode: z.string().max(40).optional(),
  channel: z.enum(['portal', 'counter']).optional(),
  q: z.string().trim().max(200).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** What the requester sees with the code and secret: never internal notes. */
export const FeedbackTrackView = z.object({
  code: z.string(),
  status: FeedbackStatus,
  subject: z.string(),
  category: BilingualText,
  receivedAt: z.string(),
  dueDate: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  rating: z.number().int().nullable(),
  canReopen: z.boolean(),
});
export type FeedbackTrackView = z.infer<typeof FeedbackTrackView>;

/** Lookup by code and secret. */
export const FeedbackTrackQuery = z.object({
  code: z.string().trim().max(40),
  secret: z.string().trim().toUpperCase().max(4),
});

/** A published question and answer on the portal (no personal data). */
export const PublicFeedbackAnswer = z.object({
  code: z.string(),
  category: BilingualText,
  subject: z.string(),
  question: z.string(),
  answer: z.string(),
  answeredAt: z.string(),
});

/** Feedback statistics of a period. */
export const FeedbackStatisticsView = z.object({
  period: z.object({ id: z.string(), start: z.string(), end: z.string() }),
  asOf: z.string(),
  rows: z.array(
    z.object({
      key: z.string(),
      label: BilingualText,
      received: z.number().int(),
      answeredOnTime: z.number().int(),
      answeredLate: z.number().int(),
      openWithinTime: z.number().int(),
      openOverdue: z.number().int(),
      reopened: z.number().int(),
      published: z.number().int(),
      averageRating: z.number().nullable(),
      onTimeRate: z.number().nullable(),
    }),
  ),
});
export type FeedbackStatisticsView = z.infer<typeof FeedbackStatisticsView>;
