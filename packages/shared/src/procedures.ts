/**
 * Schemas of the one-stop procedures area (issue 7): the working-day calendar table that administrators
 * maintain, the versioned procedure catalogue, dossiers and their transitions, public tracking and
 * statistics. One schema, one name: the server validates with these and the web forms reuse them.
 */
import { z } from 'zod';
import { Pagination } from './accounts.ts';
import { bilingual } from './i18n-message.ts';
import { DEPARTMENTS } from './roles.ts';

const msg = bilingual;

/** A text in both UI languages, Vietnamese first. */
export const BilingualText = z.object({ vi: z.string(), en: z.string() });
export type BilingualText = z.infer<typeof BilingualText>;

/** A calendar date 'YYYY-MM-DD' (checked as a real date). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    error: msg('Ngày phải có dạng YYYY-MM-DD.', 'Dates are written YYYY-MM-DD.'),
  })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      error: msg('Ngày không tồn tại.', 'This date does not exist.'),
    },
  );

/** An instant with its offset, e.g. '2026-02-12T14:59:00+07:00'. */
export const IsoInstant = z.iso.datetime({
  offset: true,
  error: msg('Thời điểm phải có dạng ISO 8601 kèm múi giờ.', 'Times are ISO 8601 with an offset.'),
});

const text = (max: number, vi: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, { error: msg(vi, en) })
    .max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullish();

/** A unit (phòng) of the authority. */
export const Unit = z.enum(DEPARTMENTS);
export type Unit = z.infer<typeof Unit>;

// ---------------------------------------------------------------------------------------------------
// Working-day calendar: the administrators' official table

/** Kinds of official calendar rows: a public holiday, a day off (nghỉ bù, swap) or a working day (làm bù). */
export const OFFICIAL_DAY_KINDS = ['holiday', 'day_off', 'working_day'] as const;

/** One row of the official calendar table as the API presents it. */
export const CalendarOfficialDayView = z.object({
  date: z.string(),
  weekday: z.number().int(),
  kind: z.enum(OFFICIAL_DAY_KINDS),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  source: z.string().nullable(),
  updatedAt: z.string(),
});
export type CalendarOfficialDayView = z.infer<typeof CalendarOfficialDayView>;

/** Sets (creates or replaces) the official row of a date. */
export const CalendarOfficialDayInput = z.object({
  kind: z.enum(OFFICIAL_DAY_KINDS),
  nameVi: text(300, 'Vui lòng nhập tên ngày.', 'Please enter the name of the day.'),
  nameEn: optionalText(300),
  source: optionalText(1000),
  /** Save even though the change moves deadlines of dossiers or feedback already issued (they are listed). */
  acknowledgeConflicts: z.boolean().default(false),
});
export type CalendarOfficialDayInput = z.infer<typeof CalendarOfficialDayInput>;

/** Query of the impact preview and of the delete route. */
export const CalendarChangeQuery = z.object({
  /** The kind the date would get; absent = the row would be removed (back to the computed rules). */
  kind: z.enum(OFFICIAL_DAY_KINDS).optional(),
  acknowledgeConflicts: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** A deadline already issued that a calendar change would move. */
export const CalendarConflict = z.object({
  entityType: z.enum(['dossier', 'feedback']),
  id: z.string(),
  code: z.string(),
  /** The appointment / response date as issued. */
  dueDate: z.string(),
  /** The same number of working days counted on the changed calendar. */
  recomputedDueDate: z.string(),
});
export type CalendarConflict = z.infer<typeof CalendarConflict>;

/** What a calendar change does: whether the date changes between working and non-working, and what it moves. */
export const CalendarImpact = z.object({
  date: z.string(),
  wasWorkingDay: z.boolean(),
  isWorkingDay: z.boolean(),
  conflicts: z.array(CalendarConflict),
});
export type CalendarImpact = z.infer<typeof CalendarImpact>;

/** The result of saving or removing an official row: the row (null when removed) and the warnings. */
export const CalendarChangeResult = z.object({
  day: CalendarOfficialDayView.nullable(),
  impact: CalendarImpact,
});

/** A named day of a year's calendar. */
export const CalendarNamedDay = z.object({
  date: z.string(),
  weekday: z.number().int(),
  kind: z.string(),
  name: BilingualText,
  source: z.string(),
});

/** A year of the working-day calendar as the portal and the CLI show it. */
export const CalendarYearView = z.object({
  year: z.number().int(),
  workingDays: z.number().int(),
  nonWorkingWeekdays: z.array(CalendarNamedDay),
  workingWeekendDays: z.array(CalendarNamedDay),
  holidays: z.array(CalendarNamedDay),
  pendingDecisions: z.array(
    z.object({ ruleId: z.string(), name: BilingualText, dates: z.array(z.string()) }),
  ),
});

// ---------------------------------------------------------------------------------------------------
// Procedure catalogue

/** NĐ 42/2022 online levels: toàn trình, một phần; 'none' = at the counter only. */
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
/** What the clock does during a supplement requested in appraisal. */
export const SUPPLEMENT_CLOCKS = ['restart', 'pause'] as const;
/** Roles a processing step can belong to. */
export const STEP_ROLES = ['staff', 'leader'] as const;

const Key = z.string().regex(/^[a-z0-9_]{1,60}$/, {
  error: msg('Mã chỉ gồm chữ thường, số và dấu gạch dưới.', 'Keys use lower-case letters, digits and _.'),
});

/** A document a procedure requires, with the number of originals and copies. */
export const ProcedureDocument = z.object({
  key: Key,
  nameVi: text(500, 'Vui lòng nhập tên giấy tờ.', 'Please name the document.'),
  nameEn: text(500, 'Vui lòng nhập tên giấy tờ (tiếng Anh).', 'Please name the document in English.'),
  originals: z.number().int().min(0).max(20),
  copies: z.number().int().min(0).max(20),
  required: z.boolean(),
});
export type ProcedureDocument = z.infer<typeof ProcedureDocument>;

/** A processing step: the responsible unit and role and its share of the time limit. */
export const ProcedureStep = z.object({
  key: Key,
  nameVi: text(300, 'Vui lòng nhập tên bước.', 'Please name the step.'),
  nameEn: text(300, 'Vui lòng nhập tên bước (tiếng Anh).', 'Please name the step in English.'),
  unit: Unit,
  role: z.enum(STEP_ROLES),
  days: z.number().int().min(0).max(365),
});
export type ProcedureStep = z.infer<typeof ProcedureStep>;

/** A fee or charge; amountVnd null = set by another text (see the note). */
export const ProcedureFee = z.object({
  nameVi: text(300, 'Vui lòng nhập tên khoản phí.', 'Please name the fee.'),
  nameEn: text(300, 'Vui lòng nhập tên khoản phí (tiếng Anh).', 'Please name the fee in English.'),
  amountVnd: z
    .string()
    .regex(/^\d{1,18}$/)
    .nullable(),
  noteVi: z.string().nullable(),
  noteEn: z.string().nullable(),
});
export type ProcedureFee = z.infer<typeof ProcedureFee>;

/** A procedure version in lists. */
export const ProcedureSummary = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  name: BilingualText,
  field: z.object({ code: z.string(), vi: z.string(), en: z.string() }),
  leadUnit: z.string(),
  timeLimitDays: z.number().int(),
  onlineLevel: z.enum(ONLINE_LEVELS),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

/** A procedure version with its documents, steps and fees. */
export const ProcedureView = ProcedureSummary.extend({
  cutoff: z.string().nullable(),
  supplementClock: z.enum(SUPPLEMENT_CLOCKS),
  result: BilingualText,
  legalBasis: z.string(),
  note: z.string().nullable(),
  office: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }),
  documents: z.array(ProcedureDocument),
  steps: z.array(ProcedureStep),
  fees: z.array(ProcedureFee),
});
export type ProcedureView = z.infer<typeof ProcedureView>;

/** A new procedure, or a new version of one (closing the current version the day before effectiveFrom). */
export const ProcedureVersionInput = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9._-]{1,60}$/, {
      error: msg('Mã thủ tục không hợp lệ.', 'The procedure code is not valid.'),
    }),
    effectiveFrom: IsoDate,
    nameVi: text(500, 'Vui lòng nhập tên thủ tục.', 'Please enter the procedure name.'),
    nameEn: text(500, 'Vui lòng nhập tên thủ tục (tiếng Anh).', 'Please enter the English name.'),
    fieldCode: text(20, 'Vui lòng nhập mã lĩnh vực.', 'Please enter the field code.'),
    fieldVi: text(200, 'Vui lòng nhập lĩnh vực.', 'Please enter the field.'),
    fieldEn: text(200, 'Vui lòng nhập lĩnh vực (tiếng Anh).', 'Please enter the field in English.'),
    leadUnit: Unit,
    timeLimitDays: z.number().int().min(0).max(365),
    cutoff: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: msg('Giờ có dạng HH:MM.', 'Times are HH:MM.') })
      .nullable(),
    onlineLevel: z.enum(ONLINE_LEVELS),
    supplementClock: z.enum(SUPPLEMENT_CLOCKS),
    resultVi: text(500, 'Vui lòng nhập kết quả thủ tục.', 'Please enter the result.'),
    resultEn: text(500, 'Vui lòng nhập kết quả thủ tục (tiếng Anh).', 'Please enter the result in English.'),
    legalBasis: text(2000, 'Vui lòng nhập căn cứ pháp lý.', 'Please enter the legal basis.'),
    note: optionalText(2000),
    documents: z.array(ProcedureDocument).min(1).max(50),
    steps: z.array(ProcedureStep).min(1).max(20),
    fees: z.array(ProcedureFee).max(20),
  })
  .superRefine((v, ctx) => {
    const total = v.steps.reduce((sum, s) => sum + s.days, 0);
    if (total !== v.timeLimitDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps'],
        message: msg(
          `Tổng thời gian các bước (${total} ngày) phải bằng thời hạn giải quyết (${v.timeLimitDays} ngày).`,
          `The steps' days (${total}) must add up to the time limit (${v.timeLimitDays}).`,
        ),
      });
    }
    for (const [list, name] of [
      [v.documents, 'documents'],
      [v.steps, 'steps'],
    ] as const) {
      const seen = new Set<string>();
      list.forEach((item, i) => {
        if (seen.has(item.key))
          ctx.addIssue({
            code: 'custom',
            path: [name, i, 'key'],
            message: msg('Mã bị trùng.', 'This key is used twice.'),
          });
        seen.add(item.key);
      });
    }
  });
export type ProcedureVersionInput = z.infer<typeof ProcedureVersionInput>;

/** Query of the public catalogue. */
export const CatalogueQuery = z.object({
  q: z.string().trim().max(200).optional(),
  field: z.string().max(20).optional(),
  onlineLevel: z.enum(ONLINE_LEVELS).optional(),
  /** The catalogue as in force on this date (default: today in Vietnam). */
  on: IsoDate.optional(),
});

/** Appointment preview: when would a dossier received at `at` be due? */
export const AppointmentQuery = z.object({ at: IsoInstant.optional() });
export const AppointmentView = z.object({
  receivedAt: z.string(),
  countingFrom: z.string(),
  dueDate: z.string(),
  dueAt: z.string(),
  timeLimitDays: z.number().int(),
  cutoff: z.string().nullable(),
});

// ---------------------------------------------------------------------------------------------------
// Dossiers

/** Dossier states (a design choice, docs/domain-vn.md §2.4); transitions are in the server's lifecycle.ts. */
export const DOSSIER_STATUSES = [
  'submitted',
  'intake_supplement',
  'rejected',
  'received',
  'processing',
  'appraisal_supplement',
  'result_ready',
  'returned',
  'stopped',
  'withdrawn',
  'archived',
] as const;
export const DossierStatus = z.enum(DOSSIER_STATUSES);
export type DossierStatus = z.infer<typeof DossierStatus>;

export const DOSSIER_CHANNELS = ['online', 'counter', 'postal'] as const;
export const RETURN_METHODS = ['online', 'counter', 'post'] as const;

const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .()-]{8,20}$/, {
    error: msg('Số điện thoại không hợp lệ.', 'The phone number is not valid.'),
  });
const EmailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: msg('Địa chỉ email không hợp lệ.', 'The e-mail address is not valid.') }));

/** The applicant (tổ chức or cá nhân) as printed on the forms. */
export const Applicant = z.object({
  kind: z.enum(['organisation', 'individual']),
  name: text(300, 'Vui lòng nhập tên người nộp hồ sơ.', "Please enter the applicant's name."),
  idNumber: optionalText(50),
  address: optionalText(500),
  phone: Phone.nullish(),
  email: EmailAddress.nullish(),
});
export type Applicant = z.infer<typeof Applicant>;

/** The applicant as the API presents it (no input transforms, so responses serialise). */
export const ApplicantView = z.object({
  kind: z.enum(['organisation', 'individual']),
  name: z.string(),
  idNumber: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

/** A document handed in: a catalogue document (documentKey) or another one (name), on paper and/or as a file. */
export const DossierDocumentInput = z
  .object({
    documentKey: Key.nullish(),
    name: optionalText(500),
    originals: z.number().int().min(0).max(50).default(0),
    copies: z.number().int().min(0).max(50).default(0),
    fileId: z.uuid().nullish(),
  })
  .refine((d) => d.documentKey || d.name, {
    error: msg('Chọn giấy tờ trong danh mục hoặc nhập tên.', 'Choose a catalogue document or give a name.'),
  });
export type DossierDocumentInput = z.infer<typeof DossierDocumentInput>;

const dossierFields = {
  procedureCode: z.string().min(1).max(60),
  applicant: Applicant,
  subject: text(2000, 'Vui lòng nhập nội dung yêu cầu giải quyết.', 'Please state what is requested.'),
  setsCount: z.number().int().min(1).max(50).default(1),
  returnMethod: z.enum(RETURN_METHODS).default('counter'),
  returnAddress: optionalText(500),
  zoneId: z.uuid().nullish(),
  documents: z.array(DossierDocumentInput).max(100),
};

/** An online submission (enterprise account, or a guest who must give e-mail and phone). */
export const SubmitDossierInput = z.object(dossierFields);
export type SubmitDossierInput = z.infer<typeof SubmitDossierInput>;

/** One item of a supplement request (everything missing is listed at once). */
export const SupplementItem = z.object({
  documentKey: Key.nullish(),
  name: text(500, 'Vui lòng nêu giấy tờ cần bổ sung.', 'Please name what is missing.'),
  reason: text(1000, 'Vui lòng nêu lý do.', 'Please give the reason.'),
});
export type SupplementItem = z.infer<typeof SupplementItem>;

/** A supplement request (form 02). At intake, missing catalogue documents are added to the items automatically. */
export const SupplementRequestInput = z.object({
  reason: text(2000, 'Vui lòng nêu lý do yêu cầu bổ sung.', 'Please give the reason for the request.'),
  legalBasis: optionalText(1000),
  items: z.array(SupplementItem).max(100).default([]),
});
export type SupplementRequestInput = z.infer<typeof SupplementRequestInput>;

/** A refusal (form 03) or a stop notice (form 05): the reason and its legal basis. */
export const ReasonInput = z.object({
  reason: text(2000, 'Vui lòng nêu lý do.', 'Please give the reason.'),
  legalBasis: optionalText(1000),
});
export type ReasonInput = z.infer<typeof ReasonInput>;

/** Intake at the counter (or of a postal dossier): the dossier and the decision taken on it at once. */
export const CounterIntakeInput = z.object({
  ...dossierFields,
  channel: z.enum(['counter', 'postal']).default('counter'),
  /** When the applicant handed it in, if earlier than now (at most 7 days ago); the receipt prints it. */
  receivedAt: IsoInstant.optional(),
  decision: z.enum(['receive', 'request_supplement', 'reject']),
  supplement: SupplementRequestInput.optional(),
  rejection: ReasonInput.optional(),
});
export type CounterIntakeInput = z.infer<typeof CounterIntakeInput>;

/** The applicant's answer to a supplement request; guests prove themselves with the receipt secret. */
export const ProvideSupplementInput = z.object({
  secret: z.string().trim().toUpperCase().length(4).optional(),
  documents: z.array(DossierDocumentInput).min(1).max(100),
  note: optionalText(2000),
});
export type ProvideSupplementInput = z.infer<typeof ProvideSupplementInput>;

/** A free note on a transition. */
export const NoteInput = z.object({ note: optionalText(2000) });
export type NoteInput = z.infer<typeof NoteInput>;

/** Assign the current step to a user of its unit. */
export const AssignInput = z.object({ userId: z.uuid() });

/** The result of the procedure: the issued document (file and/or number). */
export const ResultInput = z
  .object({
    fileId: z.uuid().nullish(),
    resultNumber: optionalText(100),
    note: optionalText(2000),
  })
  .refine((v) => v.fileId || v.resultNumber, {
    error: msg(
      'Cần tệp kết quả hoặc số văn bản kết quả.',
      'Give the result file or the result document number.',
    ),
  });
export type ResultInput = z.infer<typeof ResultInput>;

/** Apology and extension letter (form 04): the new appointment, the reason and the signer. */
export const ExtensionInput = z.object({
  reason: text(2000, 'Vui lòng nêu lý do chậm trễ.', 'Please give the reason for the delay.'),
  newDueDate: IsoDate,
  newDueTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .default('16:30'),
  signerName: text(200, 'Vui lòng nhập người ký.', 'Please enter the signer.'),
  signerTitle: text(200, 'Vui lòng nhập chức vụ người ký.', "Please enter the signer's title."),
});
export type ExtensionInput = z.infer<typeof ExtensionInput>;

/** How the result was handed back. */
export const ReturnInput = z.object({
  method: z.enum(RETURN_METHODS),
  note: optionalText(2000),
});
export type ReturnInput = z.infer<typeof ReturnInput>;

/** Query of the dossier list. */
export const DossierListQuery = Pagination.extend({
  status: DossierStatus.optional(),
  procedureCode: z.string().max(60).optional(),
  unit: Unit.optional(),
  q: z.string().trim().max(200).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** Query of the work queue: the actor's unit and role, optionally only what is assigned to them. */
export const QueueQuery = Pagination.extend({
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** A dossier in lists and queues. */
export const DossierSummary = z.object({
  id: z.string(),
  code: z.string().nullable(),
  status: DossierStatus,
  channel: z.enum(DOSSIER_CHANNELS),
  procedure: z.object({ id: z.string(), code: z.string(), name: BilingualText }),
  applicantName: z.string(),
  subject: z.string(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  legalDueDate: z.string().nullable(),
  finishedAt: z.string().nullable(),
  overdue: z.boolean(),
  currentStep: z
    .object({
      position: z.number().int(),
      key: z.string(),
      name: BilingualText,
      unit: z.string(),
      role: z.enum(STEP_ROLES),
      dueDate: z.string(),
      assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    })
    .nullable(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

/** A dossier with everything staff see. */
export const DossierView = DossierSummary.extend({
  officeCode: z.string(),
  applicant: ApplicantView,
  setsCount: z.number().int(),
  returnMethod: z.enum(RETURN_METHODS),
  returnAddress: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  zoneId: z.string().nullable(),
  countingFrom: z.string().nullable(),
  timeLimitDays: z.number().int(),
  supplementClock: z.enum(SUPPLEMENT_CLOCKS),
  pausedRemainingDays: z.number().int().nullable(),
  /** The 4-character lookup secret printed on the receipt. */
  trackingSecret: z.string(),
  result: z.object({
    fileId: z.string().nullable(),
    number: z.string().nullable(),
    note: z.string().nullable(),
  }),
  returnedAt: z.string().nullable(),
  returnedByMethod: z.enum(RETURN_METHODS).nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  archivedAt: z.string().nullable(),
  documents: z.array(
    z.object({
      id: z.string(),
      documentKey: z.string().nullable(),
      name: z.string(),
      originals: z.number().int(),
      copies: z.number().int(),
      file: z
        .object({ id: z.string(), name: z.string(), mediaType: z.string(), sizeBytes: z.number() })
        .nullable(),
      supplementId: z.string().nullable(),
      providedAt: z.string(),
    }),
  ),
  steps: z.array(
    z.object({
      position: z.number().int(),
      key: z.string(),
      name: BilingualText,
      unit: z.string(),
      role: z.enum(STEP_ROLES),
      days: z.number().int(),
      dueDate: z.string(),
      assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
      startedAt: z.string().nullable(),
      completedAt: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  supplements: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      stage: z.enum(['intake', 'appraisal']),
      requestedAt: z.string(),
      reason: z.string(),
      legalBasis: z.string().nullable(),
      items: z.array(SupplementItem),
      clockRule: z.enum(SUPPLEMENT_CLOCKS).nullable(),
      remainingDays: z.number().int().nullable(),
      fulfilledAt: z.string().nullable(),
    }),
  ),
  extensions: z.array(
    z.object({
      number: z.number().int(),
      createdAt: z.string(),
      reason: z.string(),
      previousDueAt: z.string(),
      newDueAt: z.string(),
      signerName: z.string(),
      signerTitle: z.string(),
    }),
  ),
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
  /** Transitions the dossier's state allows now (the actor's permissions are checked when one is tried). */
  allowedTransitions: z.array(z.string()),
});
export type DossierView = z.infer<typeof DossierView>;

/** What the applicant gets back from an online submission: the id, and the secret to quote later. */
export const SubmissionView = z.object({
  id: z.string(),
  status: DossierStatus,
  trackingSecret: z.string(),
});

/** Public tracking: the dossier code and the 4-character secret printed on the receipt. */
export const TrackQuery = z.object({
  code: z.string().trim().max(60),
  secret: z.string().trim().toUpperCase().max(4),
});

/** What public tracking shows: progress, never personal data. */
export const TrackView = z.object({
  code: z.string(),
  procedure: BilingualText,
  status: DossierStatus,
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  overdue: z.boolean(),
  steps: z.array(
    z.object({ name: BilingualText, unit: z.string(), done: z.boolean(), current: z.boolean() }),
  ),
  supplementRequested: z.array(z.string()),
});
export type TrackView = z.infer<typeof TrackView>;

/** Forms the server renders, under the numbering of TT 03/2025/TT-VPCP (domain-vn §2.2). */
export const DOSSIER_FORMS = ['01', '02', '03', '04', '05', '06'] as const;
export const DossierFormParams = z.object({
  id: z.uuid(),
  form: z.enum(DOSSIER_FORMS),
  format: z.enum(['pdf', 'docx']),
});

// ---------------------------------------------------------------------------------------------------
// Statistics

/** Statistics query: a period id ('2026Q3', '2026M11', '2026', '2026YTD11') and the grouping. */
export const StatisticsQuery = z.object({
  period: z.string().max(12),
  groupBy: z.enum(['procedure', 'unit', 'none']).default('procedure'),
});

/** The standard buckets (domain-vn §2.6) of one group. */
export const StatisticsRow = z.object({
  key: z.string(),
  label: BilingualText,
  received: z.object({
    carriedOver: z.number().int(),
    newOnline: z.number().int(),
    newCounter: z.number().int(),
    total: z.number().int(),
  }),
  resolved: z.object({
    early: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    total: z.number().int(),
  }),
  inProgress: z.object({
    withinTime: z.number().int(),
    overdue: z.number().int(),
    total: z.number().int(),
  }),
  rejected: z.number().int(),
  withdrawnOrStopped: z.number().int(),
  /** New online dossiers / all new dossiers; null without new dossiers. */
  onlineShare: z.number().nullable(),
  /** Mean working days from the deemed receipt date to the result, over resolved dossiers. */
  averageProcessingDays: z.number().nullable(),
  /** (early + on time) / (resolved + open overdue): open overdue dossiers count against it. */
  onTimeRate: z.number().nullable(),
});
export type StatisticsRow = z.infer<typeof StatisticsRow>;

export const StatisticsView = z.object({
  period: z.object({ id: z.string(), start: z.string(), end: z.string(), label: BilingualText }),
  /** The instant open dossiers were judged at (the period end, or now for a running period). */
  asOf: z.string(),
  groupBy: z.enum(['procedure', 'unit', 'none']),
  rows: z.array(StatisticsRow),
  total: StatisticsRow,
});
export type StatisticsView = z.infer<typeof StatisticsView>;

/** The leaders' scorecard: per unit, the progress indicators of QĐ 766/QĐ-TTg that the data supports. */
export const ScorecardView = z.object({
  period: z.object({ id: z.string(), label: BilingualText }),
  asOf: z.string(),
  units: z.array(
    z.object({
      unit: z.string(),
      received: z.number().int(),
      resolved: z.number().int(),
      onTimeRate: z.number().nullable(),
      overdueOpen: z.number().int(),
      onlineShare: z.number().nullable(),
      averageProcessingDays: z.number().nullable(),
      /** Dossiers finished past their legal deadline that got an apology letter / all late ones. */
      apologyCoverage: z.number().nullable(),
    }),
  ),
  overdueDossiers: z.array(DossierSummary),
  totals: StatisticsRow,
});
export type ScorecardView = z.infer<typeof ScorecardView>;

/** A stored upload as returned by the upload route. */
export const StoredFileView = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});
export type StoredFileView = z.infer<typeof StoredFileView>;
