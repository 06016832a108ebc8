/**
 * The portal's page layout, shared by every public page (and meant for other modules' public pages, such as
 * the dossier-tracking page): document head with title, description, canonical URL, hreflang alternates and
 * Open Graph tags; skip link; header with the site name, search and a language switch that keeps the page;
 * main navigation; breadcrumbs; the note shown when content falls back to another language; footer.
 *
 * Use `renderLayout` with settings and origin you already have, or `portalPage(req, …)` which loads them.
 * The body is an `Html` fragment (see html.ts) or a string of markup you have escaped yourself.
 */
import type { FastifyRequest } from 'fastify';
import { assetUrl } from './assets.ts';
import { Html, html, join, trusted } from './html.ts';
import { LANG_TAGS, OG_LOCALES, PORTAL_LANGS, type PortalLang } from './langs.ts';
import { fill, MESSAGES } from './messages.ts';
import { loadSettings, type PortalSettings, siteName } from './site.ts';

/** Sections of the main navigation. */
export const NAV_SECTIONS = [
  { key: 'home', path: '/' },
  { key: 'zones', path: '/zones' },
  { key: 'map', path: '/map' },
  { key: 'incentives', path: '/incentives' },
  { key: 'procedures', path: '/procedures' },
  { key: 'news', path: '/news' },
  { key: 'statistics', path: '/statistics' },
  { key: 'publications', path: '/publications' },
  { key: 'newsletter', path: '/newsletter' },
  { key: 'faq', path: '/faq' },
  { key: 'dossierTracking', path: '/dossiers/track' },
  { key: 'feedback', path: '/feedback' },
] as const;
/** A section of the main navigation. */
export type NavSection = (typeof NAV_SECTIONS)[number]['key'];

/** Each language's name in itself, for the language switch. */
export const ENDONYMS: Record<PortalLang, string> = {
  vi: 'Tiếng Việt',
  en: 'English',
  zh: '中文',
  ko: '한국어',
  ja: '日本語',
};

/** What a page gives the layout. */
export interface LayoutInput {
  lang: PortalLang;
  /** The page's own title (the site name is appended). */
  title: string;
  /** Meta and Open Graph description (one or two sentences). */
  description?: string;
  /**
   * The page's path without the language prefix ('/zones/dinh-vu'); the language switch and the hreflang
   * alternates use it for every language unless `alternates` says otherwise.
   */
  path: string;
  /** Paths (with the language prefix) of this page in other languages, e.g. content with per-language slugs. */
  alternates?: Partial<Record<PortalLang, string>>;
  /**
   * Languages that have this page in their own words (hreflang is only emitted for them); default: all five.
   * Pages showing fallback content pass the languages that really have a translation.
   */
  translatedLangs?: readonly PortalLang[];
  body: Html | string;
  /** Highlights a section of the main navigation. */
  section?: NavSection;
  /** Breadcrumbs between "Home" and the page itself. */
  breadcrumbs?: { label: string; href: string }[];
  /**
   * Content shown in another language than the page's (missing translation): shows the note. The page marks
   * the content's own element with that `lang`; the interface around it stays in the page's language.
   */
  shownLang?: PortalLang;
  /** Absolute or root-relative URL of the Open Graph image. */
  image?: string;
  ogType?: 'website' | 'article';
  /** Extra module scripts (asset names, e.g. 'map.js') and stylesheets ('vendor/maplibre-gl.css'). */
  scripts?: string[];
  styles?: string[];
  /** Keep the page out of search engines (404, search results). */
  noindex?: boolean;
}

const abs = (origin: string, href: string) => (/^https?:\/\//.test(href) ? href : `${origin}${href}`);

/** The URL of a page in a language. */
export function pageHref(input: Pick<LayoutInput, 'path' | 'alternates'>, lang: PortalLang): string {
  return input.alternates?.[lang] ?? `/${lang}${input.path === '/' ? '/' : input.path}`;
}

function head(input: LayoutInput, settings: PortalSettings, origin: string): Html {
  const m = MESSAGES[input.lang];
  const site = siteName(settings.site, input.lang);
  const fullTitle = input.section === 'home' ? site : `${input.title} — ${site}`;
  const self = pageHref(input, input.lang);
  const translated = input.translatedLangs ?? PORTAL_LANGS;
  const alternates = translated.map(
    (l) => html`<link rel="alternate" hreflang="${LANG_TAGS[l]}" href="${abs(origin, pageHref(input, l))}">`,
  );
  const xDefaultLang: PortalLang = translated.includes('vi') ? 'vi' : (translated[0] ?? input.lang);
  const description = input.description ?? m.home.lead;
  const image = input.image ? abs(origin, input.image) : abs(origin, assetUrl('og-image.png'));
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${description}">
${input.noindex ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${abs(origin, self)}">`}
${input.noindex ? '' : alternates}
${input.noindex ? '' : html`<link rel="alternate" hreflang="x-default" href="${abs(origin, pageHref(input, xDefaultLang))}">`}
<meta property="og:type" content="${input.ogType ?? 'website'}">
<meta property="og:site_name" content="${site}">
<meta property="og:title" content="${input.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${abs(origin, self)}">
<meta property="og:locale" content="${OG_LOCALES[input.lang]}">
${translated.filter((l) => l !== input.lang).map((l) => html`<meta property="og:locale:alternate" content="${OG_LOCALES[l]}">`)}
<meta property="og:image" content="${image}">
<meta name="twitter:card" content="summary_large_image">
<link rel="icon" href="${assetUrl('favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${assetUrl('portal.css')}">
${(input.styles ?? []).map((s) => html`<link rel="stylesheet" href="${assetUrl(s)}">`)}
</head>`;
}

function header(input: LayoutInput, settings: PortalSettings): Html {
  const { lang } = input;
  const m = MESSAGES[lang];
  const langs = PORTAL_LANGS.map((l) =>
    l === lang
      ? html`<li><a href="${pageHref(input, l)}" lang="${LANG_TAGS[l]}" hreflang="${LANG_TAGS[l]}" aria-current="true">${ENDONYMS[l]}</a></li>`
      : html`<li><a href="${pageHref(input, l)}" lang="${LANG_TAGS[l]}" hreflang="${LANG_TAGS[l]}">${ENDONYMS[l]}</a></li>`,
  );
  const nav = NAV_SECTIONS.map((s) => {
    const href = `/${lang}${s.path}`;
    const label = m.nav[s.key];
    return s.key === input.section
      ? html`<li><a href="${href}" aria-current="page">${label}</a></li>`
      : html`<li><a href="${href}">${label}</a></li>`;
  });
  return html`<header class="site-header">
<div class="wrap header-top">
<a class="brand" href="/${lang}/"><img src="${assetUrl('favicon.svg')}" alt="" width="36" height="36"><span>${siteName(settings.site, lang)}</span></a>
<form class="site-search" role="search" action="/${lang}/search" method="get">
<label for="site-search-q" class="visually-hidden">${m.searchLabel}</label>
<input id="site-search-q" name="q" type="search" maxlength="200" placeholder="${m.searchPlaceholder}">
<button type="submit">${m.searchButton}</button>
</form>
<nav class="lang-switch" aria-label="${m.languageNav}"><ul>${langs}</ul></nav>
</div>
<nav class="main-nav" aria-label="${m.mainNav}"><ul class="wrap">${nav}</ul></nav>
</header>`;
}

function breadcrumbs(input: LayoutInput): Html {
  if (input.section === 'home' || !input.breadcrumbs) return html``;
  const m = MESSAGES[input.lang];
  const items = [
    html`<li><a href="/${input.lang}/">${m.nav.home}</a></li>`,
    ...input.breadcrumbs.map((b) => html`<li><a href="${b.href}">${b.label}</a></li>`),
    html`<li><span aria-current="page">${input.title}</span></li>`,
  ];
  return html`<nav class="breadcrumbs wrap" aria-label="${m.breadcrumb}"><ol>${items}</ol></nav>`;
}

function footer(input: LayoutInput, settings: PortalSettings): Html {
  const m = MESSAGES[input.lang];
  const s = settings.site;
  const contact = [
    s.address ? html`<li>${s.address}</li>` : '',
    s.phone ? html`<li><a href="tel:${s.phone.replace(/[^+\d]/g, '')}">${s.phone}</a></li>` : '',
    s.email ? html`<li><a href="mailto:${s.email}">${s.email}</a></li>` : '',
  ];
  return html`<footer class="site-footer">
<div class="wrap footer-grid">
<section aria-labelledby="footer-contact"><h2 id="footer-contact">${m.footer.contact}</h2>
<p><strong>${siteName(s, input.lang)}</strong></p><ul class="plain">${contact}</ul></section>
<section aria-labelledby="footer-links"><h2 id="footer-links" class="visually-hidden">${m.footer.links}</h2>
<ul class="plain">
<li><a href="/${input.lang}/statistics#licence">${m.footer.licence}</a></li>
<li><a href="/sitemap.xml">${m.footer.sitemap}</a></li>
<li><a href="/login">${m.footer.staffLogin}</a></li>
</ul></section>
</div>
${s.demo ? html`<p class="wrap demo-note">${m.footer.demo}</p>` : ''}
</footer>`;
}

/** Renders a whole portal page. */
export function renderLayout(input: LayoutInput, settings: PortalSettings, origin: string): string {
  const m = MESSAGES[input.lang];
  const note = input.shownLang
    ? html`<p class="notice fallback-note" role="note" lang="${LANG_TAGS[input.lang]}">${fill(
        m.fallbackNote,
        {
          missing: m.languageNames[input.lang],
          shown: m.languageNames[input.shownLang],
        },
      )}</p>`
    : '';
  const body = input.body instanceof Html ? input.body : trusted(input.body);
  const scripts = (input.scripts ?? []).map(
    (s) => html`<script type="module" src="${assetUrl(s)}"></script>`,
  );
  const doc = html`<!doctype html>
<html lang="${LANG_TAGS[input.lang]}" dir="ltr">
${head(input, settings, origin)}
<body>
<a class="skip-link" href="#main">${m.skipToContent}</a>
${header(input, settings)}
${breadcrumbs(input)}
<main id="main" class="wrap" tabindex="-1">
${note}
${body}
</main>
${footer(input, settings)}
${join(scripts)}
</body>
</html>`;
  return doc.value;
}

/** The site's origin for absolute links: the configured public URL, else the request's own. */
export function requestOrigin(req: FastifyRequest): string {
  const configured = req.server.deps.config.publicUrl;
  if (configured) return configured.replace(/\/+$/, '');
  return `${req.protocol}://${req.host}`;
}

/** Loads the settings and renders a portal page for a request (what other modules' public pages call). */
export async function portalPage(req: FastifyRequest, input: LayoutInput): Promise<string> {
  const settings = await loadSettings(req.server.deps.db);
  return renderLayout(input, settings, requestOrigin(req));
}
