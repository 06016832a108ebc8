import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../../platform/http/types.ts';
import { trackingCacheFor } from '../tracking-cache.ts';
import { trackingLimitConfig } from './limits.ts';
import { PORTAL_LANGS, type PortalLang } from './messages.ts';
import { renderTrackingPage, type TrackingOutcome } from './page.ts';

const LangParams = z.object({ lang: z.enum(PORTAL_LANGS) });
const Lookup = z.object({
  code: z.string().trim().max(60).optional().default(''),
  secret: z.string().trim().toUpperCase().max(4).optional().default(''),
});

function send(reply: FastifyReply, status: number, html: string) {
  return (
    reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      // The answer depends on the code and secret: never cached. `strict-origin`: a page opened from a QR code
      // (secret in its URL) never sends its path on as a referrer, while the form still posts a real Origin
      // (under `no-referrer` Chromium posts `Origin: null`, which the CSRF guard rightly refuses).
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'strict-origin')
      .send(html)
  );
}

/**
 * The public tracking pages, outside /api: GET shows the form (and the result when code and secret are
 * in the query, e.g. from a QR code), POST answers the form (the secret then stays out of URLs and logs).
 * A wrong code and a wrong secret give the same page; lookups are rate-limited per address.
 */
export async function proceduresPublicPages(app: App) {
  const tracking = trackingCacheFor(app.deps);
  // Forms post application/x-www-form-urlencoded; this scope parses it (small bodies only).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );

  const handler = async (req: FastifyRequest, reply: FastifyReply, input: unknown) => {
    const lang = (req.params as { lang: PortalLang }).lang;
    const parsed = Lookup.safeParse(input ?? {});
    const { code, secret } = parsed.success ? parsed.data : { code: '', secret: '' };
    if (!code || !secret) return send(reply, 200, renderTrackingPage(lang, { kind: 'form' }, code));
    const view = await tracking.track(req.ctx.db, code, secret);
    let outcome: TrackingOutcome = { kind: 'not_found' };
    if (view) {
      const receiptUrl = view.receivedAt
        ? `/api/public/dossiers/${view.id}/forms/01/pdf?secret=${encodeURIComponent(secret)}`
        : null;
      outcome = { kind: 'found', view, receiptUrl };
    }
    return send(reply, view ? 200 : 404, renderTrackingPage(lang, outcome, code));
  };

  const options = {
    // No per-request access log: a GET from a QR code carries the secret in its URL, and logs must not keep
    // it. Failures are still logged (the error handler below), and the rate limiter counts every lookup.
    logLevel: 'warn' as const,
    config: {
      access: 'public' as const,
      rateLimit: {
        ...trackingLimitConfig(),
        // Counted once the form body is parsed; showing the empty form costs nothing, only lookups count.
        hook: 'preHandler' as const,
        allowList: (req: FastifyRequest) => {
          const q = (req.method === 'GET' ? req.query : req.body) as Record<string, unknown> | undefined;
          return !(q?.code && q?.secret);
        },
      },
    },
    schema: { params: LangParams, hide: true },
    // Errors (rate limit included) are answered as pages, not as the API's JSON.
    errorHandler: (
      err: Error & { statusCode?: number; status?: number; code?: string },
      req: FastifyRequest,
      reply: FastifyReply,
    ) => {
      const lang = ((req.params as { lang?: string }).lang ?? 'vi') as PortalLang;
      const safeLang = PORTAL_LANGS.includes(lang) ? lang : 'vi';
      const status = err.status ?? err.statusCode ?? 500;
      const limited = status === 429;
      if (status >= 500) req.log.error({ err }, 'tracking page failed');
      const outcome: TrackingOutcome = { kind: limited ? 'rate_limited' : 'error' };
      return send(reply, status >= 400 && status < 600 ? status : 500, renderTrackingPage(safeLang, outcome));
    },
  };

  app.get('/:lang/dossiers/track', options, (req, reply) => handler(req, reply, req.query));
  app.post('/:lang/dossiers/track', options, (req, reply) => handler(req, reply, req.body));
}
