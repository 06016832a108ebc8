/**
 * Feedback and petitions on the portal: the form (/{lang}/feedback) and its confirmation with the code and
 * lookup key, the published answers (/{lang}/feedback/answers, paged), and the requester's lookup
 * (/{lang}/feedback/track) where an answered item is rated (1–5) and reopened. Forms post and work without
 * JavaScript. Category names are data in Vietnamese and English; questions and answers are written by the
 * authority in Vietnamese.
 */
import type { FeedbackCategoryView, FeedbackTrackView } from '@heza/shared';
import { formatInstant } from '../../procedures/public/page.ts';
import { formatDate, formatNumber } from '../format.ts';
import { type Html, html } from '../html.ts';
import type { PortalLang } from '../langs.ts';
import { fill } from '../messages.ts';
import { PROCEDURE_MESSAGES } from '../messages-procedures.ts';
import { type PageContext, type PageResult, page } from './context.ts';
import {
  checkbox,
  dataLang,
  dataText,
  errorSummary,
  type FieldErrors,
  facts,
  fieldId,
  input,
  pickText,
  radios,
  select,
  textarea,
} from './forms.ts';
import { FORM_HEADERS, PRIVATE_HEADERS } from './procedures.ts';

/** What the feedback form holds. */
export interface FeedbackValues {
  kind: string;
  categoryCode: string;
  procedureCode: string;
  dossierCode: string;
  dossierSecret: string;
  subject: string;
  body: string;
  name: string;
  organisation: string;
  email: string;
  phone: string;
  consent: boolean;
}

export const EMPTY_FEEDBACK: FeedbackValues = {
  kind: 'feedback',
  categoryCode: '',
  procedureCode: '',
  dossierCode: '',
  dossierSecret: '',
  subject: '',
  body: '',
  name: '',
  organisation: '',
  email: '',
  phone: '',
  consent: false,
};

export const FEEDBACK_FIELD_ORDER = [
  'kind',
  'categoryCode',
  'procedureCode',
  'dossierCode',
  'dossierSecret',
  'subject',
  'body',
  'name',
  'organisation',
  'email',
  'phone',
  'consent',
];

function feedbackNav(lang: PortalLang, current: 'form' | 'answers' | 'track'): Html {
  const f = PROCEDURE_MESSAGES[lang].feedback;
  const item = (key: typeof current, href: string, label: string) =>
    key === current
      ? html`<li><a href="${href}" aria-current="page">${label}</a></li>`
      : html`<li><a href="${href}">${label}</a></li>`;
  return html`<nav class="subnav" aria-label="${f.title}"><ul>
${item('form', `/${lang}/feedback`, f.title)}
${item('answers', `/${lang}/feedback/answers`, f.answers)}
${item('track', `/${lang}/feedback/track`, f.trackLink)}
</ul></nav>`;
}

/** GET (and re-rendered POST) /{lang}/feedback */
export function feedbackFormPage(
  ctx: PageContext,
  data: { categories: FeedbackCategoryView[]; procedures: { code: string; vi: string; en: string }[] },
  values: FeedbackValues,
  errors: FieldErrors,
  status = 200,
): PageResult {
  const { lang } = ctx;
  const f = PROCEDURE_MESSAGES[lang].feedback;
  const body = html`${feedbackNav(lang, 'form')}
<h1>${f.title}</h1>
<p class="lead">${f.lead}</p>
${errorSummary(f.errorSummary, errors, FEEDBACK_FIELD_ORDER)}
<form class="app-form" method="post" action="/${lang}/feedback" novalidate>
${radios({
  name: 'kind',
  legend: f.kind,
  value: values.kind,
  options: [
    ['feedback', f.kindFeedback],
    ['petition', f.kindPetition],
  ],
  errors,
})}
${select({
  name: 'categoryCode',
  label: f.category,
  required: true,
  value: values.categoryCode,
  options: [
    ['', f.chooseCategory],
    ...data.categories.map((c): [string, string] => [c.code, pickText(lang, c.name.vi, c.name.en).text]),
  ],
  errors,
})}
${select({
  name: 'procedureCode',
  label: f.procedure,
  value: values.procedureCode,
  options: [
    ['', f.noProcedure],
    ...data.procedures.map((p): [string, string] => [
      p.code,
      `${p.code} — ${pickText(lang, p.vi, p.en).text}`,
    ]),
  ],
  errors,
})}
<fieldset><legend>${f.dossierCode}</legend>
<p class="hint">${f.dossierHint}</p>
${input({ name: 'dossierCode', label: f.dossierCode, value: values.dossierCode, maxlength: 60, errors })}
${input({ name: 'dossierSecret', label: f.dossierSecret, value: values.dossierSecret, maxlength: 4, errors, extra: html` autocomplete="off"` })}
</fieldset>
${input({ name: 'subject', label: f.subject, required: true, value: values.subject, maxlength: 300, errors })}
${textarea({ name: 'body', label: f.body, required: true, value: values.body, maxlength: 10000, rows: 8, errors })}
<fieldset><legend>${f.name}</legend>
<p class="hint">${f.contactHint}</p>
${input({ name: 'name', label: f.name, required: true, value: values.name, maxlength: 300, autocomplete: 'name', errors })}
${input({ name: 'organisation', label: `${f.organisation} ${PROCEDURE_MESSAGES[lang].apply.optional}`, value: values.organisation, maxlength: 300, autocomplete: 'organization', errors })}
${input({ name: 'email', label: f.email, type: 'email', value: values.email, maxlength: 254, autocomplete: 'email', errors })}
${input({ name: 'phone', label: f.phone, type: 'tel', value: values.phone, maxlength: 20, autocomplete: 'tel', errors })}
</fieldset>
${checkbox({ name: 'consent', label: f.consent, checked: values.consent, required: true, errors })}
<p><button type="submit">${f.submit}</button></p>
</form>`;
  const result = page(
    ctx,
    {
      title: f.title,
      description: f.description,
      path: '/feedback',
      section: 'feedback',
      shownLang: undefined,
      body,
    },
    status,
    0,
  );
  return { ...result, headers: Object.keys(errors).length ? PRIVATE_HEADERS : FORM_HEADERS };
}

/** The confirmation with the code and the lookup key. */
export function feedbackDonePage(
  ctx: PageContext,
  receipt: { code: string; trackingSecret: string; dueDate: string },
): PageResult {
  const { lang } = ctx;
  const d = PROCEDURE_MESSAGES[lang].feedbackDone;
  const body = html`${feedbackNav(lang, 'form')}
<h1>${d.title}</h1>
<p class="lead" role="status">${d.lead}</p>
<div class="secret-box">
${facts([
  [d.code, html`<strong id="feedback-code">${receipt.code}</strong>`],
  [d.secret, html`<strong class="secret" id="feedback-secret">${receipt.trackingSecret}</strong>`],
  [d.dueDate, formatDate(lang, receipt.dueDate)],
])}
<p>${d.secretHint}</p>
</div>
<p><a class="button" href="/${lang}/feedback/track">${d.track}</a></p>`;
  const result = page(
    ctx,
    { title: d.title, path: '/feedback', section: 'feedback', body, noindex: true },
    200,
    0,
  );
  return { ...result, headers: PRIVATE_HEADERS };
}

/** GET /{lang}/feedback/answers?page= */
export function feedbackAnswersPage(
  ctx: PageContext,
  data: {
    items: {
      code: string;
      category: { vi: string; en: string };
      subject: string;
      question: string;
      answer: string;
      answeredAt: string;
    }[];
    total: number;
  },
  pageNo: number,
  pageSize: number,
): PageResult {
  const { lang, m } = ctx;
  const a = PROCEDURE_MESSAGES[lang].answers;
  const pages = Math.max(1, Math.ceil(data.total / pageSize));
  const items = data.items.map(
    (it) => html`<li><article aria-labelledby="${fieldId(`ans-${it.code}`)}">
<h2 id="${fieldId(`ans-${it.code}`)}" lang="vi">${it.subject}</h2>
<p class="meta">${it.code} · ${dataText(lang, pickText(lang, it.category.vi, it.category.en))} · ${fill(a.answeredOn, { date: formatDate(lang, new Date(it.answeredAt)) })}</p>
<h3>${a.question}</h3><p class="prewrap" lang="vi">${it.question}</p>
<h3>${a.answer}</h3><p class="prewrap" lang="vi">${it.answer}</p>
</article></li>`,
  );
  const pager =
    pages > 1
      ? html`<nav aria-label="${m.pager.label}"><ul class="pager">
${pageNo > 1 ? html`<li><a href="/${lang}/feedback/answers?page=${pageNo - 1}" rel="prev">${m.pager.previous}</a></li>` : ''}
<li>${fill(m.pager.page, { n: formatNumber(lang, pageNo, 0) })} / ${formatNumber(lang, pages, 0)}</li>
${pageNo < pages ? html`<li><a href="/${lang}/feedback/answers?page=${pageNo + 1}" rel="next">${m.pager.next}</a></li>` : ''}
</ul></nav>`
      : '';
  const body = html`${feedbackNav(lang, 'answers')}
<h1>${a.title}</h1>
<p class="lead">${a.lead}</p>
${items.length ? html`<ul class="list">${items}</ul>` : html`<p>${a.none}</p>`}
${pager}`;
  return page(ctx, {
    title: pageNo > 1 ? `${a.title} — ${fill(m.pager.page, { n: pageNo })}` : a.title,
    description: a.description,
    path: pageNo > 1 ? `/feedback/answers?page=${pageNo}` : '/feedback/answers',
    section: 'feedback',
    // Questions and answers are published in Vietnamese.
    shownLang: lang !== 'vi' && items.length ? 'vi' : undefined,
    body,
  });
}

/** What the lookup shows below its form. */
export type FeedbackTrackOutcome =
  | { kind: 'form' }
  | { kind: 'not_found' }
  | {
      kind: 'found';
      view: FeedbackTrackView;
      secret: string;
      message?: string;
      errors?: FieldErrors;
      values?: { rating?: string; comment?: string; reason?: string };
    };

/** GET/POST /{lang}/feedback/track */
export function feedbackTrackPage(
  ctx: PageContext,
  code: string,
  outcome: FeedbackTrackOutcome,
  status = 200,
): PageResult {
  const { lang } = ctx;
  const t = PROCEDURE_MESSAGES[lang].track;
  let result: Html = html``;
  if (outcome.kind === 'not_found') result = html`<p class="notice" role="alert">${t.notFound}</p>`;
  if (outcome.kind === 'found') {
    const v = outcome.view;
    const errors = outcome.errors ?? {};
    const vals = outcome.values ?? {};
    const answered = v.status === 'answered' || v.status === 'closed';
    const hidden = html`<input type="hidden" name="code" value="${v.code}"><input type="hidden" name="secret" value="${outcome.secret}">`;
    const stars = (['1', '2', '3', '4', '5'] as const).map((n): [string, string] => [n, t.stars[n]]);
    result = html`<section aria-labelledby="fb-result" aria-live="polite">
<h2 id="fb-result">${v.code}</h2>
${outcome.message ? html`<p class="notice success" role="status">${outcome.message}</p>` : ''}
${errorSummary(t.title, errors, ['rating', 'comment', 'reason', 'form'])}
${facts([
  [t.subject, html`<span lang="vi">${v.subject}</span>`],
  [t.category, dataText(lang, pickText(lang, v.category.vi, v.category.en))],
  [t.status, html`<strong>${t.statuses[v.status]}</strong>`],
  [t.receivedAt, formatInstant(v.receivedAt, lang)],
  [t.dueDate, formatDate(lang, v.dueDate)],
  [t.answeredAt, v.answeredAt ? formatInstant(v.answeredAt, lang) : ''],
])}
<h3>${t.answer}</h3>
${v.answer ? html`<div class="answer prewrap" lang="vi">${v.answer}</div>` : html`<p>${t.noAnswer}</p>`}
${
  answered
    ? html`<form method="post" action="/${lang}/feedback/track" class="app-form">
<h3>${t.rate}</h3>
${v.rating ? html`<p>${fill(t.yourRating, { n: v.rating })}</p>` : ''}
${hidden}<input type="hidden" name="action" value="rate">
${radios({ name: 'rating', legend: t.rating, value: vals.rating ?? (v.rating ? String(v.rating) : ''), options: stars, errors })}
${textarea({ name: 'comment', label: `${t.comment} ${PROCEDURE_MESSAGES[lang].apply.optional}`, value: vals.comment ?? '', maxlength: 2000, rows: 3, errors })}
<p><button type="submit">${t.sendRating}</button></p>
</form>`
    : ''
}
${
  answered && v.canReopen
    ? html`<form method="post" action="/${lang}/feedback/track" class="app-form">
<h3>${t.reopen}</h3>
<p class="hint">${t.reopenHint}</p>
${hidden}<input type="hidden" name="action" value="reopen">
${textarea({ name: 'reason', label: t.reason, required: true, value: vals.reason ?? '', maxlength: 2000, rows: 3, errors })}
<p><button type="submit" class="secondary">${t.sendReopen}</button></p>
</form>`
    : ''
}
</section>`;
  }
  const body = html`${feedbackNav(lang, 'track')}
<h1>${t.title}</h1>
<p>${t.lead}</p>
<form method="post" action="/${lang}/feedback/track" autocomplete="off">
<input type="hidden" name="action" value="lookup">
<div class="field form-field"><label for="fb-code">${t.code}</label><p class="hint" id="fb-code-hint">${t.codeHint}</p>
<input id="fb-code" name="code" required maxlength="40" value="${code}" aria-describedby="fb-code-hint"></div>
<div class="field form-field"><label for="fb-secret">${t.secret}</label>
<input id="fb-secret" name="secret" required minlength="4" maxlength="4" size="6"></div>
<p><button type="submit">${t.submit}</button></p>
</form>
${result}`;
  const r = page(
    ctx,
    {
      title: t.title,
      path: '/feedback/track',
      section: 'feedback',
      shownLang: outcome.kind === 'found' ? dataLang(lang) : undefined,
      body,
    },
    status,
    0,
  );
  return { ...r, headers: outcome.kind === 'form' ? FORM_HEADERS : PRIVATE_HEADERS };
}
