import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  type Block,
  type DocumentModel,
  type HeaderLine,
  headerSize,
  type Inline,
  pageMargins,
  pageSize,
  runsOf,
} from './model.ts';

/** OOXML measures in twentieths of a point: 1 mm ≈ 56.7 twips (Decree 30 constants, domain-vn §1.1). */
const mm = (v: number) => Math.round(v * 56.6929);
const FONT = 'Times New Roman';

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE };

function runs(inl: Inline[], size: number): TextRun[] {
  return runsOf(inl).map(
    (r) =>
      new TextRun({
        text: r.text,
        bold: r.bold,
        italics: r.italic,
        underline: r.underline ? {} : undefined,
        font: FONT,
        size: size * 2,
      }),
  );
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function headerCell(lines: HeaderLine[], widthTwips: number, page: DocumentModel['page']): TableCell {
  const children: Paragraph[] = [];
  for (const l of lines) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: runs(l.runs, headerSize(page, l.size ?? 13)),
        // The decree's short rules under the issuer name and the Tiêu ngữ, drawn as a bottom border of a
        // paragraph indented to the wanted length.
        ...(l.rule && {
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
          indent:
            l.rule === 'third'
              ? { left: Math.round(widthTwips * 0.32), right: Math.round(widthTwips * 0.32) }
              : { left: Math.round(widthTwips * 0.19), right: Math.round(widthTwips * 0.19) },
        }),
        spacing: l.rule ? { after: 80 } : undefined,
      }),
    );
  }
  return new TableCell({ children, borders: NO_BORDERS, width: { size: widthTwips, type: WidthType.DXA } });
}

function blockToDocx(
  b: Block,
  base: number,
  textWidth: number,
  page: DocumentModel['page'],
): (Paragraph | Table)[] {
  switch (b.type) {
    case 'header': {
      const left = Math.round(textWidth * 0.42);
      return [
        new Table({
          width: { size: textWidth, type: WidthType.DXA },
          layout: TableLayoutType.FIXED,
          columnWidths: [left, textWidth - left],
          borders: { ...NO_BORDERS, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
          rows: [
            new TableRow({
              children: [headerCell(b.left, left, page), headerCell(b.right, textWidth - left, page)],
            }),
          ],
        }),
      ];
    }
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 200, after: 120 },
          children: b.lines.flatMap((line, i) => [
            new TextRun({
              text: line,
              bold: true,
              font: FONT,
              size: (b.size ?? base + 1) * 2,
              break: i > 0 ? 1 : 0,
            }),
          ]),
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[b.align ?? 'justify'],
          indent: b.indent ? { firstLine: mm(10) } : undefined,
          spacing: { before: (b.spaceBefore ?? 6) * 20 },
          children: runs(b.runs, b.size ?? base),
        }),
      ];
    case 'table': {
      const size = b.size ?? (page === 'A5' ? base - 1.5 : base - 1);
      const widths = b.columns.map((c) => Math.round((textWidth * c.width) / 100));
      const cell = (text: string, i: number, head: boolean) =>
        new TableCell({
          borders: LINES,
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlign.TOP,
          // A line break in a cell is a new paragraph of the cell.
          children: text.split('\n').map(
            (line) =>
              new Paragraph({
                alignment: head ? AlignmentType.CENTER : ALIGN[b.columns[i]?.align ?? 'left'],
                children: [new TextRun({ text: line, bold: head, font: FONT, size: size * 2 })],
              }),
          ),
        });
      return [
        new Table({
          width: { size: textWidth, type: WidthType.DXA },
          layout: TableLayoutType.FIXED,
          columnWidths: widths,
          rows: [
            new TableRow({ tableHeader: true, children: b.columns.map((c, i) => cell(c.title, i, true)) }),
            ...b.rows.map((r) => new TableRow({ children: r.map((t, i) => cell(t, i, false)) })),
          ],
        }),
      ];
    }
    case 'signatures': {
      const width = Math.round(textWidth / Math.max(1, b.columns.length));
      return [
        new Paragraph({ children: [], spacing: { before: 200 } }),
        new Table({
          width: { size: textWidth, type: WidthType.DXA },
          layout: TableLayoutType.FIXED,
          columnWidths: b.columns.map(() => width),
          borders: { ...NO_BORDERS, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
          rows: [
            new TableRow({
              children: b.columns.map(
                (c) =>
                  new TableCell({
                    borders: NO_BORDERS,
                    width: { size: width, type: WidthType.DXA },
                    children: [
                      new Paragraph({
                        alignment: AlignmentType.CENTER,
                        children: [
                          new TextRun({
                            text: c.title.toUpperCase(),
                            bold: true,
                            font: FONT,
                            size: base * 2,
                          }),
                        ],
                      }),
                      ...(c.note
                        ? [
                            new Paragraph({
                              alignment: AlignmentType.CENTER,
                              children: [
                                new TextRun({
                                  text: c.note,
                                  italics: true,
                                  font: FONT,
                                  size: (base - 1) * 2,
                                }),
                              ],
                            }),
                          ]
                        : []),
                      new Paragraph({ children: [], spacing: { before: 960 } }),
                      ...(c.name
                        ? [
                            new Paragraph({
                              alignment: AlignmentType.CENTER,
                              children: [
                                new TextRun({ text: c.name, bold: true, font: FONT, size: base * 2 }),
                              ],
                            }),
                          ]
                        : []),
                    ],
                  }),
              ),
            }),
          ],
        }),
      ];
    }
  }
}

/** Renders a document model to DOCX (Times New Roman, the page size and margins of the model). */
export async function renderDocx(doc: DocumentModel): Promise<Buffer> {
  const size = pageSize(doc.page);
  const m = pageMargins(doc.page);
  const base = doc.fontSize ?? (doc.page === 'A4' ? 13 : 11);
  const textWidth = mm(size.width - m.left - m.right);
  const document = new Document({
    title: doc.title,
    creator: 'HEZA Platform',
    styles: { default: { document: { run: { font: FONT, size: base * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(size.width), height: mm(size.height) },
            margin: { top: mm(m.top), bottom: mm(m.bottom), left: mm(m.left), right: mm(m.right) },
          },
        },
        children: doc.blocks.flatMap((b) => blockToDocx(b, base, textWidth, doc.page)),
      },
    ],
  });
  return Packer.toBuffer(document);
}
