/**
 * The one-stop pages of the portal: the procedure catalogue (/{lang}/procedures, searched without Vietnamese
 * diacritics, filtered by field and online level, with the staff's procedure guides beside it), a procedure's
 * current version (/{lang}/procedures/{code}: documents with originals and copies, fees, steps, legal basis,
 * the appointment one would get now), the online application form and its confirmation, and the status of a
 * submitted dossier for its applicant (lookup key). Procedure data exists in Vietnamese and English: other
 * languages show it in English with the fallback note.
 */
import { foldVietnamese, type ProcedureView, toIsoDateVn } from '@heza/shared';
import type { DbOrTx } from '../../../db/client.ts';
import { getCalendar } from '../../calendar/service.ts';
import { presentProcedures } from '../../procedures/catalogue.ts';
import { TRACKING_MESSAGES } from '../../procedures/public/messages.ts';
import { formatInstant } from '../../procedures/public/page.ts';
import { appointmentOf, now } from '../../procedures/time.ts';
import { liveList } from '../content-data.ts';
import { formatDate, formatNumber } from '../format.ts';
import { type Html, html } from '../html.ts';
import type { PortalLang } from '../langs.ts';
import { fill } from '../messages.ts';
import { PROCEDURE_MESSAGES, type ProcedureMessages } from '../messages-procedures.ts';
import { contentListItems } from './content.ts';
import { type PageContext, type PageResult, page } from './context.ts';
import {
  checkbox,
  dataLang,
  dataText,
  errorSummary,
  type FieldErrors,
  facts,
  field,
  fieldId,
  input,
  pickText,
  radios,
  textarea,
} from './forms.ts';
import { searchTerms } from './search.ts';

/** Largest total of the files of one online application (each file ≤ 10 MB, see platform/files). */
export const MAX_APPLICATION_BYTES = 40 * 1024 * 1024;

/**
 * Pages with forms that post: the app's default `Referrer-Policy: no-referrer` makes browsers send
 * `Origin: null` on form posts, which the app's Origin check refuses. `same-origin` keeps the referrer (and
 * the Origin) inside the site and sends nothing to other sites; lookup keys never travel in URLs anyway.
 */
export const FORM_HEADERS = { 'referrer-policy': 'same-origin' };

/** No caching anywhere: pages showing lookup keys or personal data (they carry forms too). */
export const PRIVATE_HEADERS = { 'cache-control': 'private, no-store', ...FORM_HEADERS };

const pm = (lang: PortalLang): ProcedureMessages => PROCEDURE_MESSAGES[lang];

/** The procedures in force today with documents, steps and fees (the catalogue is small: tens of rows). */
export async function proceduresInForce(db: DbOrTx, on = toIsoDateVn(now())): Promise<ProcedureView[]> {
  const rows = await db
    .selectFrom('procedures')
    .selectAll()
    .where('effective_from', '<=', on)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', on)]))
    .orderBy('field_code')
    .orderBy('code')
    .execute();
  return presentProcedures(db, rows);
}

/** The version of a procedure in force today, or undefined. */
export async function procedureInForce(db: DbOrTx, code: string): Promise<ProcedureView | undefined> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/.test(code)) return undefined;
  const on = toIsoDateVn(now());
  const row = await db
    .selectFrom('procedures')
    .selectAll()
    .where('code', '=', code)
    .where('effective_from', '<=', on)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', on)]))
    .executeTakeFirst();
  return row ? (await presentProcedures(db, [row]))[0] : undefined;
}

/** "15 ngày làm việc" / "15 working days". */
function workingDays(lang: PortalLang, n: number): string {
  return fill(pm(lang).catalogue.workingDays, { n: formatNumber(lang, n, 0) });
}

/** The fees of a procedure as short text items. */
function feeItems(ctx: PageContext, p: ProcedureView): Html {
  const m = pm(ctx.lang);
  if (p.fees.length === 0 || p.fees.every((f) => f.amountVnd !== null && Number(f.amountVnd) === 0))
    return html`${m.catalogue.noFee}`;
  return html`<ul class="plain">${p.fees.map((f) => {
    const name = pickText(ctx.lang, f.nameVi, f.nameEn);
    const note = f.noteVi ? pickText(ctx.lang, f.noteVi, f.noteEn) : null;
    const amount =
      f.amountVnd === null
        ? m.catalogue.feeSet
        : Number(f.amountVnd) === 0
          ? m.catalogue.noFee
          : fill(m.catalogue.vnd, { n: formatNumber(ctx.lang, f.amountVnd, 0) });
    return html`<li>${dataText(ctx.lang, name)}: ${amount}${note ? html` (${dataText(ctx.lang, note)})` : ''}</li>`;
  })}</ul>`;
}

function onlineBadge(lang: PortalLang, level: ProcedureView['onlineLevel']): Html {
  return html`<span class="badge online-${level}">${pm(lang).onlineLevels[level]}</span>`;
}

/** The procedures matching a query: every folded word in the code or the Vietnamese or English name. */
export function filterProcedures(
  all: ProcedureView[],
  q: { q?: string; field?: string; online?: string },
): ProcedureView[] {
  const terms = searchTerms(q.q ?? '');
  return all.filter((p) => {
    if (q.field && p.field.code !== q.field) return false;
    if (q.online && p.onlineLevel !== q.online) return false;
    if (!terms.length) return true;
    const text = foldVietnamese(`${p.code} ${p.name.vi} ${p.name.en}`);
    return terms.every((t) => text.includes(t));
  });
}

const str = (v: unknown, max = 200) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** GET /{lang}/procedures */
export async function proceduresCataloguePage(ctx: PageContext, rawQuery: unknown): Promise<PageResult> {
  const { lang } = ctx;
  const m = pm(lang);
  const query = (rawQuery ?? {}) as Record<string, unknown>;
  const q = str(query.q);
  const fieldCode = str(query.field, 40);
  const online = ['full', 'partial', 'none'].includes(str(query.online)) ? str(query.online) : '';
  const [all, guides] = await Promise.all([
    proceduresInForce(ctx.db),
    liveList(ctx.db, 'procedure_guide', lang),
  ]);
  const fields = [...new Map(all.map((p) => [p.field.code, p.field])).values()];
  const shownList = filterProcedures(all, { q, field: fieldCode, online });
  const filtered = Boolean(q || fieldCode || online);
  const cards = shownList.map((p) => {
    const name = pickText(lang, p.name.vi, p.name.en);
    return html`<li class="card procedure-card">
<h3><a href="/${lang}/procedures/${encodeURIComponent(p.code)}"${name.lang !== lang ? html` lang="${name.lang}"` : ''}>${name.text}</a></h3>
<p class="meta">${m.catalogue.code}: ${p.code} · ${dataText(lang, pickText(lang, p.field.vi, p.field.en))}</p>
<dl>
<div><dt>${m.catalogue.timeLimit}</dt><dd>${workingDays(lang, p.timeLimitDays)}</dd></div>
<div><dt>${m.catalogue.online}</dt><dd>${onlineBadge(lang, p.onlineLevel)}</dd></div>
<div><dt>${m.catalogue.fees}</dt><dd>${feeItems(ctx, p)}</dd></div>
</dl>
</li>`;
  });
  const fieldOptions: [string, string][] = [
    ['', m.catalogue.anyField],
    ...fields.map((f): [string, string] => [f.code, pickText(lang, f.vi, f.en).text]),
  ];
  const onlineOptions: [string, string][] = [
    ['', m.catalogue.anyOnline],
    ...(['full', 'partial', 'none'] as const).map((l): [string, string] => [l, m.onlineLevels[l]]),
  ];
  const opt = (options: [string, string][], value: string) =>
    options.map(([v, l]) =>
      v === value
        ? html`<option value="${v}" selected>${l}</option>`
        : html`<option value="${v}">${l}</option>`,
    );
  const body = html`<h1>${m.catalogue.title}</h1>
<p class="lead">${m.catalogue.lead}</p>
<p class="actions"><a class="button secondary" href="/${lang}/dossiers/track">${m.catalogue.track}</a> <a class="button secondary" href="/${lang}/feedback">${m.catalogue.feedback}</a></p>
<form class="filters" role="search" method="get" action="/${lang}/procedures">
<div class="field"><label for="proc-q">${m.catalogue.search}</label><input id="proc-q" type="search" name="q" value="${q}" maxlength="200" aria-describedby="proc-q-hint"></div>
<div class="field"><label for="proc-field">${m.catalogue.field}</label><select id="proc-field" name="field">${opt(fieldOptions, fieldCode)}</select></div>
<div class="field"><label for="proc-online">${m.catalogue.online}</label><select id="proc-online" name="online">${opt(onlineOptions, online)}</select></div>
<div class="filter-actions"><button type="submit">${m.catalogue.filter}</button>${filtered ? html` <a href="/${lang}/procedures">${m.catalogue.reset}</a>` : ''}</div>
</form>
<p class="meta" id="proc-q-hint">${m.catalogue.searchHint}</p>
<h2 id="procedures-found">${fill(m.catalogue.count, { n: formatNumber(lang, shownList.length, 0) })}</h2>
${shownList.length ? html`<ul class="cards" aria-labelledby="procedures-found">${cards}</ul>` : html`<p role="status">${m.catalogue.none}</p>`}
${guides.length ? html`<section aria-labelledby="guides-title"><h2 id="guides-title">${m.catalogue.guides}</h2>${contentListItems(ctx, 'procedure_guide', guides, 3)}</section>` : ''}`;
  const result = page(ctx, {
    title: m.catalogue.title,
    description: m.catalogue.description,
    path: '/procedures',
    section: 'procedures',
    shownLang: dataLang(lang),
    body,
    noindex: filtered,
  });
  return result;
}

/** The appointment a dossier received now would get ("if you submitted now"). */
export async function appointmentNow(db: DbOrTx, p: ProcedureView) {
  const calendar = await getCalendar(db);
  return appointmentOf(calendar, now(), p.timeLimitDays, p.cutoff);
}

/** GET /{lang}/procedures/{code}: null when no procedure of that code is in force. */
export async function procedurePage(ctx: PageContext, p: ProcedureView): Promise<PageResult> {
  const { lang } = ctx;
  const m = pm(lang);
  const name = pickText(lang, p.name.vi, p.name.en);
  const appt = await appointmentNow(ctx.db, p);
  const docs = p.documents.map((d) => {
    const n = pickText(lang, d.nameVi, d.nameEn);
    return html`<tr><td>${dataText(lang, n)}</td><td class="num">${formatNumber(lang, d.originals, 0)}</td><td class="num">${formatNumber(lang, d.copies, 0)}</td><td>${d.required ? m.procedure.required : m.procedure.optional}</td></tr>`;
  });
  const steps = p.steps.map(
    (s) =>
      html`<li>${dataText(lang, pickText(lang, s.nameVi, s.nameEn))} <span class="meta">(${workingDays(lang, s.days)})</span></li>`,
  );
  const office = pickText(lang, p.office.nameVi, p.office.nameEn);
  const result = pickText(lang, p.result.vi, p.result.en);
  const canApply = p.onlineLevel !== 'none';
  const body = html`<h1${name.lang !== lang ? html` lang="${name.lang}"` : ''}>${name.text}</h1>
<p class="meta">${m.catalogue.code}: ${p.code} · ${fill(m.procedure.version, { n: p.version, date: formatDate(lang, p.effectiveFrom) })}</p>
<p>${onlineBadge(lang, p.onlineLevel)}</p>
<div class="actions">
${canApply ? html`<a class="button" href="/${lang}/procedures/${encodeURIComponent(p.code)}/apply">${m.procedure.apply}</a>` : html`<p class="notice">${m.procedure.counterOnly}</p>`}
<a class="button secondary" href="/${lang}/dossiers/track">${m.catalogue.track}</a>
</div>
${facts([
  [m.catalogue.field, dataText(lang, pickText(lang, p.field.vi, p.field.en))],
  [m.catalogue.timeLimit, workingDays(lang, p.timeLimitDays)],
  [m.procedure.result, dataText(lang, result)],
  [m.procedure.office, dataText(lang, office)],
  [m.catalogue.fees, feeItems(ctx, p)],
])}
<section aria-labelledby="appointment-title" class="notice">
<h2 id="appointment-title">${m.procedure.appointment}</h2>
<p>${fill(m.procedure.appointmentText, { from: formatDate(lang, appt.countingFrom), due: formatInstant(appt.dueAt.toISOString(), lang) })}</p>
${p.cutoff ? html`<p class="meta">${fill(m.procedure.cutoff, { time: p.cutoff })}</p>` : ''}
</section>
<section aria-labelledby="documents-title">
<h2 id="documents-title">${m.procedure.documents}</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col">${m.procedure.document}</th><th scope="col">${m.procedure.originals}</th><th scope="col">${m.procedure.copies}</th><th scope="col">${m.procedure.requirement}</th></tr></thead>
<tbody>${docs}</tbody></table></div>
</section>
<section aria-labelledby="steps-title">
<h2 id="steps-title">${m.procedure.steps}</h2>
<ol>${steps}</ol>
</section>
${p.legalBasis ? html`<section aria-labelledby="legal-title"><h2 id="legal-title">${m.procedure.legalBasis}</h2><p lang="vi">${p.legalBasis}</p></section>` : ''}
${p.note ? html`<section aria-labelledby="note-title"><h2 id="note-title">${m.procedure.note}</h2><p lang="vi">${p.note}</p></section>` : ''}
<p><a href="/${lang}/feedback?procedure=${encodeURIComponent(p.code)}">${m.catalogue.feedback}</a></p>`;
  return page(
    ctx,
    {
      title: name.text,
      description: `${m.catalogue.code} ${p.code}. ${m.catalogue.timeLimit}: ${workingDays(lang, p.timeLimitDays)}. ${m.onlineLevels[p.onlineLevel]}.`,
      path: `/procedures/${encodeURIComponent(p.code)}`,
      section: 'procedures',
      breadcrumbs: [{ label: m.catalogue.title, href: `/${lang}/procedures` }],
      shownLang: dataLang(lang),
      body,
    },
    200,
    // The appointment shown depends on the time of day.
    60,
  );
}

/** What the application form holds (files are never echoed back). */
export interface ApplyValues {
  kind: string;
  name: string;
  email: string;
  phone: string;
  idNumber: string;
  address: string;
  subject: string;
  returnMethod: string;
  returnAddress: string;
  consent: boolean;
}

export const EMPTY_APPLY: ApplyValues = {
  kind: 'organisation',
  name: '',
  email: '',
  phone: '',
  idNumber: '',
  address: '',
  subject: '',
  returnMethod: 'counter',
  returnAddress: '',
  consent: false,
};

/** The order errors are listed in (the form's order). */
export function applyFieldOrder(p: ProcedureView): string[] {
  return [
    'form',
    'kind',
    'name',
    'email',
    'phone',
    'idNumber',
    'address',
    'subject',
    'returnMethod',
    'returnAddress',
    ...p.documents.map((d) => `doc_${d.key}`),
    'consent',
  ];
}

/** GET (and re-rendered POST) /{lang}/procedures/{code}/apply */
export function applyFormPage(
  ctx: PageContext,
  p: ProcedureView,
  state: {
    values: ApplyValues;
    errors: FieldErrors;
    /** The signed-in enterprise the dossier is filed for, and the session's CSRF token. */
    account?: { name: string; csrfToken: string };
  },
  status = 200,
): PageResult {
  const { lang } = ctx;
  const m = pm(lang);
  const a = m.apply;
  const { values: v, errors } = state;
  const name = pickText(lang, p.name.vi, p.name.en);
  const guest = !state.account;
  const hadErrors = Object.keys(errors).length > 0;
  const docFields = p.documents.map((d) => {
    const n = pickText(lang, d.nameVi, d.nameEn);
    return field({
      name: `doc_${d.key}`,
      label: n.text,
      required: d.required,
      hint: `${fill(a.fileOf, { originals: d.originals, copies: d.copies })}${d.required ? '' : ` ${a.optional}`}`,
      errors,
      control: (attrs) =>
        html`<input ${attrs} type="file" accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">`,
    });
  });
  const body = html`<h1>${a.title}</h1>
<p class="lead"${name.lang !== lang ? html` lang="${name.lang}"` : ''}>${name.text}</p>
<p>${a.lead}</p>
<p class="notice">${state.account ? fill(a.signedIn, { name: state.account.name }) : a.guest}</p>
${errorSummary(a.errorSummary, errors, applyFieldOrder(p))}
${hadErrors ? html`<p class="notice">${a.filesAgain}</p>` : ''}
<form class="app-form" method="post" action="/${lang}/procedures/${encodeURIComponent(p.code)}/apply" enctype="multipart/form-data" novalidate>
${state.account ? html`<input type="hidden" name="csrf" value="${state.account.csrfToken}">` : ''}
<fieldset><legend>${a.applicant}</legend>
${radios({
  name: 'kind',
  legend: a.kind,
  value: v.kind,
  options: [
    ['organisation', a.organisation],
    ['individual', a.individual],
  ],
  errors,
})}
${input({ name: 'name', label: a.name, required: true, value: v.name, maxlength: 300, autocomplete: 'organization', errors })}
${input({ name: 'email', label: a.email, type: 'email', required: guest, value: v.email, maxlength: 254, autocomplete: 'email', errors })}
${input({ name: 'phone', label: a.phone, type: 'tel', required: guest, value: v.phone, maxlength: 20, autocomplete: 'tel', errors })}
${input({ name: 'idNumber', label: `${a.idNumber} ${a.optional}`, value: v.idNumber, maxlength: 50, errors })}
${input({ name: 'address', label: `${a.address} ${a.optional}`, value: v.address, maxlength: 500, autocomplete: 'street-address', errors })}
</fieldset>
${textarea({ name: 'subject', label: a.subject, required: true, hint: a.subjectHint, value: v.subject, maxlength: 2000, rows: 3, errors })}
${radios({
  name: 'returnMethod',
  legend: a.returnMethod,
  value: v.returnMethod,
  options: [
    ['counter', a.returnCounter],
    ['post', a.returnPost],
    ...(p.onlineLevel === 'full' ? [['online', a.returnOnline] as [string, string]] : []),
  ],
  errors,
})}
${input({ name: 'returnAddress', label: `${a.returnAddress} ${a.optional}`, value: v.returnAddress, maxlength: 500, errors })}
<fieldset><legend>${a.files}</legend>
<p class="hint">${fill(a.filesHint, { total: MAX_APPLICATION_BYTES / 1024 / 1024 })}</p>
${docFields}
</fieldset>
${checkbox({ name: 'consent', label: a.consent, checked: v.consent, required: true, errors })}
<p><button type="submit">${a.submit}</button></p>
</form>`;
  const result = page(
    ctx,
    {
      title: `${a.title}: ${name.text}`,
      description: m.catalogue.description,
      path: `/procedures/${encodeURIComponent(p.code)}/apply`,
      section: 'procedures',
      breadcrumbs: [
        { label: m.catalogue.title, href: `/${lang}/procedures` },
        { label: name.text, href: `/${lang}/procedures/${encodeURIComponent(p.code)}` },
      ],
      shownLang: dataLang(lang),
      body,
      noindex: true,
    },
    status,
    0,
  );
  return { ...result, headers: PRIVATE_HEADERS };
}

/** The confirmation after an online application. */
export async function applyDonePage(
  ctx: PageContext,
  p: ProcedureView,
  submitted: { id: string; secret: string; files: string[]; email: string | null },
): Promise<PageResult> {
  const { lang } = ctx;
  const d = pm(lang).done;
  const name = pickText(lang, p.name.vi, p.name.en);
  const appt = await appointmentNow(ctx.db, p);
  const body = html`<h1>${d.title}</h1>
<p class="lead" role="status">${d.lead}</p>
<div class="secret-box">
<p>${d.secret}: <strong class="secret" id="tracking-secret">${submitted.secret}</strong></p>
<p>${d.secretHint}</p>
</div>
${facts([
  [d.procedure, html`${dataText(lang, name)} (${p.code})`],
  [d.status, TRACKING_MESSAGES[lang].statuses.submitted],
  [d.submittedAt, formatInstant(now().toISOString(), lang)],
  [d.code, d.codePending],
  [d.expected, fill(d.expectedText, { due: formatInstant(appt.dueAt.toISOString(), lang) })],
])}
<h2>${d.files}</h2>
<ul>${submitted.files.map((f) => html`<li>${f}</li>`)}</ul>
<p><a class="button" href="/${lang}/procedures/submissions/${submitted.id}">${d.follow}</a></p>
<p class="meta">${d.followHint}</p>
<p><a href="/${lang}/dossiers/track">${d.track}</a></p>`;
  const result = page(
    ctx,
    {
      title: d.title,
      path: `/procedures/${encodeURIComponent(p.code)}/apply`,
      section: 'procedures',
      shownLang: dataLang(lang),
      body,
      noindex: true,
    },
    200,
    0,
  );
  return { ...result, headers: PRIVATE_HEADERS };
}

/** What the applicant sees of a submitted dossier (with the lookup key). */
export interface SubmissionView {
  id: string;
  code: string | null;
  status: string;
  procedure: { vi: string; en: string };
  submittedAt: Date | null;
  dueAt: Date | null;
  supplement: string[];
  secret: string;
}

/** GET/POST /{lang}/procedures/submissions/{id} */
export function submissionPage(
  ctx: PageContext,
  id: string,
  outcome: { kind: 'form' } | { kind: 'not_found' } | { kind: 'found'; view: SubmissionView },
): PageResult {
  const { lang } = ctx;
  const s = pm(lang).submission;
  const d = pm(lang).done;
  const t = TRACKING_MESSAGES[lang];
  let result: Html = html``;
  if (outcome.kind === 'not_found') result = html`<p class="notice" role="alert">${s.notFound}</p>`;
  if (outcome.kind === 'found') {
    const v = outcome.view;
    const name = pickText(lang, v.procedure.vi, v.procedure.en);
    result = html`<section aria-live="polite">${facts([
      [d.procedure, dataText(lang, name)],
      [d.status, html`<strong>${t.statuses[v.status as keyof typeof t.statuses] ?? v.status}</strong>`],
      [d.submittedAt, v.submittedAt ? formatInstant(v.submittedAt.toISOString(), lang) : ''],
      [d.code, v.code ? html`<strong id="dossier-code">${v.code}</strong>` : d.codePending],
      [d.dueAt, v.dueAt ? formatInstant(v.dueAt.toISOString(), lang) : ''],
    ])}
${v.supplement.length ? html`<h2>${d.supplement}</h2><ul>${v.supplement.map((x) => html`<li lang="vi">${x}</li>`)}</ul>` : ''}
${v.code ? html`<p><a class="button" href="/api/public/dossiers/${v.id}/forms/01/pdf?secret=${encodeURIComponent(v.secret)}">${d.receipt}</a></p><p><a href="/${lang}/dossiers/track">${d.track}</a></p>` : ''}
</section>`;
  }
  const body = html`<h1>${s.title}</h1>
<p>${s.lead}</p>
<form method="post" action="/${lang}/procedures/submissions/${id}" autocomplete="off">
<div class="field form-field"><label for="${fieldId('secret')}">${s.secret}</label>
<input id="${fieldId('secret')}" name="secret" required minlength="4" maxlength="4" size="6" autocapitalize="characters"></div>
<p><button type="submit">${s.show}</button></p>
</form>
${result}`;
  const page_ = page(
    ctx,
    { title: s.title, path: `/procedures/submissions/${id}`, section: 'procedures', body, noindex: true },
    outcome.kind === 'not_found' ? 404 : 200,
    0,
  );
  return { ...page_, headers: PRIVATE_HEADERS };
}
