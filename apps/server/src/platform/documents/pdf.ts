import type { Browser } from 'playwright-core';
import type { App } from '../http/types.ts';

/**
 * PDF from HTML with headless Chromium (Debian's /usr/bin/chromium driven by playwright-core): one browser
 * per renderer, started on the first render and closed with the app. Pages run without JavaScript and
 * without network, so a document can only show what its HTML contains.
 */

/** Page sizes the official documents use: forms on A5, reports and registers on A4. */
export type PageFormat = 'A4' | 'A5';

/** Renders HTML documents to PDF. */
export interface PdfRenderer {
  /** Renders a complete HTML document; margins come from its own CSS `@page` rule. */
  render(html: string, opts?: { format?: PageFormat; landscape?: boolean }): Promise<Buffer>;
  /** Closes the browser (a later render starts it again). */
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Creates a renderer; the browser is launched lazily and at most `maxPages` documents render at once. */
export function createPdfRenderer(
  opts: { executablePath?: string; maxPages?: number; timeoutMs?: number } = {},
): PdfRenderer {
  const executablePath = opts.executablePath ?? '/usr/bin/chromium';
  const maxPages = opts.maxPages ?? 4;
  const timeout = opts.timeoutMs ?? 30_000;
  let browser: Promise<Browser> | null = null;
  let active = 0;
  const waiting: (() => void)[] = [];

  function getBrowser(): Promise<Browser> {
    if (!browser) {
      const launching: Promise<Browser> = import('playwright-core')
        .then(({ chromium }) => chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout }))
        .then((b) => {
          // A crashed browser is forgotten, so the next render starts a new one.
          b.on('disconnected', () => {
            if (browser === launching) browser = null;
          });
          return b;
        });
      launching.catch(() => {
        if (browser === launching) browser = null;
      });
      browser = launching;
    }
    return browser;
  }

  async function slot(): Promise<() => void> {
    if (active >= maxPages) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    return () => {
      active--;
      waiting.shift()?.();
    };
  }

  return {
    async render(html, renderOpts = {}) {
      const release = await slot();
      try {
        const b = await getBrowser();
        const context = await b.newContext({ javaScriptEnabled: false, offline: true });
        try {
          await context.route('**/*', (route) => route.abort());
          const page = await context.newPage();
          await page.setContent(html, { waitUntil: 'load', timeout });
          return await page.pdf({
            format: renderOpts.format ?? 'A4',
            landscape: renderOpts.landscape ?? false,
            printBackground: true,
            preferCSSPageSize: true,
          });
        } finally {
          await context.close().catch(() => {});
        }
      } finally {
        release();
      }
    },
    async close() {
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close().catch(() => {});
    },
  };
}

const renderers = new WeakMap<object, PdfRenderer>();

/**
 * The renderer of an app: one browser shared by all its modules (keyed by the app's `deps`, so tests that
 * build several apps do not share one), closed when the app closes.
 */
export function pdfRendererFor(app: Pick<App, 'deps' | 'addHook'>): PdfRenderer {
  let r = renderers.get(app.deps);
  if (!r) {
    const created = createPdfRenderer();
    renderers.set(app.deps, created);
    app.addHook('onClose', async () => {
      await created.close();
    });
    r = created;
  }
  return r;
}
