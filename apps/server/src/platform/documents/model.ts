/**
 * A small document model for official documents (Decree 30/2020 layout, docs/domain-vn.md §1): the same
 * model renders to HTML (then PDF through Chromium, `html.ts`) and to DOCX (`docx.ts`), so the two
 * outputs cannot drift apart. Sizes are in points; text is plain (renderers escape it).
 */

/** A run of text with its style. */
export type Run = { text: string; bold?: boolean; italic?: boolean; underline?: boolean };
/** Text given as plain strings or styled runs. */
export type Inline = string | Run;

/** One line of the two-column header; `rule` draws the short line under it (issuer name, Tiêu ngữ). */
export type HeaderLine = { runs: Inline[]; size?: number; rule?: 'third' | 'full' };

/** Blocks of a document, top to bottom. */
export type Block =
  | {
      /** The two-column header: parent body, issuer, number on the left; Quốc hiệu, Tiêu ngữ, date on the right. */
      type: 'header';
      left: HeaderLine[];
      right: HeaderLine[];
    }
  | { type: 'title'; lines: string[]; size?: number }
  | {
      type: 'paragraph';
      runs: Inline[];
      align?: 'left' | 'center' | 'right' | 'justify';
      /** First-line indent (1 cm, Decree 30 body text). */
      indent?: boolean;
      size?: number;
      /** Space before the paragraph in points (default 6). */
      spaceBefore?: number;
    }
  | {
      type: 'table';
      /** Column titles and widths in percent of the text width; a '\n' in a cell starts a new line. */
      columns: { title: string; width: number; align?: 'left' | 'center' | 'right' }[];
      rows: string[][];
      size?: number;
    }
  | {
      /** Signature blocks side by side: a title (bold caps), a note (italic), space to sign, the name (bold). */
      type: 'signatures';
      columns: { title: string; note?: string; name?: string }[];
    };

/** A document: its title (metadata and file name), page size and blocks. */
export interface DocumentModel {
  title: string;
  page: 'A4' | 'A5';
  /** Base font size in points (default 13 on A4, 11 on A5 so a form fits its sheet). */
  fontSize?: number;
  blocks: Block[];
}

/** Margins in millimetres: Decree 30 for A4; the same proportions scaled down for the A5 forms. */
export function pageMargins(page: DocumentModel['page']): {
  top: number;
  bottom: number;
  left: number;
  right: number;
} {
  return page === 'A4'
    ? { top: 20, bottom: 20, left: 30, right: 15 }
    : { top: 10, bottom: 10, left: 15, right: 10 };
}

/** Page size in millimetres. */
export function pageSize(page: DocumentModel['page']): { width: number; height: number } {
  return page === 'A4' ? { width: 210, height: 297 } : { width: 148, height: 210 };
}

/**
 * Header sizes are the decree's A4 sizes; an A5 form scales them down so the Quốc hiệu fits its column
 * (half-point steps, as Word stores sizes).
 */
export function headerSize(page: DocumentModel['page'], size: number): number {
  return page === 'A5' ? Math.round(size * 0.8 * 2) / 2 : size;
}

/** The runs of an inline list, normalised. */
export function runsOf(inlines: Inline[]): Run[] {
  return inlines.map((i) => (typeof i === 'string' ? { text: i } : i));
}

/** The standard right column of the header: Quốc hiệu, Tiêu ngữ (with its rule) and the place-date line. */
export function nationalMotto(placeDate: string): HeaderLine[] {
  return [
    { runs: [{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true }], size: 12 },
    { runs: [{ text: 'Độc lập - Tự do - Hạnh phúc', bold: true }], size: 13, rule: 'full' },
    { runs: [{ text: placeDate, italic: true }], size: 13 },
  ];
}

/** The standard left column: parent body (caps), issuer (caps, bold, rule under it), then the number line. */
export function issuerBlock(parent: string | null, issuer: string, numberLine: string | null): HeaderLine[] {
  const lines: HeaderLine[] = [];
  if (parent) lines.push({ runs: [parent.toUpperCase()], size: 12 });
  lines.push({ runs: [{ text: issuer.toUpperCase(), bold: true }], size: 12, rule: 'third' });
  if (numberLine) lines.push({ runs: [numberLine], size: 13 });
  return lines;
}

/** All the text of a document in reading order (tests and search use it). */
export function plainText(doc: DocumentModel): string {
  const out: string[] = [];
  const line = (inl: Inline[]) =>
    runsOf(inl)
      .map((r) => r.text)
      .join('');
  for (const b of doc.blocks) {
    if (b.type === 'header') {
      for (const l of [...b.left, ...b.right]) out.push(line(l.runs));
    } else if (b.type === 'title') out.push(...b.lines);
    else if (b.type === 'paragraph') out.push(line(b.runs));
    else if (b.type === 'table') {
      out.push(b.columns.map((c) => c.title).join(' | '));
      for (const r of b.rows) out.push(r.join(' | '));
    } else for (const c of b.columns) out.push([c.title, c.note ?? '', c.name ?? ''].join(' '));
  }
  return out.join('\n');
}
