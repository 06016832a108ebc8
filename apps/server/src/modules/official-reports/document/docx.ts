import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { BodyBlock, OfficialDocument, Run } from './model.ts';

/**
 * DOCX in the layout of Decree 30/2020/NĐ-CP (docs/domain-vn.md §1): A4 portrait, margins 20/20/30/15 mm,
 * Times New Roman; a two-column header table (agency names, number and "V/v" on the left; Quốc hiệu, Tiêu ngữ
 * and the italic place-date on the right, the date on the same row as the number); justified body with a 1 cm
 * first-line indent and 6 pt between paragraphs; real Word footnotes; page numbers centred in the top margin
 * from page 2; the Nơi nhận / signer table at the end.
 */

/** Layout constants in twentieths of a point (twips): 1 mm ≈ 56.7 twips. Exported for the tests. */
export const LAYOUT = {
  pageWidth: 11906,
  pageHeight: 16838,
  marginTop: 1134,
  marginBottom: 1134,
  marginLeft: 1701,
  marginRight: 851,
  /** Page number in the top margin, 10 mm from the edge. */
  headerDistance: 567,
  /** First-line indent of body paragraphs: 1 cm. */
  firstLine: 567,
  /** Text width: 210 − 30 − 15 mm. */
  textWidth: 11906 - 1701 - 851,
  /** Header columns: the right one holds the Quốc hiệu on one line (88 mm at 12 pt). */
  headerLeft: 3969,
  sizes: {
    parentAgency: 12,
    issuer: 12,
    number: 13,
    subject: 12,
    nationalName: 12,
    motto: 13,
    placeDate: 13,
    typeName: 14,
    typeSubject: 14,
    recipients: 14,
    body: 14,
    table: 13,
    footnote: 12,
    pageNumber: 13,
    signer: 14,
    distributionTitle: 12,
    distribution: 11,
  },
} as const;

const FONT = 'Times New Roman';
const S = LAYOUT.sizes;
const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** Width of the Tiêu ngữ in Times New Roman bold 13 pt (measured on the metric-compatible Tinos): its rule is as long. */
const MOTTO_WIDTH_TWIPS = Math.round(159.1 * 20);
/** Average advance of a bold capital at 12 pt, for the issuer rule (1/3–1/2 of the issuer line). */
const BOLD_CAP_12PT_TWIPS = 141;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE };
const TABLE_NO_BORDERS = { ...NO_BORDERS, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const TIGHT = { top: 0, bottom: 0, left: 28, right: 28 };
/** 6 pt between body paragraphs (Decree 30: at least 6 pt). */
const PARA_SPACE = 120;
/** Line spacing of the body: 1.15 lines (the decree allows single to 1.5). */
const BODY_LINE = { line: 276, lineRule: LineRuleType.AUTO };
const SINGLE = { line: 240, lineRule: LineRuleType.AUTO };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function text(t: string, size: number, style: { bold?: boolean; italic?: boolean } = {}): TextRun {
  return new TextRun({ text: t, font: FONT, size: size * 2, bold: style.bold, italics: style.italic });
}

function runs(list: Run[], size: number): (TextRun | FootnoteReferenceRun)[] {
  return list.map((r) => (r.type === 'footnote' ? new FootnoteReferenceRun(r.id) : text(r.text, size, r)));
}

function centered(
  children: TextRun[],
  opts: { before?: number; after?: number; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0, ...SINGLE },
    keepNext: opts.keepNext,
    children,
  });
}

/** A short solid rule centred in its cell: an empty paragraph with a bottom border, indented to the length. */
function rule(cellWidth: number, length: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

function cell(children: Paragraph[], width: number, opts: { align?: 'top' | 'center' } = {}): TableCell {
  return new TableCell({
    children,
    borders: NO_BORDERS,
    margins: TIGHT,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: opts.align === 'center' ? VerticalAlign.CENTER : VerticalAlign.TOP,
  });
}

/** Header: row 1 agency names | Quốc hiệu, Tiêu ngữ and rules; row 2 number | place-date; row 3 "V/v …". */
function headerTable(doc: OfficialDocument): Table {
  const left = LAYOUT.headerLeft;
  const right = LAYOUT.textWidth - left;
  const h = doc.header;
  const longestIssuer = Math.max(...h.issuer.map((l) => [...l].length));
  const leftTop = [
    ...(h.parentAgency ? [centered([text(h.parentAgency.toUpperCase(), S.parentAgency)])] : []),
    ...h.issuer.map((l) => centered([text(l.toUpperCase(), S.issuer, { bold: true })])),
    rule(left, Math.min(left * 0.5, Math.round(longestIssuer * BOLD_CAP_12PT_TWIPS * 0.4))),
  ];
  const rightTop = [
    centered([text(NATIONAL_NAME, S.nationalName, { bold: true })]),
    centered([text(MOTTO, S.motto, { bold: true })]),
    rule(right, MOTTO_WIDTH_TWIPS),
  ];
  const rows = [
    new TableRow({ children: [cell(leftTop, left), cell(rightTop, right)] }),
    new TableRow({
      children: [
        cell([centered([text(h.number, S.number)], { before: 120 })], left),
        cell([centered([text(h.placeDate, S.placeDate, { italic: true })], { before: 120 })], right),
      ],
    }),
  ];
  if (h.subject) {
    rows.push(
      new TableRow({
        children: [
          // Decree 30: "V/v …" centred under the number, 12–13 pt, 6 pt after it.
          cell([centered([text(`V/v ${h.subject}`, S.subject)], { before: 120 })], left),
          cell([new Paragraph({ children: [] })], right),
        ],
      }),
    );
  }
  return new Table({
    width: { size: LAYOUT.textWidth, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: [left, right],
    borders: TABLE_NO_BORDERS,
    rows,
  });
}

function recipients(list: string[]): (Paragraph | Table)[] {
  if (!list.length) return [];
  if (list.length === 1) {
    return [centered([text(`Kính gửi: ${list[0]}`, S.recipients)], { before: 360, after: 120 })];
  }
  // Several recipients: "Kính gửi:" then one per line starting "- ", dashes aligned under the colon.
  const labelWidth = 2835;
  const rest = LAYOUT.textWidth - labelWidth;
  return [
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    new Table({
      width: { size: LAYOUT.textWidth, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      columnWidths: [labelWidth, rest],
      borders: TABLE_NO_BORDERS,
      rows: [
        new TableRow({
          children: [
            cell(
              [
                new Paragraph({
                  alignment: AlignmentType.RIGHT,
                  children: [text('Kính gửi:', S.recipients)],
                }),
              ],
              labelWidth,
            ),
            cell(
              list.map(
                (r, i) =>
                  new Paragraph({
                    children: [
                      text(`- ${r.replace(/[;.]$/, '')}${i === list.length - 1 ? '.' : ';'}`, S.recipients),
                    ],
                  }),
              ),
              rest,
            ),
          ],
        }),
      ],
    }),
  ];
}

function bodyBlock(b: BodyBlock): (Paragraph | Table)[] {
  if (b.type === 'paragraph') {
    return [
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: LAYOUT.firstLine },
        spacing: { before: PARA_SPACE, after: 0, ...BODY_LINE },
        // A heading stays with what follows; the closing sentence stays with the signature.
        keepNext: b.role === 'heading' || b.source?.kind === 'closing',
        keepLines: b.role === 'heading',
        children: runs(b.runs, S.body),
      }),
    ];
  }
  const total = b.columns.reduce((a, c) => a + c.width, 0) || 1;
  const widths = b.columns.map((c) => Math.round((LAYOUT.textWidth * c.width) / total));
  const gridCell = (content: Run[], i: number, head: boolean) =>
    new TableCell({
      borders: GRID,
      margins: { top: 20, bottom: 20, left: 80, right: 80 },
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: head ? AlignmentType.CENTER : ALIGN[b.columns[i]?.align ?? 'left'],
          spacing: SINGLE,
          children: runs(head ? [{ type: 'text', text: runsTextOf(content), bold: true }] : content, S.table),
        }),
      ],
    });
  const out: (Paragraph | Table)[] = [];
  if (b.caption) {
    out.push(centered([text(b.caption, S.body, { bold: true })], { before: PARA_SPACE, keepNext: true }));
  }
  if (b.unitNote) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: 60, after: 60 },
        keepNext: true,
        children: [text(b.unitNote, S.table, { italic: true })],
      }),
    );
  }
  out.push(
    new Table({
      width: { size: LAYOUT.textWidth, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      columnWidths: widths,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: b.columns.map((c, i) => gridCell([{ type: 'text', text: c.title }], i, true)),
        }),
        ...b.rows.map(
          (r) => new TableRow({ cantSplit: true, children: r.map((c, i) => gridCell(c, i, false)) }),
        ),
      ],
    }),
  );
  return out;
}

function runsTextOf(list: Run[]): string {
  return list.map((r) => (r.type === 'text' ? r.text : '')).join('');
}

/** Nơi nhận on the left, level with the signer's authority line; the signer block centred on the right. */
function closingTable(doc: OfficialDocument): Table {
  const left = Math.round(LAYOUT.textWidth * 0.45);
  const right = LAYOUT.textWidth - left;
  const last = doc.distribution.length - 1;
  const distribution = [
    new Paragraph({
      keepNext: true,
      children: [text('Nơi nhận:', S.distributionTitle, { bold: true, italic: true })],
    }),
    ...doc.distribution.map(
      (d, i) =>
        new Paragraph({
          keepNext: i < last,
          children: [text(`- ${d.replace(/[;.]$/, '')}${i === last ? '.' : ';'}`, S.distribution)],
        }),
    ),
  ];
  const signer = [
    ...doc.signature.lines.map((l) => centered([text(l, S.signer, { bold: true })], { keepNext: true })),
    // Space for the signature (and the seal over a third of it on the left).
    centered([text(doc.signature.name, S.signer, { bold: true })], { before: 1300 }),
  ];
  return new Table({
    width: { size: LAYOUT.textWidth, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: [left, right],
    borders: TABLE_NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(distribution, left), cell(signer, right)] })],
  });
}

/** Renders an official document to DOCX. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [headerTable(doc)];
  if (doc.typeTitle) {
    children.push(
      centered([text(doc.typeTitle.name.toUpperCase(), S.typeName, { bold: true })], {
        before: 360,
        keepNext: true,
      }),
    );
    children.push(centered([text(doc.typeTitle.subject, S.typeSubject, { bold: true })], { keepNext: true }));
    children.push(rule(LAYOUT.textWidth, Math.round(LAYOUT.textWidth / 4)));
  }
  children.push(...recipients(doc.recipients));
  for (const b of doc.body) children.push(...bodyBlock(b));
  // A 6 pt gap between the closing sentence and the Nơi nhận / signer table.
  children.push(
    new Paragraph({
      spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
      keepNext: true,
      children: [],
    }),
  );
  children.push(closingTable(doc));

  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const f of doc.footnotes) {
    footnotes[String(f.id)] = {
      children: [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: SINGLE,
          style: 'FootnoteText',
          // The docx package writes the footnote's own mark (w:footnoteRef) first; a space separates the text.
          children: [text(' ', S.footnote), ...runs(f.runs, S.footnote)],
        }),
      ],
    };
  }
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: S.pageNumber * 2 })],
      }),
    ],
  });
  const document = new Document({
    title: doc.title,
    creator: 'HEZA Platform',
    styles: {
      default: {
        document: { run: { font: FONT, size: S.body * 2 }, paragraph: { spacing: { before: 0, after: 0 } } },
        footnoteText: { run: { font: FONT, size: S.footnote * 2 } },
        footnoteReference: { run: { superScript: true } },
      },
    },
    footnotes,
    sections: [
      {
        properties: {
          // The first page has its own (empty) header: no page number on page 1 (Decree 30).
          titlePage: true,
          page: {
            size: { width: LAYOUT.pageWidth, height: LAYOUT.pageHeight },
            margin: {
              top: LAYOUT.marginTop,
              bottom: LAYOUT.marginBottom,
              left: LAYOUT.marginLeft,
              right: LAYOUT.marginRight,
              header: LAYOUT.headerDistance,
              footer: LAYOUT.headerDistance,
            },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
