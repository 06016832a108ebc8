import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Config, REPO_ROOT } from './config.ts';
import type { Db } from './db/client.ts';
import type { DbNotifications } from './db/notifications.ts';
import { registerModules } from './modules/index.ts';
import { portalPublicRoutes } from './modules/portal/public-routes.ts';
import { proceduresPublicPages } from './modules/procedures/public/routes.ts';
import { decide, findActor } from './platform/auth/policy.ts';
import {
  clearSessionCookie,
  findSession,
  SESSION_COOKIE,
  safeEqual,
  touchSession,
} from './platform/auth/session.ts';
import { AppError } from './platform/errors.ts';
import { installErrorHandlers } from './platform/http/error-handler.ts';
import { requestLang } from './platform/http/language.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import type { App, RouteInfo } from './platform/http/types.ts';
import { validatorCompiler } from './platform/http/validation.ts';
import { createMailer, type Mailer } from './platform/mail/mailer.ts';

/**
 * The built web app. `HEZA_WEB_DIST` points elsewhere (e.g. a build made with `vite build --outDir …`), so
 * several checkouts or test runs can each serve their own build.
 */
export const WEB_DIST = process.env.HEZA_WEB_DIST
  ? path.resolve(process.env.HEZA_WEB_DIST)
  : path.join(REPO_ROOT, 'apps/web/dist');
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface BuildAppOptions {
  config: Config;
  db: Db;
  mailer?: Mailer;
  logger?: boolean | object;
  /** Database notifications (from the pool behind `db`); without them, caches that need them stay off. */
  notifications?: DbNotifications;
}

/** Marks every route registered inside `scope` as public (for third-party plugins: docs UI, static files). */
function markPublic(scope: FastifyInstance) {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config as object), access: 'public' };
  });
}

function isSameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return origin !== 'null';
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Builds the HTTP application: security plugins, session loading, CSRF, the access guard that every route
 * passes through, OpenAPI, the modules' routes and the web app's static files.
 */
export async function buildApp(opts: BuildAppOptions): Promise<App> {
  const { config, db } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const indexFile = path.join(WEB_DIST, 'index.html');
  installErrorHandlers(app, {
    spaIndexHtml: existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined,
  });

  const mailer =
    opts.mailer ??
    createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      log: (msg, data) => app.log.info(data, msg),
    });
  app.decorate('deps', { config, db, mailer, notifications: opts.notifications });
  // The app owns its notification connection: it goes back to the pool when the app closes.
  app.addHook('onClose', async () => {
    await opts.notifications?.close();
  });
  const inventory: RouteInfo[] = [];
  app.decorate('routeInventory', inventory);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Read `access` lazily: hooks of inner scopes (markPublic) run after this one and may still set it.
    for (const method of methods) {
      inventory.push({
        method,
        url: route.url,
        get access() {
          return route.config?.access;
        },
      });
    }
  });

  await app.register(fastifyCookie);
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // MapLibre's worker is a same-origin module script (setWorkerUrl in the web app, the vendored
        // maplibre-gl-worker.mjs on the portal): no blob: workers needed.
        workerSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
    crossOriginEmbedderPolicy: false,
  });
  // Every answer (pages, API, static files, errors) carries them; a route may still adjust one (portal basemap).
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      new AppError('RATE_LIMITED', { params: { seconds: Math.ceil(context.ttl / 1000) } }),
  });

  app.decorateRequest('ctx', null as never);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionStatus', 'missing');
  // Who is asking: load the session and the actor once per request.
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    req.ctx = { db, actor: null, requestId: req.id, ip: req.ip ?? null, lang: requestLang(req) };
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie || !req.url.startsWith('/api/')) return;
    const found = await findSession(db, cookie);
    req.sessionStatus = found.status;
    if (found.status !== 'valid') {
      clearSessionCookie(reply, config);
      return;
    }
    const actor = await findActor(db, found.session.userId);
    if (!actor) {
      req.sessionStatus = 'expired';
      clearSessionCookie(reply, config);
      return;
    }
    req.session = found.session;
    req.ctx.actor = actor;
    await touchSession(db, config, found.session);
  });

  // The access guard: CSRF for state-changing requests, then the route's declared access.
  app.addHook('preValidation', async (req) => {
    if (req.is404) return; // the not-found handler answers
    const access = req.routeOptions.config?.access;
    if (access === undefined) {
      // A route without a declared access rule is a programming error: refuse rather than expose it.
      throw new AppError('FORBIDDEN');
    }
    if (UNSAFE_METHODS.has(req.method)) {
      if (!isSameOrigin(req)) throw new AppError('CSRF_TOKEN_INVALID');
      if (req.session && !req.routeOptions.config.csrfExempt) {
        const token = req.headers['x-csrf-token'];
        if (typeof token !== 'string' || !safeEqual(token, req.session.csrfToken)) {
          throw new AppError('CSRF_TOKEN_INVALID');
        }
      }
    }
    if (access === 'public') return;
    if (!req.ctx.actor) {
      throw new AppError(req.sessionStatus === 'expired' ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED');
    }
    if (access === 'self') return;
    const decision = decide(req.ctx.actor, access.action);
    if (!decision.allowed) throw new AppError(decision.reason);
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'HEZA Platform API',
        description:
          'API của nền tảng Ban Quản lý Khu kinh tế. Mọi lỗi trả về `{code, message, details, requestId}`. ' +
          'Các yêu cầu thay đổi dữ liệu cần header `x-csrf-token` lấy từ `GET /api/auth/session`.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (scope) => {
    markPublic(scope);
    await scope.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });

  await app.register(registerModules, { prefix: '/api' });
  await app.register(portalPublicRoutes);
  await app.register(proceduresPublicPages);

  if (existsSync(WEB_DIST)) {
    await app.register(async (scope) => {
      markPublic(scope);
      await scope.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false, maxAge: '1h' });
    });
  }
  return app as unknown as App;
}
