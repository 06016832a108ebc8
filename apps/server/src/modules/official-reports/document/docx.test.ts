import { describe, expect, it } from 'vitest';
import {
  find,
  findAll,
  paraProps,
  readDocx,
  runProps,
  textOf,
  textRuns,
  type XmlNode,
} from '../testing/ooxml.ts';
import { sampleDocument } from '../testing/sample-document.ts';
import { LAYOUT, renderDocx } from './docx.ts';

/** The paragraph whose text is exactly (or starts with) `text`. */
function paragraph(root: XmlNode, text: string): XmlNode {
  const p =
    findAll(root, 'w:p').find((x) => textOf(x) === text) ??
    findAll(root, 'w:p').find((x) => textOf(x).startsWith(text));
  if (!p) throw new Error(`no paragraph "${text}"`);
  return p;
}
/** Formatting of the (single-style) runs of a paragraph. */
function style(p: XmlNode) {
  const props = textRuns(p).map(runProps);
  return props[0]!;
}
const rowOf = (n: XmlNode): XmlNode => {
  let x: XmlNode | null = n;
  while (x && x.name !== 'w:tr') x = x.parent;
  if (!x) throw new Error('not in a table row');
  return x;
};

describe('DOCX in the Decree 30/2020 layout', () => {
  it('should use A4 portrait with margins 20/20/30/15 mm and Times New Roman', async () => {
    const { document, styles } = await readDocx(await renderDocx(sampleDocument()));
    const pgSz = find(document, 'w:pgSz')!;
    expect([pgSz.attrs['w:w'], pgSz.attrs['w:h']]).toEqual(['11906', '16838']);
    expect(pgSz.attrs['w:orient'] ?? 'portrait').toBe('portrait');
    const m = find(document, 'w:pgMar')!.attrs;
    expect([m['w:top'], m['w:bottom'], m['w:left'], m['w:right']].map(Number)).toEqual([
      1134, 1134, 1701, 851,
    ]);
    // Every run names Times New Roman, and so does the default style.
    const fonts = new Set(findAll(document, 'w:rFonts').map((f) => f.attrs['w:ascii']));
    expect([...fonts]).toEqual(['Times New Roman']);
    expect(find(find(styles, 'w:docDefaults')!, 'w:rFonts')!.attrs['w:ascii']).toBe('Times New Roman');
  });

  it('should lay out the header as a two-column table with the sizes and styles of each element', async () => {
    const { document } = await readDocx(await renderDocx(sampleDocument()));
    const header = find(find(document, 'w:body')!, 'w:tbl')!;
    expect(findAll(header, 'w:gridCol')).toHaveLength(2);
    // Borderless.
    for (const b of find(header, 'w:tblBorders')!.children) expect(b.attrs['w:val']).toBe('none');

    expect(style(paragraph(header, 'UBND THÀNH PHỐ HẢI PHÒNG'))).toMatchObject({ size: 12, bold: false });
    expect(style(paragraph(header, 'BAN QUẢN LÝ KHU KINH TẾ'))).toMatchObject({ size: 12, bold: true });
    expect(style(paragraph(header, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toMatchObject({
      size: 12,
      bold: true,
    });
    expect(style(paragraph(header, 'Độc lập - Tự do - Hạnh phúc'))).toMatchObject({ size: 13, bold: true });
    expect(style(paragraph(header, 'Số: 15/BQL-DN&GSĐT'))).toMatchObject({
      size: 13,
      bold: false,
      italic: false,
    });
    const date = paragraph(header, 'Hải Phòng, ngày 05 tháng 12 năm 2024');
    expect(style(date)).toMatchObject({ size: 13, italic: true, bold: false });
    // The place-date line is on the same row as the number (Decree 30: ô 4 level with ô 3).
    expect(rowOf(date)).toBe(rowOf(paragraph(header, 'Số: 15/BQL-DN&GSĐT')));
    // "V/v" under the number, 12 pt, not bold, 6 pt before.
    const vv = paragraph(header, 'V/v báo cáo kết quả');
    expect(style(vv)).toMatchObject({ size: 12, bold: false });
    expect(paraProps(vv).before).toBe(120);
    for (const p of [date, vv]) expect(paraProps(p).jc).toBe('center');
  });

  it('should draw a rule under the issuer and one as long as the Tiêu ngữ under it', async () => {
    const { document } = await readDocx(await renderDocx(sampleDocument()));
    const header = find(find(document, 'w:body')!, 'w:tbl')!;
    const rules = findAll(header, 'w:p').filter((p) => find(p, 'w:pBdr') && textOf(p) === '');
    expect(rules).toHaveLength(2);
    const [issuerRule, mottoRule] = rules.map((p) => {
      const ind = find(p, 'w:ind')!.attrs;
      return { left: Number(ind['w:left']), right: Number(ind['w:right']) };
    });
    const rightWidth = LAYOUT.textWidth - LAYOUT.headerLeft;
    // The Tiêu ngữ rule: same length as the text (159 pt in Times New Roman bold 13 pt), centred.
    expect(rightWidth - mottoRule!.left - mottoRule!.right).toBeCloseTo(159.1 * 20, -1);
    expect(mottoRule!.left).toBe(mottoRule!.right);
    // The issuer rule: a third to a half of its column, centred.
    const len = LAYOUT.headerLeft - issuerRule!.left - issuerRule!.right;
    expect(len).toBeGreaterThanOrEqual(LAYOUT.headerLeft / 4);
    expect(len).toBeLessThanOrEqual(LAYOUT.headerLeft / 2);
  });

  it('should justify body paragraphs with a 1 cm first-line indent and at least 6 pt between them, in 14 pt', async () => {
    const { document } = await readDocx(await renderDocx(sampleDocument()));
    const body = paragraph(document, 'Phúc đáp đề nghị của Sở Công Thương');
    expect(paraProps(body)).toEqual({ jc: 'both', firstLine: 567, before: 120 });
    expect(style(body)).toMatchObject({ size: 14, bold: false, italic: false });
    const heading = paragraph(document, 'A. Kết quả thực hiện:');
    expect(style(heading)).toMatchObject({ size: 14, bold: true });
    expect(find(heading, 'w:keepNext')).toBeDefined();
    const recipients = paragraph(document, 'Kính gửi: Sở Công Thương');
    expect(style(recipients)).toMatchObject({ size: 14 });
  });

  it('should write real footnotes in word/footnotes.xml, numbered in the order of their references', async () => {
    const { document, footnotes } = await readDocx(await renderDocx(sampleDocument()));
    const refs = findAll(document, 'w:footnoteReference').map((r) => Number(r.attrs['w:id']));
    expect(refs).toEqual([1, 2]);
    const notes = findAll(footnotes!, 'w:footnote').filter((f) => !f.attrs['w:type']);
    expect(notes.map((n) => Number(n.attrs['w:id']))).toEqual([1, 2]);
    expect(textOf(notes[0]!).trim()).toBe('Kế hoạch thu hút FDI năm 2024: 2.000 triệu USD.');
    // Each footnote starts with its own mark, and contains no reference to itself.
    for (const n of notes) {
      expect(find(n, 'w:footnoteRef')).toBeDefined();
      expect(find(n, 'w:footnoteReference')).toBeUndefined();
    }
    // The reference sits right after "kế hoạch năm", before the full stop.
    const p = paragraph(document, '+ 11 tháng đầu năm 2024');
    const runs = findAll(p, 'w:r');
    const at = runs.findIndex((r) => find(r, 'w:footnoteReference'));
    expect(textOf(runs[at - 1]!)).toMatch(/kế hoạch năm$/);
    expect(textOf(runs[at + 1]!)).toBe('.');
  });

  it('should number pages centred in the top margin from page 2 only', async () => {
    const doc = await readDocx(await renderDocx(sampleDocument()));
    // A distinct first-page header (w:titlePg on), and that header has no page number.
    const titlePg = find(doc.document, 'w:titlePg');
    expect(titlePg).toBeDefined();
    expect(['true', '1', undefined]).toContain(titlePg!.attrs['w:val']);
    const refs = findAll(doc.document, 'w:headerReference');
    const rels = await doc.part('word/_rels/document.xml.rels');
    const target = (type: string) => {
      const rid = refs.find((r) => r.attrs['w:type'] === type)!.attrs['r:id'];
      return findAll(rels!, 'Relationship').find((r) => r.attrs.Id === rid)!.attrs.Target!;
    };
    const first = (await doc.part(`word/${target('first')}`))!;
    const other = (await doc.part(`word/${target('default')}`))!;
    const hasPageField = (x: XmlNode) =>
      findAll(x, 'w:instrText').some((i) => /PAGE/.test(i.text)) ||
      findAll(x, 'w:fldSimple').some((f) => /PAGE/.test(f.attrs['w:instr'] ?? ''));
    expect(hasPageField(first)).toBe(false);
    expect(hasPageField(other)).toBe(true);
    expect(paraProps(find(other, 'w:p')!).jc).toBe('center');
    const sz = find(other, 'w:sz')!.attrs['w:val'];
    expect(Number(sz) / 2).toBeGreaterThanOrEqual(13);
    expect(Number(sz) / 2).toBeLessThanOrEqual(14);
    expect(Number(find(doc.document, 'w:pgMar')!.attrs['w:header'])).toBeLessThan(1134);
  });

  it('should end with Nơi nhận (bold italic 12 pt, list in 11 pt) level with the signer block (bold 14 pt)', async () => {
    const { document } = await readDocx(await renderDocx(sampleDocument()));
    const tables = findAll(find(document, 'w:body')!, 'w:tbl').filter((t) => t.parent?.name === 'w:body');
    const closing = tables.at(-1)!;
    const noiNhan = paragraph(closing, 'Nơi nhận:');
    expect(style(noiNhan)).toMatchObject({ size: 12, bold: true, italic: true });
    const list = [
      '- Như trên;',
      '- TB, PTB Bùi Ngọc Hải;',
      '- Cổng thông tin điện tử Heza;',
      '- Lưu: VP, DN&GSĐT.',
    ];
    for (const l of list)
      expect(style(paragraph(closing, l))).toMatchObject({ size: 11, bold: false, italic: false });
    const kt = paragraph(closing, 'KT. TRƯỞNG BAN');
    expect(style(kt)).toMatchObject({ size: 14, bold: true });
    expect(style(paragraph(closing, 'PHÓ TRƯỞNG BAN'))).toMatchObject({ size: 14, bold: true });
    expect(style(paragraph(closing, 'Bùi Ngọc Hải'))).toMatchObject({ size: 14, bold: true });
    // Same row: "Nơi nhận:" and "KT. TRƯỞNG BAN" start at the top of their cells.
    expect(rowOf(noiNhan)).toBe(rowOf(kt));
    const cells = findAll(rowOf(kt), 'w:tc');
    expect(findAll(cells[0]!, 'w:p')[0]).toBe(noiNhan);
    expect(findAll(cells[1]!, 'w:p')[0]).toBe(kt);
  });

  it('should list several recipients one per line, the last ending with a full stop', async () => {
    const doc = sampleDocument();
    doc.recipients = ['Sở Công Thương', 'Sở Tài chính'];
    const { document } = await readDocx(await renderDocx(doc));
    expect(textOf(paragraph(document, '- Sở Công Thương'))).toBe('- Sở Công Thương;');
    expect(textOf(paragraph(document, '- Sở Tài chính'))).toBe('- Sở Tài chính.');
    expect(rowOf(paragraph(document, 'Kính gửi:'))).toBe(rowOf(paragraph(document, '- Sở Tài chính')));
  });

  it('should centre the type name and subject of a Báo cáo in bold 14 pt', async () => {
    const doc = sampleDocument();
    doc.header.subject = null;
    doc.typeTitle = { name: 'Báo cáo', subject: 'Tình hình thu hút đầu tư 11 tháng đầu năm 2024' };
    const { document } = await readDocx(await renderDocx(doc));
    const name = paragraph(document, 'BÁO CÁO');
    expect(style(name)).toMatchObject({ size: 14, bold: true });
    expect(paraProps(name).jc).toBe('center');
    expect(style(paragraph(document, 'Tình hình thu hút đầu tư'))).toMatchObject({ size: 14, bold: true });
    expect(findAll(document, 'w:t').some((t) => t.text.startsWith('V/v'))).toBe(false);
  });
});
