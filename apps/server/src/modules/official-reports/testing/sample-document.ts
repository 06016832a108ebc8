import type { OfficialDocument } from '../document/model.ts';

/** A small document exercising every part of the layout (tests of the renderers). */
export function sampleDocument(): OfficialDocument {
  return {
    title: 'Báo cáo mẫu',
    header: {
      parentAgency: 'UBND thành phố Hải Phòng',
      issuer: ['Ban Quản lý Khu kinh tế', 'Hải Phòng'],
      number: 'Số: 15/BQL-DN&GSĐT',
      subject: 'báo cáo kết quả thực hiện công tác hội nhập quốc tế năm 2024, phương hướng nhiệm vụ năm 2025',
      placeDate: 'Hải Phòng, ngày 05 tháng 12 năm 2024',
    },
    typeTitle: null,
    recipients: ['Sở Công Thương'],
    body: [
      {
        type: 'paragraph',
        role: 'body',
        runs: [
          {
            type: 'text',
            text: 'Phúc đáp đề nghị của Sở Công Thương tại Công văn số 4243/SCT-QLĐT&HTQT ngày 05/11/2024 về việc báo cáo kết quả thực hiện công tác hội nhập quốc tế năm 2024;',
          },
        ],
      },
      {
        type: 'paragraph',
        role: 'heading',
        runs: [{ type: 'text', text: 'A. Kết quả thực hiện:', bold: true }],
      },
      {
        type: 'paragraph',
        role: 'body',
        runs: [
          { type: 'text', text: '+ 11 tháng đầu năm 2024: Thu hút ' },
          { type: 'text', text: '56', figure: { key: 'fdi.new.count', estimate: false, missing: false } },
          { type: 'text', text: ' dự án; tổng vốn thu hút đầu tư ước đạt ' },
          { type: 'text', text: '2.869', figure: { key: 'fdi.total.usd', estimate: true, missing: false } },
          { type: 'text', text: ' triệu USD, đạt ' },
          {
            type: 'text',
            text: '143,5',
            figure: { key: 'fdi.total.planPct', estimate: false, missing: false },
          },
          { type: 'text', text: '% kế hoạch năm' },
          { type: 'footnote', id: 1 },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'paragraph',
        role: 'body',
        runs: [
          { type: 'text', text: '- Nộp ngân sách: Ước đạt 12.487 tỷ đồng, đạt 105,0% kế hoạch năm' },
          { type: 'footnote', id: 2 },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'table',
        caption: 'Bảng 1. Thu hút đầu tư',
        unitNote: 'Đơn vị: triệu USD',
        columns: [
          { title: 'Chỉ tiêu', width: 60, align: 'left' },
          { title: 'Giá trị', width: 40, align: 'right' },
        ],
        rows: [[[{ type: 'text', text: 'Cấp mới' }], [{ type: 'text', text: '621' }]]],
      },
      {
        type: 'paragraph',
        role: 'body',
        runs: [
          {
            type: 'text',
            text: 'Trên đây là báo cáo của Ban Quản lý Khu kinh tế Hải Phòng, đề nghị quý Sở nghiên cứu, tổng hợp./.',
          },
        ],
      },
    ],
    signature: { lines: ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'], name: 'Bùi Ngọc Hải' },
    distribution: ['Như trên', 'TB, PTB Bùi Ngọc Hải', 'Cổng thông tin điện tử Heza', 'Lưu: VP, DN&GSĐT'],
    footnotes: [
      { id: 1, runs: [{ type: 'text', text: 'Kế hoạch thu hút FDI năm 2024: 2.000 triệu USD.' }] },
      { id: 2, runs: [{ type: 'text', text: 'Kế hoạch nộp ngân sách năm 2024: 11.895 tỷ đồng.' }] },
    ],
    draft: false,
  };
}
