import type { TrackView } from '@heza/shared';
import { escapeHtml } from '../../../platform/documents/html.ts';
import { PORTAL_LANGS, type PortalLang, TRACKING_MESSAGES } from './messages.ts';

/**
 * The public tracking page as plain server-rendered HTML: readable without JavaScript, no external
 * resources, one small inline style. A self-contained template so the portal can later wrap it in its
 * common layout (`renderTrackingBody` is the part to embed).
 */

const LOCALES: Record<PortalLang, string> = {
  vi: 'vi-VN',
  en: 'en-GB',
  zh: 'zh-CN',
  ko: 'ko-KR',
  ja: 'ja-JP',
};

/** An instant on the Vietnam clock in the page's language ("14:05 05/06/2026" in Vietnamese). */
export function formatInstant(iso: string, lang: PortalLang): string {
  const d = new Date(iso);
  if (lang === 'vi') {
    const v = new Date(d.getTime() + 7 * 3_600_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(v.getUTCHours())}:${p(v.getUTCMinutes())} ngày ${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  }
  return new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(d);
}

/** What the page shows below the form. */
export type TrackingOutcome =
  | { kind: 'form' }
  | { kind: 'found'; view: TrackView; receiptUrl: string | null }
  | { kind: 'not_found' }
  | { kind: 'rate_limited' }
  | { kind: 'error' };

function row(label: string, value: string): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`;
}

function result(o: TrackingOutcome, lang: PortalLang): string {
  const m = TRACKING_MESSAGES[lang];
  if (o.kind === 'form') return '';
  if (o.kind !== 'found') {
    const text = o.kind === 'not_found' ? m.notFound : o.kind === 'rate_limited' ? m.rateLimited : m.error;
    return `<p class="notice" role="alert">${escapeHtml(text)}</p>`;
  }
  const v = o.view;
  const name = lang === 'vi' ? v.procedure.vi : v.procedure.en;
  const rows = [
    row(m.codeLabel, `<strong>${escapeHtml(v.code)}</strong>`),
    row(m.procedure, escapeHtml(name)),
    row(m.status, `<strong>${escapeHtml(m.statuses[v.status])}</strong>`),
    v.receivedAt ? row(m.receivedAt, escapeHtml(formatInstant(v.receivedAt, lang))) : '',
    v.dueAt ? row(m.dueAt, escapeHtml(formatInstant(v.dueAt, lang))) : '',
    v.finishedAt ? row(m.finishedAt, escapeHtml(formatInstant(v.finishedAt, lang))) : '',
    v.returnedAt ? row(m.returnedAt, escapeHtml(formatInstant(v.returnedAt, lang))) : '',
  ].join('');
  const steps = v.steps.length
    ? `<h2>${escapeHtml(m.steps)}</h2><ol class="steps">${v.steps
        .map((s) => {
          const state = s.done ? m.stepDone : s.current ? m.stepCurrent : m.stepWaiting;
          return `<li class="${s.done ? 'done' : s.current ? 'current' : ''}">${escapeHtml(lang === 'vi' ? s.name.vi : s.name.en)} — <em>${escapeHtml(state)}</em></li>`;
        })
        .join('')}</ol>`
    : '';
  const supplement = v.supplementRequested.length
    ? `<h2>${escapeHtml(m.supplementRequested)}</h2><ul>${v.supplementRequested.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`
    : '';
  const overdue = v.overdue ? `<p class="notice">${escapeHtml(m.overdue)}</p>` : '';
  const receipt = o.receiptUrl
    ? `<p><a href="${escapeHtml(o.receiptUrl)}">${escapeHtml(m.downloadReceipt)}</a></p>`
    : '';
  return `<section aria-live="polite"><table class="facts">${rows}</table>${overdue}${supplement}${steps}${receipt}</section>`;
}

/** The page body (form and outcome) without the surrounding document: the part a portal layout embeds. */
export function renderTrackingBody(lang: PortalLang, outcome: TrackingOutcome, code: string): string {
  const m = TRACKING_MESSAGES[lang];
  const langs = PORTAL_LANGS.map((l) =>
    l === lang
      ? `<strong>${escapeHtml(TRACKING_MESSAGES[l].languageName)}</strong>`
      : `<a href="/${l}/dossiers/track" hreflang="${l}" lang="${l}">${escapeHtml(TRACKING_MESSAGES[l].languageName)}</a>`,
  ).join(' · ');
  return `<nav class="langs">${langs}</nav>
<h1>${escapeHtml(m.title)}</h1>
<p>${escapeHtml(m.intro)}</p>
<form method="post" action="/${lang}/dossiers/track" autocomplete="off">
<p><label for="code">${escapeHtml(m.codeLabel)}</label><br><input id="code" name="code" required maxlength="60" value="${escapeHtml(code)}" placeholder="${escapeHtml(m.codeHint)}" size="32"></p>
<p><label for="secret">${escapeHtml(m.secretLabel)}</label><br><input id="secret" name="secret" required maxlength="4" minlength="4" size="6" placeholder="${escapeHtml(m.secretHint)}"></p>
<p><button type="submit">${escapeHtml(m.submit)}</button></p>
</form>
${result(outcome, lang)}
<footer>${escapeHtml(m.authority)}</footer>`;
}

/** The complete tracking page. */
export function renderTrackingPage(lang: PortalLang, outcome: TrackingOutcome, code = ''): string {
  const m = TRACKING_MESSAGES[lang];
  return `<!doctype html>
<html lang="${m.htmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(m.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;max-width:42rem;margin:0 auto;padding:1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.5rem;color:#8b1a1a}h2{font-size:1.1rem;margin-top:1.5rem}
input{font-size:1rem;padding:.4rem}button{font-size:1rem;padding:.4rem 1.2rem;background:#8b1a1a;color:#fff;border:0;border-radius:4px}
.langs{font-size:.9rem;margin-bottom:1rem}.notice{background:#fff4e5;border-left:4px solid #d97706;padding:.6rem}
table.facts{border-collapse:collapse;width:100%}table.facts th{text-align:left;padding:.3rem .6rem .3rem 0;vertical-align:top;width:40%;font-weight:600}
table.facts td{padding:.3rem 0}.steps li.done{color:#166534}.steps li.current{font-weight:600}footer{margin-top:2rem;font-size:.85rem;color:#555}
</style></head>
<body>
${renderTrackingBody(lang, outcome, code)}
</body></html>`;
}
