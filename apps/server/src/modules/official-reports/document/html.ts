import { escapeHtml } from '../../../platform/documents/html.ts';
import { LAYOUT } from './docx.ts';
import type { BodyBlock, OfficialDocument, Run } from './model.ts';

/**
 * The document as HTML, for the editor's preview and as the PDF fallback where LibreOffice is missing: the
 * same model as the DOCX, the Decree 30 sizes and margins in print CSS. Figures are `<span data-figure>` (the
 * web app opens their records on click), estimates and missing figures are marked; footnotes are listed
 * under a short rule at the end (a browser cannot place them at the foot of each page — the DOCX and the PDF
 * made from it do).
 */

const S = LAYOUT.sizes;
const FONT_STACK = "'Times New Roman', Tinos, 'Liberation Serif', 'DejaVu Serif', serif";

function runs(list: Run[]): string {
  return list
    .map((r) => {
      if (r.type === 'footnote')
        return `<sup class="or-fnref"><a href="#or-fn-${r.id}" id="or-fnref-${r.id}">${r.id}</a></sup>`;
      let h = escapeHtml(r.text);
      if (r.bold) h = `<b>${h}</b>`;
      if (r.italic) h = `<i>${h}</i>`;
      if (r.figure) {
        const cls = ['or-fig', r.figure.estimate ? 'or-est' : '', r.figure.missing ? 'or-missing' : '']
          .filter(Boolean)
          .join(' ');
        h = `<span class="${cls}" data-figure="${escapeHtml(r.figure.key)}" tabindex="0" role="button">${h}</span>`;
      }
      return h;
    })
    .join('');
}

function block(b: BodyBlock): string {
  const src = b.source ? ` data-item="${escapeHtml(b.source.itemId)}" data-kind="${b.source.kind}"` : '';
  if (b.type === 'paragraph')
    return `<p class="or-p${b.role === 'heading' ? ' or-h' : ''}"${src}>${runs(b.runs)}</p>`;
  const total = b.columns.reduce((a, c) => a + c.width, 0) || 1;
  const head = b.columns
    .map((c) => `<th style="width:${((c.width / total) * 100).toFixed(1)}%">${escapeHtml(c.title)}</th>`)
    .join('');
  const rows = b.rows
    .map(
      (r) =>
        `<tr>${r.map((cell, i) => `<td style="text-align:${b.columns[i]?.align ?? 'left'}">${runs(cell)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `${b.caption ? `<p class="or-caption"${src}>${escapeHtml(b.caption)}</p>` : ''}${b.unitNote ? `<p class="or-unit">${escapeHtml(b.unitNote)}</p>` : ''}<table class="or-grid"${src}><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** CSS of the document, scoped under `.or-doc` so the preview can sit inside the web app. */
export const DOCUMENT_CSS = `
.or-doc { font-family: ${FONT_STACK}; font-size: ${S.body}pt; line-height: 1.2; color: #000; background: #fff; }
.or-doc p { margin: 0; }
.or-doc table { border-collapse: collapse; }
.or-doc .or-header { width: 100%; }
.or-doc .or-header td { vertical-align: top; text-align: center; padding: 0 1pt; }
.or-doc .or-header td.l { width: ${((LAYOUT.headerLeft / LAYOUT.textWidth) * 100).toFixed(1)}%; }
.or-doc .or-header .parent { font-size: ${S.parentAgency}pt; }
.or-doc .or-header .issuer { font-size: ${S.issuer}pt; font-weight: bold; }
.or-doc .or-header .nation { font-size: ${S.nationalName}pt; font-weight: bold; white-space: nowrap; }
.or-doc .or-header .motto { font-size: ${S.motto}pt; font-weight: bold; white-space: nowrap; }
.or-doc .or-header .rule { border-top: 0.75pt solid #000; margin: 1pt auto 0; height: 0; }
.or-doc .or-header .rule.issuer-rule { width: 35%; }
.or-doc .or-header .rule.motto-rule { width: 159pt; }
.or-doc .or-header .number { font-size: ${S.number}pt; padding-top: 6pt; white-space: pre-wrap; }
.or-doc .or-header .date { font-size: ${S.placeDate}pt; font-style: italic; padding-top: 6pt; white-space: pre-wrap; }
.or-doc .or-header .subject { font-size: ${S.subject}pt; padding-top: 6pt; }
.or-doc .or-type { text-align: center; font-weight: bold; font-size: ${S.typeName}pt; margin-top: 18pt; }
.or-doc .or-type-subject { text-align: center; font-weight: bold; font-size: ${S.typeSubject}pt; }
.or-doc .or-type-rule { border-top: 0.75pt solid #000; width: 25%; margin: 2pt auto 0; }
.or-doc .or-recipients { text-align: center; margin: 18pt 0 6pt; font-size: ${S.recipients}pt; }
.or-doc .or-recipients.many { text-align: left; display: flex; justify-content: center; gap: 4pt; }
.or-doc .or-p { text-align: justify; text-indent: 1cm; margin-top: 6pt; line-height: 1.15; }
.or-doc .or-caption { text-align: center; font-weight: bold; margin-top: 6pt; }
.or-doc .or-unit { text-align: right; font-style: italic; font-size: ${S.table}pt; }
.or-doc .or-grid { width: 100%; font-size: ${S.table}pt; margin-top: 3pt; }
.or-doc .or-grid th, .or-doc .or-grid td { border: 0.5pt solid #000; padding: 1pt 4pt; vertical-align: middle; }
.or-doc .or-closing { width: 100%; margin-top: 6pt; page-break-inside: avoid; }
.or-doc .or-closing td { vertical-align: top; }
.or-doc .or-closing td.l { width: 45%; }
.or-doc .or-closing .nn { font-size: ${S.distributionTitle}pt; font-weight: bold; font-style: italic; }
.or-doc .or-closing .dist { font-size: ${S.distribution}pt; }
.or-doc .or-closing td.r { text-align: center; font-weight: bold; font-size: ${S.signer}pt; }
.or-doc .or-closing .sign-space { height: 72pt; }
.or-doc .or-footnotes { margin-top: 18pt; font-size: ${S.footnote}pt; }
.or-doc .or-footnotes hr { width: 35%; margin: 0 0 3pt 0; border: 0; border-top: 0.5pt solid #000; }
.or-doc .or-footnotes p { text-align: justify; }
.or-doc .or-fnref { font-size: 0.65em; line-height: 0; }
.or-doc .or-fnref a { color: inherit; text-decoration: none; }
.or-doc .or-draft { float: right; border: 1pt solid #000; padding: 0 4pt; font-size: 10pt; font-weight: bold; }
.or-doc .or-fig { background: #e7f0ff; border-bottom: 1px dotted #1c5fd4; cursor: pointer; }
.or-doc .or-fig.or-est { background: #fff4d6; }
.or-doc .or-fig.or-missing { background: #ffe0e0; color: #a00; }
@media print { .or-doc .or-fig { background: none; border: 0; } .or-doc .or-draft { display: none; } }
`;

/** The document as an HTML fragment (`<article class="or-doc">`), for the preview. */
export function renderHtmlFragment(doc: OfficialDocument): string {
  const h = doc.header;
  const left = [
    h.parentAgency ? `<div class="parent">${escapeHtml(h.parentAgency.toUpperCase())}</div>` : '',
    ...h.issuer.map((l) => `<div class="issuer">${escapeHtml(l.toUpperCase())}</div>`),
    '<div class="rule issuer-rule"></div>',
  ].join('');
  const right = `<div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto">Độc lập - Tự do - Hạnh phúc</div><div class="rule motto-rule"></div>`;
  const header = `<table class="or-header"><tr><td class="l">${left}</td><td class="r">${right}</td></tr><tr><td class="number">${escapeHtml(h.number)}</td><td class="date">${escapeHtml(h.placeDate)}</td></tr>${h.subject ? `<tr><td class="subject">V/v ${escapeHtml(h.subject)}</td><td></td></tr>` : ''}</table>`;
  const type = doc.typeTitle
    ? `<p class="or-type">${escapeHtml(doc.typeTitle.name.toUpperCase())}</p><p class="or-type-subject">${escapeHtml(doc.typeTitle.subject)}</p><div class="or-type-rule"></div>`
    : '';
  let recipients = '';
  if (doc.recipients.length === 1)
    recipients = `<p class="or-recipients">Kính gửi: ${escapeHtml(doc.recipients[0]!)}</p>`;
  else if (doc.recipients.length > 1) {
    const last = doc.recipients.length - 1;
    recipients = `<div class="or-recipients many"><span>Kính gửi:</span><span>${doc.recipients
      .map((r, i) => `- ${escapeHtml(r.replace(/[;.]$/, ''))}${i === last ? '.' : ';'}`)
      .join('<br>')}</span></div>`;
  }
  const lastD = doc.distribution.length - 1;
  const closing = `<table class="or-closing"><tr><td class="l"><div class="nn">Nơi nhận:</div>${doc.distribution
    .map(
      (d, i) => `<div class="dist">- ${escapeHtml(d.replace(/[;.]$/, ''))}${i === lastD ? '.' : ';'}</div>`,
    )
    .join(
      '',
    )}</td><td class="r">${doc.signature.lines.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}<div class="sign-space"></div><div>${escapeHtml(doc.signature.name)}</div></td></tr></table>`;
  const footnotes = doc.footnotes.length
    ? `<section class="or-footnotes"><hr>${doc.footnotes.map((f) => `<p id="or-fn-${f.id}"><sup>${f.id}</sup> ${runs(f.runs)}</p>`).join('')}</section>`
    : '';
  const draft = doc.draft ? '<div class="or-draft">DỰ THẢO</div>' : '';
  return `<article class="or-doc" lang="vi">${draft}${header}${type}${recipients}${doc.body.map(block).join('')}${closing}${footnotes}</article>`;
}

/** A complete HTML page for printing on A4 with the Decree 30 margins (the PDF fallback, standalone preview). */
export function renderHtmlPage(doc: OfficialDocument): string {
  const mm = (twips: number) => `${(twips / 56.6929).toFixed(1)}mm`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>
@page { size: A4; margin: ${mm(LAYOUT.marginTop)} ${mm(LAYOUT.marginRight)} ${mm(LAYOUT.marginBottom)} ${mm(LAYOUT.marginLeft)};
  @top-center { content: counter(page); font-family: ${FONT_STACK}; font-size: ${S.pageNumber}pt; } }
@page :first { @top-center { content: none; } }
body { margin: 0; }
${DOCUMENT_CSS}
</style></head><body>${renderHtmlFragment(doc)}</body></html>`;
}
