import {
  checkContent,
  checkPattern,
  headingNumbers,
  parseInline,
  type ReportContent,
  TemplateInput,
} from '@heza/shared/official-reports';
import { describe, expect, it } from 'vitest';
import { composeDocument, MISSING_TEXT } from './compose.ts';
import { documentText, type OfficialDocument, runsText } from './document/model.ts';
import { formatFigure } from './figures/format.ts';
import type { FigureSet, FigureValue } from './figures/types.ts';
import { SHIPPED_TEMPLATES } from './templates/shipped.ts';

function figures(values: Record<string, Partial<FigureValue> & { value: string | null }>): FigureSet {
  const out: FigureSet = {
    periodId: '2024YTD11',
    asOf: '2024-11-25',
    knownAt: '2024-11-25',
    computedAt: '',
    values: {},
  };
  for (const [key, v] of Object.entries(values))
    out.values[key] = { key, estimate: false, notes: [], footnote: null, trace: [], ...v };
  return out;
}

function content(body: ReportContent['body'], extra: Partial<ReportContent['header']> = {}): ReportContent {
  return TemplateInput.parse({
    code: 'test',
    nameVi: 'Thử',
    nameEn: 'Test',
    periodTypes: ['ytd'],
    content: {
      header: {
        documentType: 'cong_van',
        parentAgency: 'UBND THÀNH PHỐ HẢI PHÒNG',
        issuer: 'BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG',
        sequenceKey: 'BQL',
        numberCode: 'BQL-DN&GSĐT',
        place: 'Hải Phòng',
        subject: 'báo cáo năm {year}',
        recipients: ['Sở Công Thương'],
        ...extra,
      },
      body,
      closing: {
        text: 'Trân trọng./.',
        signer: { authority: 'KT', onBehalfOf: 'Trưởng ban', title: 'Phó Trưởng ban', name: 'A' },
        distribution: ['Như trên', 'Lưu: VT'],
      },
    },
  }).content;
}

/** The text of the first body paragraph. */
function firstText(doc: OfficialDocument): string {
  const b = doc.body[0];
  if (b?.type !== 'paragraph') throw new Error('no paragraph');
  return runsText(b.runs);
}

const compose = (c: ReportContent, f: FigureSet, issued: { number: number; date: string } | null = null) =>
  composeDocument(c, { periodId: '2024YTD11', figures: f, issued, today: '2024-12-01' });

describe('computed sentences', () => {
  it('should fill slots in the official number format, with period facts', () => {
    const c = content([
      {
        kind: 'computed',
        id: 'x',
        pattern:
          '+ {period}: Thu hút {fdi.new.count} dự án với {fdi.new.usd} triệu USD; góp vốn {fdi.sharePurchase.count} dự án ({fdi.sharePurchase.usd} triệu USD); lũy kế đến tháng {month} năm {year}.',
      },
    ]);
    const { doc } = compose(
      c,
      figures({
        'fdi.new.count': { value: '56' },
        'fdi.new.usd': { value: '621.4' },
        'fdi.sharePurchase.count': { value: '5' },
        'fdi.sharePurchase.usd': { value: '21.4' },
      }),
    );
    expect(firstText(doc)).toBe(
      '+ 11 tháng đầu năm 2024: Thu hút 56 dự án với 621 triệu USD; góp vốn 05 dự án (21,4 triệu USD); lũy kế đến tháng 11 năm 2024.',
    );
  });

  it('should switch "đạt" to "ước đạt" before a figure that includes estimates, keeping the capital letter, but not before a percentage', () => {
    const pattern =
      '- Doanh thu: Ước đạt {revenue.usd} triệu USD, đạt {revenue.planPct}% kế hoạch năm; tổng vốn đạt {fdi.total.usd} triệu USD.';
    const c = content([{ kind: 'computed', id: 'x', pattern }]);
    const text = (estimate: boolean) =>
      firstText(
        compose(
          c,
          figures({
            'revenue.usd': { value: '29592', estimate },
            'revenue.planPct': { value: '92.846386', estimate },
            'fdi.total.usd': { value: '2869', estimate },
          }),
        ).doc,
      );
    expect(text(true)).toBe(
      '- Doanh thu: Ước đạt 29.592 triệu USD, đạt 92,8% kế hoạch năm; tổng vốn ước đạt 2.869 triệu USD.',
    );
    expect(text(false)).toBe(
      '- Doanh thu: Đạt 29.592 triệu USD, đạt 92,8% kế hoạch năm; tổng vốn đạt 2.869 triệu USD.',
    );
  });

  it('should word {reach:…} and {trend:…} from the figure', () => {
    const c = content([
      {
        kind: 'computed',
        id: 'x',
        pattern:
          'Vốn {reach:fdi.total.usd} {fdi.total.usd}; lao động {trend:labour.total.changePct}, nước ngoài {trend:labour.foreign.changePct}.',
      },
    ]);
    const { doc } = compose(
      c,
      figures({
        'fdi.total.usd': { value: '2869', estimate: true },
        'labour.total.changePct': { value: '13.532' },
        'labour.foreign.changePct': { value: '-2.1596' },
      }),
    );
    expect(firstText(doc)).toBe('Vốn ước đạt 2.869; lao động tăng 13,5%, nước ngoài giảm 2,2%.');
  });

  it('should print a missing figure visibly and list it', () => {
    const c = content([{ kind: 'computed', id: 'rev', pattern: 'Doanh thu {revenue.usd} triệu USD.' }]);
    const r = compose(c, figures({ 'revenue.usd': { value: null } }));
    expect(firstText(r.doc)).toBe(`Doanh thu ${MISSING_TEXT} triệu USD.`);
    expect(r.missing).toEqual([{ key: 'revenue.usd', label: 'Doanh thu', itemId: 'rev' }]);
  });
});

describe('footnotes', () => {
  const plan = 'Kế hoạch thu hút FDI năm 2024: 2.000 triệu USD.';
  const base = 'Tổng vốn FDI thu hút 11 tháng đầu năm 2023: 3.011 triệu USD.';
  const f = figures({
    'fdi.total.usd': { value: '2869' },
    'fdi.total.planPct': { value: '143.45', footnote: plan },
    'fdi.total.lastYearPct': { value: '95.29', footnote: base },
  });

  it('should place a figure footnote at the end of its clause, before the punctuation, numbered in order of appearance', () => {
    const c = content([
      {
        kind: 'computed',
        id: 'a',
        pattern:
          'Tổng vốn {fdi.total.usd} triệu USD, bằng {fdi.total.lastYearPct}% so với cùng kỳ năm trước, đạt {fdi.total.planPct}% kế hoạch năm.',
      },
    ]);
    const { doc } = compose(c, f);
    const runs = (doc.body[0] as { runs: { type: string; text?: string; id?: number }[] }).runs;
    const at = runs.findIndex((r) => r.type === 'footnote');
    expect(runs[at - 1]!.text).toMatch(/so với cùng kỳ năm trước$/);
    expect(runs[at]!.id).toBe(1);
    expect(runs.at(-2)).toEqual({ type: 'footnote', id: 2 });
    expect(runs.at(-1)!.text).toBe('.');
    expect(doc.footnotes.map((n) => runsText(n.runs))).toEqual([base, plan]);
  });

  it('should give the same footnote text one footnote only, and number narrative footnotes in the same sequence', () => {
    const c = content([
      { kind: 'narrative', id: 'n', text: 'Hội nghị[^Ngày 24/7/2024 tại Ban Quản lý.] đã họp.' },
      { kind: 'computed', id: 'a', pattern: 'Đạt {fdi.total.planPct}% kế hoạch năm.' },
      { kind: 'computed', id: 'b', pattern: 'Nhắc lại: {fdi.total.planPct}% kế hoạch năm.' },
    ]);
    const { doc } = compose(c, f);
    expect(doc.footnotes.map((n) => [n.id, runsText(n.runs)])).toEqual([
      [1, 'Ngày 24/7/2024 tại Ban Quản lý.'],
      [2, plan],
    ]);
    const refs = doc.body.flatMap((b) =>
      b.type === 'paragraph' ? b.runs.filter((r) => r.type === 'footnote') : [],
    );
    expect(refs).toHaveLength(2);
  });
});

describe('document layout from the content', () => {
  it('should number headings like the seeds (A., I., 1., 3.1., (1), a)) and style them', () => {
    const body: ReportContent['body'] = [
      { kind: 'heading', id: 'a', level: 1, numbering: 'upper_alpha', title: 'Phần A' },
      { kind: 'heading', id: 'i', level: 2, numbering: 'upper_roman', title: 'Mục I' },
      { kind: 'heading', id: 'i1', level: 3, numbering: 'decimal', title: 'Một' },
      { kind: 'heading', id: 'i2', level: 3, numbering: 'decimal', title: 'Hai' },
      { kind: 'heading', id: 'i3', level: 3, numbering: 'decimal', title: 'Ba' },
      { kind: 'heading', id: 'i31', level: 4, numbering: 'decimal_nested', title: 'Ba một' },
      { kind: 'heading', id: 'p1', level: 5, numbering: 'paren_decimal', title: 'Ngoặc' },
      { kind: 'heading', id: 'i32', level: 4, numbering: 'decimal_nested', title: 'Ba hai' },
      { kind: 'heading', id: 'ii', level: 2, numbering: 'upper_roman', title: 'Mục II' },
      { kind: 'heading', id: 'ii1', level: 3, numbering: 'decimal', title: 'Một lại' },
      { kind: 'heading', id: 'la', level: 4, numbering: 'lower_alpha', title: 'chữ' },
      { kind: 'heading', id: 'b', level: 1, numbering: 'upper_alpha', title: 'Phần B' },
    ];
    expect([...headingNumbers(body).values()]).toEqual([
      'A.',
      'I.',
      '1.',
      '2.',
      '3.',
      '3.1.',
      '(1)',
      '3.2.',
      'II.',
      '1.',
      'a)',
      'B.',
    ]);
    const { doc } = compose(content(body), figures({}));
    const first = doc.body[0] as { runs: { type: string; text?: string; bold?: boolean }[]; role: string };
    expect(first.role).toBe('heading');
    expect(runsText(first.runs as never)).toBe('A. Phần A');
    expect(first.runs.every((r) => r.bold)).toBe(true);
  });

  it('should leave the number and date blank on a draft, and print them once issued', () => {
    const c = content([]);
    const draft = compose(c, figures({})).doc;
    expect(draft.header.number).toMatch(/^Số: +\/BQL-DN&GSĐT$/);
    expect(draft.header.placeDate).toMatch(/^Hải Phòng, ngày +tháng +năm 2024$/);
    expect(draft.draft).toBe(true);
    const issued = compose(c, figures({}), { number: 5, date: '2025-01-05' }).doc;
    expect(issued.header.number).toBe('Số: 05/BQL-DN&GSĐT');
    expect(issued.header.placeDate).toBe('Hải Phòng, ngày 05 tháng 01 năm 2025');
    expect(issued.signature.lines).toEqual(['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN']);
    expect(issued.header.subject).toBe('báo cáo năm 2024');
  });

  it('should write the request answered as the opening paragraph', () => {
    const c = content([], {
      request: {
        sender: 'Sở Công Thương',
        documentType: 'Công văn',
        number: '4243/SCT-QLĐT&HTQT',
        date: '2024-11-05',
        about: 'báo cáo kết quả năm 2024',
      },
    });
    expect(documentText(compose(c, figures({})).doc)).toContain(
      'Phúc đáp đề nghị của Sở Công Thương tại Công văn số 4243/SCT-QLĐT&HTQT ngày 05/11/2024 về việc báo cáo kết quả năm 2024;',
    );
  });
});

describe('patterns and templates as data', () => {
  it('should reject a slot naming an unknown figure, naming the slot', () => {
    expect(checkPattern('Thu hút {fdi.neww.count} dự án')).toEqual([
      expect.objectContaining({ slot: '{fdi.neww.count}' }),
    ]);
    expect(checkPattern('{fdi.total.usd:9}')[0]!.slot).toBe('{fdi.total.usd:9}');
    expect(checkPattern('{trend:fdi.total.usd}')[0]!.en).toMatch(/percentage/);
    expect(checkPattern('{period} {fdi.total.usd:2} {reach:fdi.total.usd} {{literal}}')).toEqual([]);
  });

  it('should parse markup without losing text when it is unbalanced', () => {
    const t = parseInline('a **b** *c* [^d] {e} 5 * 3', { slots: true });
    expect(t).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'text', text: 'b', bold: true },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'c', italic: true },
      { type: 'text', text: ' ' },
      { type: 'footnote', text: 'd' },
      { type: 'text', text: ' ' },
      { type: 'slot', raw: 'e', key: 'e' },
      { type: 'text', text: ' 5 * 3' },
    ]);
  });

  it('should ship integration, fta and investment-summary with every slot known', () => {
    expect(SHIPPED_TEMPLATES.map((t) => t.code)).toEqual(['integration', 'fta', 'investment-summary']);
    for (const t of SHIPPED_TEMPLATES) expect(checkContent(t.content)).toEqual([]);
  });

  it('should format figures by kind, with slot formats', () => {
    expect(formatFigure({ kind: 'percent' }, '104.976881')).toBe('105,0');
    expect(formatFigure({ kind: 'percent' }, '143.45')).toBe('143,5');
    expect(formatFigure({ kind: 'money' }, '2226.2')).toBe('2.226');
    expect(formatFigure({ kind: 'money' }, '876.14', '2')).toBe('876,14');
    expect(formatFigure({ kind: 'count' }, '5')).toBe('05');
    expect(formatFigure({ kind: 'count' }, '0')).toBe('0');
    expect(formatFigure({ kind: 'income' }, '11.520001489')).toBe('11,52');
    expect(formatFigure({ kind: 'persons' }, '201034')).toBe('201.034');
  });
});
