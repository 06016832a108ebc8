/**
 * Form building blocks of the portal's public forms (online application, feedback, lookups): labelled fields
 * with hints and errors tied to them (aria-describedby, aria-invalid), an error summary that links to each
 * field, and the one-stop data (procedure names, documents) in the page's language or its fallback.
 */
import { type Html, type HtmlValue, html } from '../html.ts';
import { LANG_TAGS, type PortalLang } from '../langs.ts';

/** Messages per form field name (already in the page's language). */
export type FieldErrors = Record<string, string>;

/** A text in Vietnamese and English shown in the page's language: Vietnamese, else English, else Vietnamese. */
export function pickText(
  lang: PortalLang,
  vi: string,
  en: string | null | undefined,
): { text: string; lang: PortalLang } {
  if (lang === 'vi' || !en) return { text: vi, lang: 'vi' };
  return { text: en, lang: 'en' };
}

/** Data text marked with its own language when it differs from the page's. */
export function dataText(pageLang: PortalLang, t: { text: string; lang: PortalLang }): Html {
  return t.lang === pageLang ? html`${t.text}` : html`<span lang="${LANG_TAGS[t.lang]}">${t.text}</span>`;
}

/** The language the one-stop data (Vietnamese and English only) is shown in on a page in `lang`. */
export function dataLang(lang: PortalLang): PortalLang | undefined {
  return lang === 'vi' || lang === 'en' ? undefined : 'en';
}

/** An element id for a field name ("doc_application" → "f-doc_application"). */
export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

interface FieldOptions {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  errors: FieldErrors;
  /** The control itself; it must carry id=fieldId(name) and the described-by/invalid attributes given. */
  control: (attrs: Html) => Html;
  className?: string;
}

/** A labelled field with its hint and error (the error is read with the control). */
export function field(o: FieldOptions): Html {
  const id = fieldId(o.name);
  const error = o.errors[o.name];
  const describedBy = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const attrs = html`id="${id}" name="${o.name}"${o.required ? html` required aria-required="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
  return html`<div class="field form-field${o.className ? ` ${o.className}` : ''}${error ? ' has-error' : ''}">
<label for="${id}">${o.label}${o.required ? html` <span class="req" aria-hidden="true">*</span>` : ''}</label>
${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
${o.control(attrs)}
</div>`;
}

/** A text-like input. */
export function input(
  o: Omit<FieldOptions, 'control'> & {
    value?: string;
    type?: string;
    maxlength?: number;
    autocomplete?: string;
    extra?: HtmlValue;
  },
): Html {
  return field({
    ...o,
    control: (attrs) =>
      html`<input ${attrs} type="${o.type ?? 'text'}" value="${o.value ?? ''}"${o.maxlength ? html` maxlength="${o.maxlength}"` : ''}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.extra ?? ''}>`,
  });
}

/** A multi-line text. */
export function textarea(
  o: Omit<FieldOptions, 'control'> & { value?: string; maxlength?: number; rows?: number },
): Html {
  return field({
    ...o,
    control: (attrs) =>
      html`<textarea ${attrs} rows="${o.rows ?? 5}"${o.maxlength ? html` maxlength="${o.maxlength}"` : ''}>${o.value ?? ''}</textarea>`,
  });
}

/** A select of options [value, label]. */
export function select(
  o: Omit<FieldOptions, 'control'> & { value?: string; options: [string, string | Html][] },
): Html {
  return field({
    ...o,
    control: (attrs) =>
      html`<select ${attrs}>${o.options.map(([v, l]) => (v === (o.value ?? '') ? html`<option value="${v}" selected>${l}</option>` : html`<option value="${v}">${l}</option>`))}</select>`,
  });
}

/** A group of radio buttons in a fieldset. */
export function radios(o: {
  name: string;
  legend: string;
  value: string;
  options: [string, string][];
  errors: FieldErrors;
}): Html {
  const error = o.errors[o.name];
  const id = fieldId(o.name);
  return html`<fieldset class="form-field radios${error ? ' has-error' : ''}"${error ? html` aria-describedby="${id}-error"` : ''}>
<legend>${o.legend}</legend>
${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
${o.options.map(
  ([v, l], i) =>
    html`<div class="choice"><input type="radio" id="${id}-${i}" name="${o.name}" value="${v}"${v === o.value ? ' checked' : ''}><label for="${id}-${i}">${l}</label></div>`,
)}
</fieldset>`;
}

/** A checkbox with its label after it. */
export function checkbox(o: {
  name: string;
  label: string;
  checked: boolean;
  errors: FieldErrors;
  required?: boolean;
}): Html {
  const id = fieldId(o.name);
  const error = o.errors[o.name];
  return html`<div class="form-field choice-field${error ? ' has-error' : ''}">
${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
<div class="choice"><input type="checkbox" id="${id}" name="${o.name}" value="1"${o.checked ? ' checked' : ''}${o.required ? html` required aria-required="true"` : ''}${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}><label for="${id}">${o.label}</label></div>
</div>`;
}

/** The list of errors at the top of a form, each linking to its field; focused target for screen readers. */
export function errorSummary(title: string, errors: FieldErrors, order: string[]): Html {
  const names = [...order.filter((n) => errors[n]), ...Object.keys(errors).filter((n) => !order.includes(n))];
  if (names.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
<h2>${title}</h2>
<ul>${names.map((n) => html`<li><a href="#${fieldId(n)}">${errors[n]}</a></li>`)}</ul>
</div>`;
}

/** A definition table of facts (label → value). */
export function facts(rows: [string, HtmlValue][]): Html {
  return html`<table class="facts"><tbody>${rows
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</tbody></table>`;
}
