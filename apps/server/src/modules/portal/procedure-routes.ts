/**
 * Routes of the portal's one-stop pages (registered by public-routes.ts in the portal's scope, so language
 * routing, the page error handler and the layout are the portal's):
 *
 *   GET  /{lang}/procedures                       catalogue + procedure guides
 *   GET  /{lang}/procedures/{code}                a procedure in force (else the guide with that slug, else 404)
 *   GET|POST /{lang}/procedures/{code}/apply      online application (multipart/form-data)
 *   GET|POST /{lang}/procedures/submissions/{id}  the applicant's view of a submission (lookup key)
 *   GET|POST /{lang}/feedback                     feedback / petition form
 *   GET  /{lang}/feedback/answers                 published answers
 *   GET|POST /{lang}/feedback/track               lookup by code and key; rating and reopening
 *
 * The POST handlers call the same commands as the JSON API (submitDossier, storeUpload, submitFeedback,
 * rateFeedback, reopenFeedback), inside the same guards: the app's Origin check refuses cross-site posts;
 * cookies are SameSite=Lax; a visitor signed in as an enterprise user files for the enterprise and the form then
 * also carries the session's CSRF token, checked here. Rate limits are those of the JSON API.
 */
import fastifyMultipart from '@fastify/multipart';
import {
  type FeedbackTrackView,
  type ProcedureView,
  pickMessage,
  type SubmitDossierInput,
} from '@heza/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import { findActor } from '../../platform/auth/policy.ts';
import { findSession, SESSION_COOKIE, safeEqual } from '../../platform/auth/session.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import {
  MAX_UPLOAD_BYTES,
  type StoredFile,
  storeUpload,
  UPLOAD_MEDIA_TYPES,
} from '../../platform/files/files.ts';
import type { App } from '../../platform/http/types.ts';
import { rateFeedback } from '../feedback/commands/rate-feedback.ts';
import { reopenFeedback } from '../feedback/commands/reopen-feedback.ts';
import { submitFeedback } from '../feedback/commands/submit-feedback.ts';
import { listCategories, listPublicAnswers, trackFeedback } from '../feedback/queries.ts';
import { sameSecret } from '../procedures/code.ts';
import { submitDossier } from '../procedures/commands/submit-dossier.ts';
import { proceduresDeps } from '../procedures/deps.ts';
import { trackingLimitConfig } from '../procedures/public/limits.ts';
import { formatDate } from './format.ts';
import type { PortalLang } from './langs.ts';
import { fill } from './messages.ts';
import { PROCEDURE_MESSAGES } from './messages-procedures.ts';
import { contentItemPage } from './pages/content.ts';
import type { PageContext, PageResult } from './pages/context.ts';
import {
  EMPTY_FEEDBACK,
  type FeedbackTrackOutcome,
  type FeedbackValues,
  feedbackAnswersPage,
  feedbackDonePage,
  feedbackFormPage,
  feedbackTrackPage,
} from './pages/feedback.ts';
import type { FieldErrors } from './pages/forms.ts';
import {
  type ApplyValues,
  applyDonePage,
  applyFormPage,
  EMPTY_APPLY,
  MAX_APPLICATION_BYTES,
  procedureInForce,
  procedurePage,
  proceduresCataloguePage,
  proceduresInForce,
  type SubmissionView,
  submissionPage,
} from './pages/procedures.ts';

type Params = Record<string, string>;
type Rendered = PageResult | { redirect: string } | null;

/** What public-routes.ts lends these routes. */
export interface PortalRouteHelpers {
  pageRoute: (
    url: string,
    render: (ctx: PageContext, req: FastifyRequest) => Promise<Rendered>,
    config?: object,
  ) => void;
  resolveLang: (req: FastifyRequest, reply: FastifyReply) => PortalLang | null;
  contextFor: (req: FastifyRequest, lang: PortalLang) => Promise<PageContext>;
  send: (reply: FastifyReply, result: PageResult) => unknown;
  notFound: (ctx: PageContext, path: string) => PageResult;
}

const EMAIL = z.email();
const PHONE = /^\+?[0-9 .()-]{8,20}$/;
const SECRET = /^[A-Za-z0-9]{4}$/;

/** The signed-in enterprise user behind a portal request (the session is only loaded for /api otherwise). */
async function enterpriseVisitor(
  req: FastifyRequest,
): Promise<{ actor: Actor; csrfToken: string; enterpriseName: string } | null> {
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const db = req.server.deps.db;
  const found = await findSession(db, cookie);
  if (found.status !== 'valid') return null;
  const actor = await findActor(db, found.session.userId);
  if (actor?.role !== 'enterprise' || !actor.enterpriseId) return null;
  const e = await db
    .selectFrom('enterprises')
    .select(['name_vi'])
    .where('id', '=', actor.enterpriseId)
    .executeTakeFirst();
  return { actor, csrfToken: found.session.csrfToken, enterpriseName: e?.name_vi ?? actor.fullName };
}

/** A command context for the request (acting as `actor`, or as a guest). */
function ctxOf(req: FastifyRequest, actor: Actor | null): Ctx {
  return { ...req.ctx, actor };
}

/** The first message of an AppError's details for a field (or its sub-fields), in Vietnamese or English. */
function detailFor(err: AppError, lang: PortalLang, prefix: string): string | null {
  const details = Array.isArray(err.details) ? (err.details as FieldProblem[]) : [];
  const d = details.find((x) => x.field === prefix || x.field?.startsWith(`${prefix}.`));
  return d ? pickMessage(d.message, lang === 'vi' ? 'vi' : 'en') : null;
}

const text = (v: unknown, max = 20_000) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

function checkLength(
  errors: FieldErrors,
  lang: PortalLang,
  name: string,
  label: string,
  value: string,
  max: number,
) {
  if (value.length > max)
    errors[name] = fill(PROCEDURE_MESSAGES[lang].apply.errors.tooLong, { field: label, n: max });
}

/** Registers the one-stop pages and forms. */
export async function portalProcedureRoutes(app: App, h: PortalRouteHelpers) {
  const deps = () => proceduresDeps(app);
  const PUBLIC = { access: 'public' as const };

  // Catalogue and procedure pages (GET, cached like the other pages) -------------------------------
  h.pageRoute('/:lang/procedures', (ctx, req) => proceduresCataloguePage(ctx, req.query));
  h.pageRoute('/:lang/procedures/:slug', async (ctx, req) => {
    const slug = (req.params as Params).slug ?? '';
    const p = await procedureInForce(ctx.db, slug);
    if (p) return procedurePage(ctx, p);
    // Not a procedure code: one of the staff's procedure guides (the section is shared).
    return contentItemPage(ctx, 'procedure_guide', slug);
  });

  h.pageRoute('/:lang/feedback/answers', async (ctx, req) => {
    const raw = (req.query as Params).page;
    const pageNo = Math.max(1, Math.min(10_000, Number.parseInt(String(raw ?? '1'), 10) || 1));
    const pageSize = 10;
    const data = await listPublicAnswers(ctx.db, pageNo, pageSize);
    if (pageNo > 1 && data.items.length === 0) return null;
    return feedbackAnswersPage(ctx, data, pageNo, pageSize);
  });

  // Forms: their own scope, with the body parsers they need -----------------------------------------
  await app.register(async (scope: App) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    await scope.register(fastifyMultipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 30, fields: 40, fieldSize: 20_000, parts: 80 },
    });

    /** Runs a page handler for a request in a portal language (else redirects / not found). */
    const pageHandler =
      (render: (ctx: PageContext, req: FastifyRequest) => Promise<PageResult | null>) =>
      async (req: FastifyRequest, reply: FastifyReply) => {
        const lang = h.resolveLang(req, reply);
        if (!lang) return reply;
        const ctx = await h.contextFor(req, lang);
        const result = await render(ctx, req);
        return h.send(reply, result ?? h.notFound(ctx, '/procedures'));
      };
    const options = (rateLimit?: object) => ({
      config: { ...PUBLIC, ...(rateLimit ? { rateLimit } : {}) },
      schema: { hide: true },
    });

    // Online application ---------------------------------------------------------------------------
    const applyPage = async (ctx: PageContext, req: FastifyRequest, post: boolean) => {
      const p = await procedureInForce(ctx.db, (req.params as Params).code ?? '');
      if (!p || p.onlineLevel === 'none') return null;
      const visitor = await enterpriseVisitor(req);
      const account = visitor ? { name: visitor.enterpriseName, csrfToken: visitor.csrfToken } : undefined;
      if (!post) {
        const values: ApplyValues = visitor
          ? { ...EMPTY_APPLY, name: visitor.enterpriseName, email: visitor.actor.email }
          : EMPTY_APPLY;
        return applyFormPage(ctx, p, { values, errors: {}, account });
      }
      return handleApplication(ctx, req, p, visitor, account);
    };
    scope.get(
      '/:lang/procedures/:code/apply',
      options(),
      pageHandler((ctx, req) => applyPage(ctx, req, false)),
    );
    scope.post(
      '/:lang/procedures/:code/apply',
      { ...options({ max: 20, timeWindow: '10 minutes' }), bodyLimit: MAX_APPLICATION_BYTES + 1024 * 1024 },
      pageHandler((ctx, req) => applyPage(ctx, req, true)),
    );

    async function handleApplication(
      ctx: PageContext,
      req: FastifyRequest,
      p: ProcedureView,
      visitor: Awaited<ReturnType<typeof enterpriseVisitor>>,
      account: { name: string; csrfToken: string } | undefined,
    ): Promise<PageResult> {
      const { lang } = ctx;
      const a = PROCEDURE_MESSAGES[lang].apply;
      const e = a.errors;
      const fields: Record<string, string> = {};
      const files = new Map<string, { name: string; type: string; bytes: Buffer; truncated: boolean }>();
      let total = 0;
      let totalTooLarge = false;
      if (req.isMultipart()) {
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            const chunks: Buffer[] = [];
            let size = 0;
            for await (const chunk of part.file) {
              size += chunk.length;
              if (total + size <= MAX_APPLICATION_BYTES) chunks.push(chunk);
            }
            total += size;
            if (total > MAX_APPLICATION_BYTES) totalTooLarge = true;
            // A file input left empty is sent as an empty part without a name.
            if (!part.filename && size === 0) continue;
            files.set(part.fieldname, {
              name: part.filename || 'file',
              type: part.mimetype,
              bytes: Buffer.concat(chunks),
              truncated: part.file.truncated,
            });
          } else if (typeof part.value === 'string') {
            fields[part.fieldname] = part.value;
          }
        }
      } else if (req.body && typeof req.body === 'object') {
        for (const [k, v] of Object.entries(req.body as Record<string, unknown>))
          if (typeof v === 'string') fields[k] = v;
      }

      const values: ApplyValues = {
        kind: fields.kind === 'individual' ? 'individual' : 'organisation',
        name: text(fields.name),
        email: text(fields.email),
        phone: text(fields.phone),
        idNumber: text(fields.idNumber),
        address: text(fields.address),
        subject: text(fields.subject),
        returnMethod: ['counter', 'post', 'online'].includes(fields.returnMethod ?? '')
          ? (fields.returnMethod as string)
          : 'counter',
        returnAddress: text(fields.returnAddress),
        consent: fields.consent === '1',
      };
      const errors: FieldErrors = {};
      const rerender = () => applyFormPage(ctx, p, { values, errors, account }, 422);

      if (visitor && !safeEqual(fields.csrf ?? '', visitor.csrfToken)) {
        errors.form = e.csrf;
        return rerender();
      }
      const guest = !visitor;
      if (!values.name) errors.name = fill(e.required, { field: a.name });
      checkLength(errors, lang, 'name', a.name, values.name, 300);
      if (values.email && !EMAIL.safeParse(values.email.toLowerCase()).success) errors.email = e.email;
      else if (!values.email && guest) errors.email = fill(e.required, { field: a.email });
      if (values.phone && !PHONE.test(values.phone)) errors.phone = e.phone;
      else if (!values.phone && guest) errors.phone = fill(e.required, { field: a.phone });
      checkLength(errors, lang, 'idNumber', a.idNumber, values.idNumber, 50);
      checkLength(errors, lang, 'address', a.address, values.address, 500);
      if (!values.subject) errors.subject = fill(e.required, { field: a.subject });
      checkLength(errors, lang, 'subject', a.subject, values.subject, 2000);
      if (values.returnMethod === 'online' && p.onlineLevel !== 'full') values.returnMethod = 'counter';
      if (values.returnMethod === 'post' && !values.returnAddress) errors.returnAddress = e.returnAddress;
      checkLength(errors, lang, 'returnAddress', a.returnAddress, values.returnAddress, 500);
      if (!values.consent) errors.consent = e.consent;
      const mb = MAX_UPLOAD_BYTES / 1024 / 1024;
      for (const d of p.documents) {
        const f = files.get(`doc_${d.key}`);
        const label = lang === 'vi' ? d.nameVi : d.nameEn || d.nameVi;
        if (!f) {
          if (d.required) errors[`doc_${d.key}`] = fill(e.fileMissing, { doc: label });
        } else if (f.truncated) errors[`doc_${d.key}`] = fill(e.fileTooLarge, { name: f.name, n: mb });
        else if (f.bytes.length === 0) errors[`doc_${d.key}`] = fill(e.fileEmpty, { name: f.name });
      }
      if (totalTooLarge) errors.form = fill(e.totalTooLarge, { n: MAX_APPLICATION_BYTES / 1024 / 1024 });
      if (Object.keys(errors).length) return rerender();

      // Store the files (content sniffed by storeUpload) all or none: one transaction, rolled back on any refusal.
      const actor = visitor?.actor ?? null;
      const stored = new Map<string, StoredFile>();
      const ROLLBACK = Symbol('rollback');
      try {
        await ctx.db.transaction().execute(async (tx) => {
          for (const d of p.documents) {
            const f = files.get(`doc_${d.key}`);
            if (!f) continue;
            try {
              stored.set(
                d.key,
                await storeUpload(tx, app.deps.config.dataDir, {
                  bytes: f.bytes,
                  declaredType: f.type || null,
                  originalName: f.name,
                  uploadedBy: actor?.id ?? null,
                  ip: req.ctx.ip,
                }),
              );
            } catch (err) {
              if (!(err instanceof AppError)) throw err;
              const sniffed = await fileTypeFromBuffer(f.bytes);
              errors[`doc_${d.key}`] =
                err.code === 'PAYLOAD_TOO_LARGE'
                  ? fill(e.fileTooLarge, { name: f.name, n: mb })
                  : sniffed && UPLOAD_MEDIA_TYPES[sniffed.mime]
                    ? fill(e.fileMismatch, { name: f.name })
                    : fill(e.fileType, { name: f.name });
            }
          }
          if (Object.keys(errors).length) throw ROLLBACK;
        });
      } catch (err) {
        if (err !== ROLLBACK) throw err;
        return rerender();
      }

      const input: SubmitDossierInput = {
        procedureCode: p.code,
        applicant: {
          kind: values.kind as 'organisation' | 'individual',
          name: values.name,
          idNumber: values.idNumber || null,
          address: values.address || null,
          phone: values.phone || null,
          email: values.email ? values.email.toLowerCase() : null,
        },
        subject: values.subject,
        setsCount: 1,
        returnMethod: values.returnMethod as SubmitDossierInput['returnMethod'],
        returnAddress: values.returnAddress || null,
        zoneId: null,
        documents: [...stored.entries()].map(([key, f]) => ({
          documentKey: key,
          name: null,
          originals: 0,
          copies: 0,
          fileId: f.id,
        })),
      };
      try {
        const submitted = await submitDossier(ctxOf(req, actor), deps(), input);
        return applyDonePage(ctx, p, {
          id: submitted.id,
          secret: submitted.trackingSecret,
          files: [...stored.values()].map((f) => f.originalName),
          email: input.applicant.email ?? null,
        });
      } catch (err) {
        // Nothing of this attempt stays: the files stored above are not attached to anything.
        const ids = [...stored.values()].map((f) => f.id);
        if (ids.length)
          await ctx.db
            .deleteFrom('stored_files')
            .where('id', 'in', ids)
            .where('attached_to', 'is', null)
            .execute();
        if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
        for (const [prefix, name] of [
          ['applicant.name', 'name'],
          ['applicant.email', 'email'],
          ['applicant.phone', 'phone'],
          ['subject', 'subject'],
          ['procedureCode', 'form'],
        ] as const) {
          const msg = detailFor(err, lang, prefix);
          if (msg) errors[name] = msg;
        }
        for (const d of p.documents) {
          const msg = detailFor(err, lang, `documents.${d.key}`);
          if (msg) errors[`doc_${d.key}`] = msg;
        }
        if (Object.keys(errors).length === 0) errors.form = fill(e.other, { message: err.message });
        return rerender();
      }
    }

    // A submission as its applicant sees it ---------------------------------------------------------
    const submission = async (ctx: PageContext, req: FastifyRequest, post: boolean) => {
      const id = (req.params as Params).id ?? '';
      if (!z.uuid().safeParse(id).success) return null;
      if (!post) return submissionPage(ctx, id, { kind: 'form' });
      const secret = text((req.body as Params | undefined)?.secret, 10).toUpperCase();
      const d = SECRET.test(secret)
        ? await ctx.db
            .selectFrom('dossiers')
            .innerJoin('procedures', 'procedures.id', 'dossiers.procedure_id')
            .select([
              'dossiers.id',
              'dossiers.code',
              'dossiers.status',
              'dossiers.tracking_secret',
              'dossiers.submitted_at',
              'dossiers.due_at',
              'procedures.name_vi',
              'procedures.name_en',
            ])
            .where('dossiers.id', '=', id)
            .executeTakeFirst()
        : undefined;
      const ok = sameSecret(secret, d?.tracking_secret ?? '!!!!');
      if (!d || !ok) return submissionPage(ctx, id, { kind: 'not_found' });
      let supplement: string[] = [];
      if (d.status === 'intake_supplement' || d.status === 'appraisal_supplement') {
        const open = await ctx.db
          .selectFrom('dossier_supplements')
          .select('items')
          .where('dossier_id', '=', d.id)
          .where('fulfilled_at', 'is', null)
          .orderBy('number', 'desc')
          .executeTakeFirst();
        supplement = ((open?.items ?? []) as { name?: string }[]).map((i) => i.name ?? '').filter(Boolean);
      }
      const view: SubmissionView = {
        id: d.id,
        code: d.code,
        status: d.status,
        procedure: { vi: d.name_vi, en: d.name_en },
        submittedAt: d.submitted_at,
        dueAt: d.due_at,
        supplement,
        secret,
      };
      return submissionPage(ctx, id, { kind: 'found', view });
    };
    scope.get(
      '/:lang/procedures/submissions/:id',
      options(),
      pageHandler((ctx, req) => submission(ctx, req, false)),
    );
    scope.post(
      '/:lang/procedures/submissions/:id',
      { ...options(trackingLimitConfig()), logLevel: 'warn' },
      pageHandler((ctx, req) => submission(ctx, req, true)),
    );

    // Feedback and petitions -----------------------------------------------------------------------
    const feedbackData = async (ctx: PageContext) => {
      const [categories, procedures] = await Promise.all([listCategories(ctx.db), proceduresInForce(ctx.db)]);
      return {
        categories,
        procedures: procedures.map((p) => ({ code: p.code, vi: p.name.vi, en: p.name.en })),
      };
    };
    scope.get(
      '/:lang/feedback',
      options(),
      pageHandler(async (ctx, req) => {
        const data = await feedbackData(ctx);
        const wanted = text((req.query as Params).procedure, 60);
        const procedureCode = data.procedures.some((p) => p.code === wanted) ? wanted : '';
        const result = feedbackFormPage(ctx, data, { ...EMPTY_FEEDBACK, procedureCode }, {});
        return { ...result, maxAge: 60 };
      }),
    );
    scope.post(
      '/:lang/feedback',
      options({ max: 10, timeWindow: '10 minutes' }),
      pageHandler(async (ctx, req) => {
        const { lang } = ctx;
        const f = PROCEDURE_MESSAGES[lang].feedback;
        const e = f.errors;
        const b = (req.body ?? {}) as Params;
        const data = await feedbackData(ctx);
        const values: FeedbackValues = {
          kind: b.kind === 'petition' ? 'petition' : 'feedback',
          categoryCode: text(b.categoryCode, 40),
          procedureCode: text(b.procedureCode, 60),
          dossierCode: text(b.dossierCode, 60),
          dossierSecret: text(b.dossierSecret, 4).toUpperCase(),
          subject: text(b.subject),
          body: text(b.body, 20_000),
          name: text(b.name),
          organisation: text(b.organisation),
          email: text(b.email),
          phone: text(b.phone),
          consent: b.consent === '1',
        };
        const errors: FieldErrors = {};
        if (!data.categories.some((c) => c.code === values.categoryCode)) errors.categoryCode = e.category;
        if (values.procedureCode && !data.procedures.some((p) => p.code === values.procedureCode))
          values.procedureCode = '';
        if (!values.subject) errors.subject = fill(e.required, { field: f.subject });
        else if (values.subject.length > 300) errors.subject = fill(e.tooLong, { field: f.subject, n: 300 });
        if (!values.body) errors.body = fill(e.required, { field: f.body });
        else if (values.body.length > 10_000) errors.body = fill(e.tooLong, { field: f.body, n: 10_000 });
        if (!values.name) errors.name = fill(e.required, { field: f.name });
        else if (values.name.length > 300) errors.name = fill(e.tooLong, { field: f.name, n: 300 });
        if (values.organisation.length > 300)
          errors.organisation = fill(e.tooLong, { field: f.organisation, n: 300 });
        if (values.email && !EMAIL.safeParse(values.email.toLowerCase()).success) errors.email = e.email;
        if (values.phone && !PHONE.test(values.phone)) errors.phone = e.phone;
        if (!values.email && !values.phone) errors.email = e.contact;
        if (values.dossierCode && !SECRET.test(values.dossierSecret))
          errors.dossierSecret = fill(e.required, { field: f.dossierSecret });
        if (!values.consent) errors.consent = e.consent;
        if (Object.keys(errors).length) return feedbackFormPage(ctx, data, values, errors, 422);
        try {
          const receipt = await submitFeedback(ctxOf(req, null), deps(), {
            kind: values.kind as 'feedback' | 'petition',
            categoryCode: values.categoryCode,
            requesterName: values.name,
            requesterOrganisation: values.organisation || null,
            requesterEmail: values.email ? values.email.toLowerCase() : null,
            requesterPhone: values.phone || null,
            subject: values.subject,
            body: values.body,
            procedureCode: values.procedureCode || null,
            dossierCode: values.dossierCode || null,
            dossierSecret: values.dossierSecret || null,
          });
          return feedbackDonePage(ctx, receipt);
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
          if (detailFor(err, lang, 'dossierCode')) errors.dossierCode = e.dossier;
          if (detailFor(err, lang, 'requesterEmail')) errors.email = e.contact;
          if (Object.keys(errors).length === 0) errors.body = err.message;
          return feedbackFormPage(ctx, data, values, errors, 422);
        }
      }),
    );

    scope.get(
      '/:lang/feedback/track',
      options(),
      pageHandler(async (ctx) => feedbackTrackPage(ctx, '', { kind: 'form' })),
    );
    scope.post(
      '/:lang/feedback/track',
      { ...options(trackingLimitConfig()), logLevel: 'warn' },
      pageHandler(async (ctx, req) => {
        const { lang } = ctx;
        const t = PROCEDURE_MESSAGES[lang].track;
        const b = (req.body ?? {}) as Params;
        const code = text(b.code, 40).toUpperCase();
        const secret = text(b.secret, 4).toUpperCase();
        const find = () =>
          code && SECRET.test(secret) ? trackFeedback(ctx.db, code, secret) : Promise.resolve(undefined);
        let view: FeedbackTrackView | undefined = await find();
        if (!view) return feedbackTrackPage(ctx, code, { kind: 'not_found' }, 404);
        const action = b.action;
        const values = {
          rating: text(b.rating, 1),
          comment: text(b.comment, 2000),
          reason: text(b.reason, 2000),
        };
        const errors: FieldErrors = {};
        let message: string | undefined;
        if (action === 'rate' || action === 'reopen') {
          try {
            if (action === 'rate') {
              const rating = Number.parseInt(values.rating, 10);
              if (!(rating >= 1 && rating <= 5)) errors.rating = t.ratingRequired;
              else {
                await rateFeedback(ctxOf(req, null), code, {
                  secret,
                  rating,
                  comment: values.comment || null,
                });
                message = t.rated;
              }
            } else if (!values.reason) errors.reason = t.reasonRequired;
            else {
              const r = await reopenFeedback(
                ctxOf(req, null),
                deps(),
                code,
                { secret, reason: values.reason },
                'requester',
              );
              message = fill(t.reopened, { date: formatDate(lang, r.dueDate) });
            }
          } catch (err) {
            if (!(err instanceof AppError) || (err.code !== 'INVALID_STATE' && err.code !== 'NOT_FOUND'))
              throw err;
            errors.form = t.cannot;
          }
          view = (await find()) ?? view;
        }
        const outcome: FeedbackTrackOutcome = {
          kind: 'found',
          view,
          secret,
          message,
          errors,
          values: message ? {} : values,
        };
        return feedbackTrackPage(ctx, code, outcome, Object.keys(errors).length ? 422 : 200);
      }),
    );
  });
}
