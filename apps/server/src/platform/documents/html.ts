import {
  type Block,
  type DocumentModel,
  type HeaderLine,
  headerSize,
  type Inline,
  pageMargins,
  runsOf,
} from './model.ts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Times New Roman is the decree's font; where it is not installed, fonts with full Vietnamese coverage
// come first so a line never mixes fonts (Liberation Serif 1.07 lacks the Vietnamese precomposed letters).
const FONT_STACK = "'Times New Roman', Tinos, 'DejaVu Serif', 'Liberation Serif', serif";

function inline(inl: Inline[]): string {
  return runsOf(inl)
    .map((r) => {
      let h = escapeHtml(r.text);
      if (r.bold) h = `<b>${h}</b>`;
      if (r.italic) h = `<i>${h}</i>`;
      if (r.underline) h = `<u>${h}</u>`;
      return h;
    })
    .join('');
}

function headerColumn(lines: HeaderLine[], page: DocumentModel['page']): string {
  return lines
    .map((l) => {
      const rule = l.rule ? `<div class="rule ${l.rule}"></div>` : '';
      return `<div class="hl" style="font-size:${headerSize(page, l.size ?? 13)}pt">${inline(l.runs)}</div>${rule}`;
    })
    .join('');
}

function block(b: Block, base: number, page: DocumentModel['page']): string {
  switch (b.type) {
    case 'header':
      return `<table class="header"><tr><td class="left">${headerColumn(b.left, page)}</td><td class="right">${headerColumn(b.right, page)}</td></tr></table>`;
    case 'title':
      return `<div class="title" style="font-size:${b.size ?? base + 1}pt">${b.lines.map(escapeHtml).join('<br>')}</div>`;
    case 'paragraph': {
      const style = [
        `text-align:${b.align ?? 'justify'}`,
        b.indent ? 'text-indent:1cm' : '',
        `font-size:${b.size ?? base}pt`,
        `margin-top:${b.spaceBefore ?? 6}pt`,
      ]
        .filter(Boolean)
        .join(';');
      return `<p style="${style}">${inline(b.runs)}</p>`;
    }
    case 'table': {
      const head = b.columns.map((c) => `<th style="width:${c.width}%">${escapeHtml(c.title)}</th>`).join('');
      const rows = b.rows
        .map(
          (r) =>
            `<tr>${r
              .map(
                (cell, i) =>
                  `<td style="text-align:${b.columns[i]?.align ?? 'left'}">${cell.split('\n').map(escapeHtml).join('<br>')}</td>`,
              )
              .join('')}</tr>`,
        )
        .join('');
      return `<table class="grid" style="font-size:${b.size ?? (page === 'A5' ? base - 1.5 : base - 1)}pt"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    case 'signatures': {
      const cells = b.columns
        .map(
          (c) =>
            `<td><div class="sig-title">${escapeHtml(c.title)}</div>${c.note ? `<div class="sig-note">${escapeHtml(c.note)}</div>` : ''}<div class="sig-space"></div>${c.name ? `<div class="sig-name">${escapeHtml(c.name)}</div>` : ''}</td>`,
        )
        .join('');
      return `<table class="signatures"><tr>${cells}</tr></table>`;
    }
  }
}

/** Renders a document model to a complete, self-contained HTML page sized for printing (A4 or A5). */
export function renderHtml(doc: DocumentModel): string {
  const m = pageMargins(doc.page);
  const base = doc.fontSize ?? (doc.page === 'A4' ? 13 : 11);
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>
<style>
@page { size: ${doc.page}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
body { font-family: ${FONT_STACK}; font-size: ${base}pt; line-height: ${doc.page === 'A4' ? 1.25 : 1.15}; color: #000; margin: 0; }
p { margin: 0; }
table.header { width: 100%; border-collapse: collapse; margin-bottom: 10pt; }
table.header td { vertical-align: top; text-align: center; padding: 0; }
table.header td.left { width: 42%; }
table.header td.right { width: 58%; }
td.right .hl { white-space: nowrap; }
.rule { border-top: 0.75pt solid #000; margin: 1pt auto 4pt; }
.rule.third { width: 35%; }
.rule.full { width: 62%; }
.title { text-align: center; font-weight: bold; margin: 6pt 0 4pt; }
table.grid { width: 100%; border-collapse: collapse; margin-top: 6pt; }
table.grid th, table.grid td { border: 0.75pt solid #000; padding: 1pt 3pt; vertical-align: top; }
table.grid th { font-weight: bold; text-align: center; }
table.signatures { width: 100%; margin-top: 6pt; border-collapse: collapse; page-break-inside: avoid; }
table.signatures td { text-align: center; vertical-align: top; padding: 0 4pt; }
.sig-title { font-weight: bold; text-transform: uppercase; }
.sig-note { font-style: italic; font-size: ${base - 1}pt; }
.sig-space { height: 30pt; }
.sig-name { font-weight: bold; }
</style></head>
<body>
${doc.blocks.map((b) => block(b, base, doc.page)).join('\n')}
</body></html>`;
}
