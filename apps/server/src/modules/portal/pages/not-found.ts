/**
 * The portal's "not found" and "something went wrong" pages: real HTML pages with the right status code,
 * in the page's language, with links onward. Search engines are told not to index them.
 */
import { html } from '../html.ts';
import { type PageContext, type PageResult, page } from './context.ts';

/** A 404 page for a path under /{lang}/. */
export function notFoundPage(ctx: PageContext, path: string): PageResult {
  const { lang, m } = ctx;
  const body = html`<h1>${m.notFound.title}</h1>
<p class="lead">${m.notFound.text}</p>
<p>${m.notFound.suggestions}</p>
<ul>
<li><a href="/${lang}/">${m.notFound.goHome}</a></li>
<li><a href="/${lang}/zones">${m.notFound.goZones}</a></li>
<li><a href="/${lang}/search">${m.notFound.goSearch}</a></li>
</ul>`;
  return page(ctx, { title: m.notFound.title, path, body, noindex: true }, 404, 0);
}

/** An error page (the error itself is logged, never shown). */
export function errorPage(ctx: PageContext, status: number): PageResult {
  const { lang, m } = ctx;
  const body = html`<h1>${m.errorPage.title}</h1>
<p class="lead">${status === 429 ? m.errorPage.rateLimited : m.errorPage.text}</p>
<p><a href="/${lang}/">${m.notFound.goHome}</a></p>`;
  return page(ctx, { title: m.errorPage.title, path: '/', body, noindex: true }, status, 0);
}
