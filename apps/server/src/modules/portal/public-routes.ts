/**
 * The public portal outside /api: server-rendered pages under /{lang}/ (vi, en, zh, ko, ja), `/` sending the
 * visitor to their language, sitemap.xml, robots.txt, the portal's static files, and its images and files.
 *
 * Language routing: a first path segment that is one of the five is the page's language; another spelling of
 * one of them (EN, en-US, vie) redirects to it; a language the portal does not serve (fr, de-AT) redirects to
 * the best match of the browser's languages, else Vietnamese; anything else (login, admin, registry…) is the
 * staff web app's, so it goes on to the app's not-found handler, which serves the app.
 */
import { CONTENT_SECTIONS, type ContentKind } from '@heza/shared/portal';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../platform/auth/session.ts';
import { AppError } from '../../platform/errors.ts';
import { contentDisposition, readStoredFile } from '../../platform/files/files.ts';
import type { App } from '../../platform/http/types.ts';
import { getAsset } from './assets.ts';
import { classifySegment, negotiateLang, type PortalLang } from './langs.ts';
import { requestOrigin } from './layout.ts';
import { newsletterPdf } from './newsletter.ts';
import { contentItemPage, contentListPage } from './pages/content.ts';
import { type PageContext, type PageResult, pageContext } from './pages/context.ts';
import { homePage } from './pages/home.ts';
import { mapPage, zonesGeoJson } from './pages/map.ts';
import { errorPage, notFoundPage } from './pages/not-found.ts';
import { searchPage } from './pages/search.ts';
import { statisticsDownload, statisticsPage } from './pages/statistics.ts';
import { zonePage, zonesDirectoryPage } from './pages/zones.ts';
import { portalProcedureRoutes } from './procedure-routes.ts';
import { loadSettings } from './site.ts';
import { sitemapXml } from './sitemap.ts';
import { LICENCE } from './statistics.ts';

type Params = Record<string, string>;
type Rendered = PageResult | { redirect: string } | null;
const PUBLIC = { access: 'public' as const };

/** Splits a raw URL into the part after its first segment and the query ('/fr/zones?x=1' → '/zones', '?x=1'). */
function restOf(url: string): { rest: string; query: string } {
  const q = url.indexOf('?');
  const path = q >= 0 ? url.slice(0, q) : url;
  const slash = path.indexOf('/', 1);
  return { rest: slash >= 0 ? path.slice(slash) : '/', query: q >= 0 ? url.slice(q) : '' };
}

/**
 * The page's language, or null after answering: a redirect for other spellings and unserved languages, the
 * staff app (via the not-found handler) for paths that are not languages at all.
 */
function resolveLang(req: FastifyRequest, reply: FastifyReply): PortalLang | null {
  const segment = (req.params as Params).lang ?? '';
  const c = classifySegment(segment);
  if (c.kind === 'portal') return c.lang;
  if (c.kind === 'other') {
    reply.callNotFound();
    return null;
  }
  const { rest, query } = restOf(req.url);
  const target = c.kind === 'alias' ? c.lang : negotiateLang(req.headers['accept-language']);
  if (c.kind === 'foreign') reply.header('vary', 'Accept-Language').header('cache-control', 'no-cache');
  reply.redirect(`/${target}${rest}${query}`, c.kind === 'alias' ? 301 : 302);
  return null;
}

function send(reply: FastifyReply, result: PageResult) {
  const maxAge = result.maxAge ?? 60;
  reply
    .status(result.status ?? 200)
    .type('text/html; charset=utf-8')
    .header('cache-control', maxAge > 0 ? `public, max-age=${maxAge}` : 'no-cache');
  for (const [k, v] of Object.entries(result.headers ?? {})) reply.header(k, v);
  const csp = reply.getHeader('content-security-policy');
  if (result.cspOrigins?.length && typeof csp === 'string') {
    // Admit the basemap server for images (raster tiles) and fetches (styles, vector tiles), nothing else.
    const extra = result.cspOrigins.join(' ');
    reply.header(
      'content-security-policy',
      csp.replace(/(img-src [^;]*)/, `$1 ${extra}`).replace(/(connect-src [^;]*)/, `$1 ${extra}`),
    );
  }
  return reply.send(result.html);
}

/** The portal's public routes (registered at the root, beside /api). */
export async function portalPublicRoutes(app: App) {
  const db = app.deps.db;

  async function contextFor(req: FastifyRequest, lang: PortalLang): Promise<PageContext> {
    return pageContext(req, lang, await loadSettings(db), requestOrigin(req));
  }

  // Pages answer errors as pages in their language (the error itself is logged, never shown).
  app.setErrorHandler(async (err: Error & { statusCode?: number; status?: number }, req, reply) => {
    const lang = classifySegment((req.params as Params | undefined)?.lang ?? '');
    const appError = err instanceof AppError ? err : null;
    const status = appError?.status ?? err.statusCode ?? 500;
    if (status >= 500) req.log.error({ err }, 'portal page failed');
    if (lang.kind !== 'portal' || !req.routeOptions.url?.startsWith('/:lang')) {
      throw err; // not a page: the platform's JSON error answer
    }
    const ctx = await contextFor(req, lang.lang).catch(() => null);
    if (!ctx) return reply.status(status).type('text/plain; charset=utf-8').send(String(status));
    if (status === 404) return send(reply, notFoundPage(ctx, '/'));
    return send(reply, errorPage(ctx, status >= 400 && status < 600 ? status : 500));
  });

  /** Registers GET {url} as a page: language resolved first, null from the renderer = the 404 page. */
  function pageRoute(
    url: string,
    render: (ctx: PageContext, req: FastifyRequest) => Promise<Rendered>,
    config = {},
  ) {
    app.get(url, { config: { ...PUBLIC, ...config }, schema: { hide: true } }, async (req, reply) => {
      const lang = resolveLang(req, reply);
      if (!lang) return reply;
      const ctx = await contextFor(req, lang);
      const result = await render(ctx, req);
      if (result === null) return send(reply, notFoundPage(ctx, restOf(req.url).rest));
      if ('redirect' in result) return reply.redirect(result.redirect, 301);
      return send(reply, result);
    });
  }

  // `/`: visitors go to their language. A signed-in member of staff (session cookie) keeps the staff app's
  // dashboard at `/`, so reloading it does not throw them out to the portal.
  app.get('/', { config: PUBLIC, schema: { hide: true } }, async (req, reply) => {
    reply.header('vary', 'Accept-Language, Cookie').header('cache-control', 'private, no-cache');
    if (req.cookies[SESSION_COOKIE] && (req.headers.accept ?? '').includes('text/html')) {
      reply.callNotFound();
      return reply;
    }
    return reply.redirect(`/${negotiateLang(req.headers['accept-language'])}/`, 302);
  });

  app.get('/:lang', { config: PUBLIC, schema: { hide: true } }, async (req, reply) => {
    const lang = resolveLang(req, reply);
    if (!lang) return reply;
    return reply.redirect(`/${lang}/${restOf(req.url).query}`, 301);
  });

  pageRoute('/:lang/', (ctx) => homePage(ctx));
  pageRoute('/:lang/zones', (ctx, req) => zonesDirectoryPage(ctx, req.query));
  pageRoute('/:lang/zones/:code', (ctx, req) => zonePage(ctx, (req.params as Params).code ?? ''));
  pageRoute('/:lang/map', (ctx) => mapPage(ctx));
  pageRoute('/:lang/statistics', (ctx, req) => statisticsPage(ctx, req.query));
  pageRoute('/:lang/search', (ctx, req) => searchPage(ctx, req.query), {
    rateLimit: { max: 120, timeWindow: '1 minute' },
  });

  for (const [kind, section] of Object.entries(CONTENT_SECTIONS) as [ContentKind, string][]) {
    // The procedures section is the one-stop catalogue, the guides beside it (procedure-routes.ts).
    if (kind === 'procedure_guide') continue;
    pageRoute(`/:lang/${section}`, (ctx, req) => contentListPage(ctx, kind, (req.query as Params).page));
    if (kind !== 'faq')
      pageRoute(`/:lang/${section}/:slug`, (ctx, req) =>
        contentItemPage(ctx, kind, (req.params as Params).slug ?? ''),
      );
  }

  // Downloads that belong to a language (file names and headers are per language).
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/:lang/statistics/data.${format}`,
      { config: PUBLIC, schema: { hide: true } },
      async (req, reply) => {
        const lang = resolveLang(req, reply);
        if (!lang) return reply;
        const file = await statisticsDownload(await contextFor(req, lang), format, req.query);
        return reply
          .type(file.type)
          .header('content-disposition', contentDisposition(file.name))
          .header('link', `<${LICENCE.url}>; rel="license"`)
          .header('cache-control', 'public, max-age=60')
          .send(file.body);
      },
    );
  }

  app.get(
    '/:lang/newsletter/:slug/pdf',
    { config: { ...PUBLIC, rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { hide: true } },
    async (req, reply) => {
      const lang = resolveLang(req, reply);
      if (!lang) return reply;
      const ctx = await contextFor(req, lang);
      const pdf = await newsletterPdf(app, ctx, (req.params as Params).slug ?? '');
      if (!pdf) return send(reply, notFoundPage(ctx, '/newsletter'));
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(pdf.name, 'inline'))
        .header('cache-control', 'public, max-age=300')
        .send(pdf.body);
    },
  );

  // The one-stop pages: procedure catalogue, online application, feedback and petitions.
  await portalProcedureRoutes(app, { pageRoute, resolveLang, contextFor, send, notFound: notFoundPage });

  // Anything else under a language: that language's 404 page (or a redirect / the staff app, see above).
  pageRoute('/:lang/*', async () => null);

  app.get('/sitemap.xml', { config: PUBLIC, schema: { hide: true } }, async (req, reply) =>
    reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=600')
      .send(await sitemapXml(db, requestOrigin(req))),
  );

  app.get('/robots.txt', { config: PUBLIC, schema: { hide: true } }, async (req, reply) => {
    const origin = requestOrigin(req);
    const lines = [
      'User-agent: *',
      'Allow: /',
      'Disallow: /api/',
      'Disallow: /login',
      'Disallow: /admin/',
      'Disallow: /registry/',
      'Disallow: /*/search',
      `Sitemap: ${origin}/sitemap.xml`,
      '',
    ];
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(lines.join('\n'));
  });

  // Static files: content-hashed URLs are cached for a year.
  app.get('/portal-assets/*', { config: PUBLIC, schema: { hide: true } }, async (req, reply) => {
    const name = (req.params as Params)['*'] ?? '';
    const asset = getAsset(name);
    if (!asset) {
      reply.callNotFound();
      return reply;
    }
    const versioned = (req.query as Params).v === asset.hash;
    reply
      .type(asset.type)
      .header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
      .header('etag', `"${asset.hash}"`)
      .header('vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === `"${asset.hash}"`) return reply.status(304).send();
    if (asset.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      return reply.header('content-encoding', 'gzip').send(asset.gzip);
    }
    return reply.send(asset.body);
  });

  // Images registered with the portal, and nothing else from the file store (dossier uploads stay private).
  app.get('/portal-media/:id', { config: PUBLIC, schema: { hide: true } }, async (req, reply) => {
    const id = (req.params as Params).id ?? '';
    if (!/^[0-9a-f-]{36}$/i.test(id))
      throw new AppError('NOT_FOUND', { params: { entity: { vi: 'ảnh', en: 'Image' } } });
    const row = await db
      .selectFrom('portal_images as i')
      .innerJoin('stored_files as f', 'f.id', 'i.file_id')
      .select(['f.sha256', 'f.media_type'])
      .where('i.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { params: { entity: { vi: 'ảnh', en: 'Image' } } });
    reply.header('etag', `"${row.sha256}"`).header('cache-control', 'public, max-age=86400');
    if (req.headers['if-none-match'] === `"${row.sha256}"`) return reply.status(304).send();
    return reply.type(row.media_type).send(await readStoredFile(app.deps.config.dataDir, row));
  });

  // A publication's file, only while the version that carries it is online.
  app.get('/portal-files/:versionId', { config: PUBLIC, schema: { hide: true } }, async (req, reply) => {
    const id = (req.params as Params).versionId ?? '';
    const entity = { vi: 'tệp', en: 'File' };
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', { params: { entity } });
    const row = await db
      .selectFrom('portal_versions as v')
      .innerJoin('stored_files as f', 'f.id', 'v.file_id')
      .select(['f.sha256', 'f.media_type', 'f.original_name'])
      .where('v.id', '=', id)
      .where('v.status', '=', 'published')
      .where('v.publish_at', '<=', new Date())
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { params: { entity } });
    return reply
      .type(row.media_type)
      .header('content-disposition', contentDisposition(row.original_name))
      .header('cache-control', 'public, max-age=300')
      .send(await readStoredFile(app.deps.config.dataDir, row));
  });

  // An official report the authority has published (issued reports are immutable: the stored DOCX).
  app.get('/portal-reports/:id', { config: PUBLIC, schema: { hide: true } }, async (req, reply) => {
    const id = (req.params as Params).id ?? '';
    const entity = { vi: 'báo cáo', en: 'Report' };
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', { params: { entity } });
    const row = await db
      .selectFrom('official_reports')
      .select(['docx', 'number_text', 'period_id'])
      .where('id', '=', id)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (!row?.docx) throw new AppError('NOT_FOUND', { params: { entity } });
    const name = `${(row.number_text ?? 'bao-cao').replace(/[^\p{L}\p{N}-]+/gu, '-')}-${row.period_id}.docx`;
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', contentDisposition(name))
      .header('cache-control', 'public, max-age=3600')
      .send(row.docx);
  });

  // The zones as GeoJSON for the map (per language: names, status labels and links).
  app.get('/:lang/map/zones.geojson', { config: PUBLIC, schema: { hide: true } }, async (req, reply) => {
    const lang = resolveLang(req, reply);
    if (!lang) return reply;
    return reply
      .type('application/geo+json; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .send(await zonesGeoJson(db, lang));
  });
}
