import { ERROR_MESSAGES, type ErrorCode, fillMessage, type Lang, pickMessage } from '@heza/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../errors.ts';
import { requestLang } from './language.ts';

/** Fastify's own error codes that are the client's fault, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_NOT_FOUND: 'ROUTE_NOT_FOUND',
};

/** PostgreSQL constraint failures that escaped a command's own checks. */
const PG_CODES: Record<string, ErrorCode> = {
  '23505': 'CONFLICT',
  '23503': 'BAD_REQUEST',
  '23514': 'VALIDATION_FAILED',
  '22P02': 'BAD_REQUEST',
};

function localiseParams(params: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = v && typeof v === 'object' && 'vi' in v ? (v as Record<Lang, string>)[lang] : v;
  }
  return out;
}

function localiseDetails(details: unknown, lang: Lang): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d) =>
    d && typeof d === 'object' && typeof (d as FieldProblem).message === 'string'
      ? { ...d, message: pickMessage((d as FieldProblem).message, lang) }
      : d,
  );
}

/** Turns any thrown value into an AppError; unknown errors become INTERNAL. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { code?: string; statusCode?: number };
  if (e?.code && FASTIFY_CODES[e.code]) return new AppError(FASTIFY_CODES[e.code]!, { cause: err });
  if (e?.code && PG_CODES[e.code])
    return new AppError(PG_CODES[e.code]!, { cause: err, params: { field: '' } });
  if (e?.statusCode === 429) return new AppError('RATE_LIMITED', { cause: err, params: { seconds: 60 } });
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return new AppError('BAD_REQUEST', { cause: err });
  return new AppError('INTERNAL', { cause: err });
}

/** Sends the one error body shape: `{ code, message, details, requestId }`, in the request's language. */
export function sendError(req: FastifyRequest, reply: FastifyReply, err: unknown) {
  const appError = toAppError(err);
  const lang = requestLang(req);
  if (appError.status >= 500) {
    req.log.error({ err: appError.cause ?? appError, requestId: req.id }, 'unhandled error');
  } else if (appError.cause) {
    req.log.debug({ err: appError.cause }, appError.code);
  }
  const params = { ...localiseParams(appError.params, lang), requestId: req.id };
  let message = fillMessage(ERROR_MESSAGES[appError.code][lang], params);
  if (appError.code === 'NOT_FOUND' && !appError.params.entity) {
    message = lang === 'vi' ? 'Không tìm thấy dữ liệu.' : 'Not found.';
  }
  if (appError.code === 'CONFLICT' && !appError.params.field) {
    message = lang === 'vi' ? 'Dữ liệu bị trùng với bản ghi đã có.' : 'This duplicates an existing record.';
  }
  const body: Record<string, unknown> = { code: appError.code, message, requestId: req.id };
  if (appError.details !== undefined && appError.status < 500)
    body.details = localiseDetails(appError.details, lang);
  if (appError.code === 'RATE_LIMITED') reply.header('retry-after', String(appError.params.seconds ?? 60));
  return reply.status(appError.status).type('application/json; charset=utf-8').send(body);
}

/** Installs the error handler and the one not-found handler (JSON for the API, the SPA's page otherwise). */
export function installErrorHandlers(app: FastifyInstance, opts: { spaIndexHtml?: string } = {}) {
  app.setErrorHandler((err, req, reply) => sendError(req, reply, err));
  app.setNotFoundHandler((req, reply) => {
    // The web app's own routes (/login, /admin/users, …) all serve its index.html.
    if (
      opts.spaIndexHtml &&
      req.method === 'GET' &&
      !req.url.startsWith('/api') &&
      (req.headers.accept ?? '').includes('text/html')
    ) {
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(opts.spaIndexHtml);
    }
    return sendError(req, reply, new AppError('ROUTE_NOT_FOUND'));
  });
}
