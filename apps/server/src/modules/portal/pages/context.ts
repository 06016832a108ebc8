/**
 * What every public page handler receives, and small rendering helpers the pages share.
 */
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { type Html, html } from '../html.ts';
import type { PortalLang } from '../langs.ts';
import { type LayoutInput, renderLayout } from '../layout.ts';
import { fill, MESSAGES, type Messages } from '../messages.ts';
import type { PortalSettings } from '../site.ts';

/** A request for a public page in a known language. */
export interface PageContext {
  req: FastifyRequest;
  db: Db;
  lang: PortalLang;
  m: Messages;
  settings: PortalSettings;
  origin: string;
}

/** What a page handler answers. */
export interface PageResult {
  status?: number;
  html: string;
  /** Seconds shared caches may keep the page (0: revalidate every time). Default 60. */
  maxAge?: number;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** Origins the page may load images and data from besides its own (a configured basemap server). */
  cspOrigins?: string[];
}

/** Renders a page with the layout. */
export function page(
  ctx: PageContext,
  input: Omit<LayoutInput, 'lang'>,
  status = 200,
  maxAge?: number,
): PageResult {
  return { status, html: renderLayout({ ...input, lang: ctx.lang }, ctx.settings, ctx.origin), maxAge };
}

/** Builds the context of a page request. */
export function pageContext(
  req: FastifyRequest,
  lang: PortalLang,
  settings: PortalSettings,
  origin: string,
): PageContext {
  return { req, db: req.server.deps.db, lang, m: MESSAGES[lang], settings, origin };
}

/** "1.234,5 ha" / "1,234.5 ha". */
export function hectares(lang: PortalLang, value: string | null | undefined): string {
  const m = MESSAGES[lang];
  return value === null || value === undefined
    ? m.zones.unknown
    : fill(m.zones.hectares, { n: formatNumber(lang, value, 2) });
}

/** "65,2%" or "no data yet". */
export function percentOrUnknown(lang: PortalLang, value: number | null | undefined): string {
  return value === null || value === undefined ? MESSAGES[lang].zones.unknown : formatPercent(lang, value);
}

/** A zone status as a badge (words and colour). */
export function statusBadge(lang: PortalLang, status: string): Html {
  const label = MESSAGES[lang].statuses[status as keyof Messages['statuses']] ?? status;
  return html`<span class="badge status-${status}">${label}</span>`;
}

/** A zone kind as a badge. */
export function kindBadge(lang: PortalLang, kind: string): Html {
  return html`<span class="badge">${MESSAGES[lang].kinds[kind as keyof Messages['kinds']] ?? kind}</span>`;
}
