import type { DossierView } from '@heza/shared';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractPdfText } from '../../platform/documents/pdf-text.ts';
import {
  counterBody,
  post,
  procedure,
  procedureTestApp,
  receiveAtCounter,
  staffOf,
  userOf,
} from './testing.ts';

let t: Awaited<ReturnType<typeof procedureTestApp>>;
let office: Awaited<ReturnType<typeof staffOf>>;
let leader: Awaited<ReturnType<typeof userOf>>;
const dossiers: Record<string, DossierView> = {};

function at(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}
const url = (d: { id: string }, path: string) => `/api/procedures/dossiers/${d.id}/${path}`;

beforeAll(async () => {
  t = await procedureTestApp();
  office = await staffOf(t, 'office');
  leader = await userOf(t, 'leader');
  const p = await procedure(t, 'BQL-LD-01');
  at('2026-02-05T14:20:00+07:00');
  dossiers.received = await receiveAtCounter(t, office.headers, p);
  const sup = await post(
    t,
    office.headers,
    '/api/procedures/dossiers/counter',
    counterBody(p, {
      documents: [{ documentKey: 'application', originals: 1, copies: 0 }],
      decision: 'request_supplement',
      supplement: { reason: 'Hồ sơ chưa đủ thành phần theo quy định', items: [] },
    }),
  );
  dossiers.supplement = sup.json();
  dossiers.rejected = (
    await post(
      t,
      office.headers,
      '/api/procedures/dossiers/counter',
      counterBody(p, {
        decision: 'reject',
        rejection: { reason: 'Không thuộc thẩm quyền giải quyết của Ban' },
      }),
    )
  ).json();
  let d = await receiveAtCounter(t, office.headers, p);
  d = (await post(t, office.headers, url(d, 'transfer'))).json();
  dossiers.extended = (
    await post(t, leader.headers, url(d, 'extend'), {
      reason: 'Chờ ý kiến cơ quan công an',
      newDueDate: '2026-02-25',
      signerName: 'Lê Thị C',
      signerTitle: 'PHÓ TRƯỞNG BAN',
    })
  ).json();
  dossiers.stopped = (
    await post(t, leader.headers, url(await receiveAtCounter(t, office.headers, p), 'stop'), {
      reason: 'Doanh nghiệp đề nghị dừng',
      legalBasis: 'Khoản 2 Điều 9',
    })
  ).json();
  vi.useRealTimers();
}, 120_000);
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

async function fetchForm(d: DossierView, form: string, format: 'pdf' | 'docx') {
  return t.app.inject({
    method: 'GET',
    url: `/api/procedures/dossiers/${d.id}/forms/${form}/${format}`,
    headers: office.headers,
  });
}
async function docxText(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { xml, text: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') };
}
const squash = (s: string) => s.replace(/\s+/g, '');

describe('statutory forms as DOCX', () => {
  it('should print the receipt (form 01) with code, secret, times and the appointment, on A5 in Times New Roman', async () => {
    const d = dossiers.received!;
    const res = await fetchForm(d, '01', 'docx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(`mau-01-giay-tiep-nhan-${d.code}.docx`);
    const { xml, text } = await docxText(res.rawPayload);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: ${d.code}     Mã tra cứu: ${d.trackingSecret}`);
    expect(text).toContain('Hải Phòng, ngày 05 tháng 02 năm 2026');
    expect(text).toContain('4. Thời gian nhận hồ sơ: 14 giờ 20 phút, ngày 05 tháng 02 năm 2026');
    // 5 working days after Thu 5 Feb 2026, across the Tết break (14–22 Feb): 6, 9, 10, 11, 12 Feb.
    expect(text).toContain('14 giờ 20 phút, ngày 12 tháng 02 năm 2026');
    expect(text).toContain('Thời gian giải quyết hồ sơ theo quy định là: 5 ngày làm việc');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(xml).toContain('w:ascii="Times New Roman"');
    const zip = await JSZip.loadAsync(res.rawPayload);
    expect(await zip.file('word/document.xml')!.async('string')).toMatch(/<w:pgSz w:w="839\d" w:h="1190\d"/);
  });

  it('should list every missing document in the supplement request (form 02)', async () => {
    const res = await fetchForm(dossiers.supplement!, '02', 'docx');
    expect(res.statusCode).toBe(200);
    const { text } = await docxText(res.rawPayload);
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('Giấy chứng nhận sức khỏe');
    expect(text).toContain('Phiếu lý lịch tư pháp');
    expect(text).toContain('Hồ sơ chưa đủ thành phần theo quy định');
  });

  it('should print the refusal (form 03), the apology and extension (form 04) and the stop notice (form 05)', async () => {
    const refusal = await docxText((await fetchForm(dossiers.rejected!, '03', 'docx')).rawPayload);
    expect(refusal.text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(refusal.text).toContain('Không thuộc thẩm quyền giải quyết của Ban');
    const apology = await docxText((await fetchForm(dossiers.extended!, '04', 'docx')).rawPayload);
    expect(apology.text).toContain('VĂN BẢN XIN LỖI');
    expect(apology.text).toContain('Chờ ý kiến cơ quan công an');
    expect(apology.text).toContain('ngày 25 tháng 02 năm 2026');
    expect(apology.text).toContain('Lê Thị C');
    const stop = await docxText((await fetchForm(dossiers.stopped!, '05', 'docx')).rawPayload);
    expect(stop.text).toContain('DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(stop.text).toContain('Doanh nghiệp đề nghị dừng (Khoản 2 Điều 9)');
  });

  it('should print the control sheet (form 06) with every hand-over', async () => {
    const { text } = await docxText((await fetchForm(dossiers.extended!, '06', 'docx')).rawPayload);
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Nhận: Phòng Lao động');
  });

  it('should refuse a form that does not apply to the dossier', async () => {
    for (const [d, form] of [
      [dossiers.received!, '03'],
      [dossiers.received!, '04'],
      [dossiers.rejected!, '01'],
      [dossiers.received!, '05'],
    ] as const) {
      const res = await fetchForm(d, form, 'docx');
      expect(res.statusCode, `${d.status} ${form}`).toBe(409);
      expect(res.json().code).toBe('INVALID_STATE');
    }
  });
});

describe('statutory forms as PDF', () => {
  it('should render the receipt as a PDF on A5 whose text carries the code and the appointment', async () => {
    const d = dossiers.received!;
    const res = await fetchForm(d, '01', 'pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);
    // A5 portrait = 420 × 595 pt, and the receipt fits on one sheet.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 (419\.\d+|420) 59[45](\.\d+)?\]/);
    expect(pdf.toString('latin1')).toContain('/Count 1');
    const text = squash(extractPdfText(pdf));
    expect(text).toContain(squash('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'));
    expect(text).toContain(squash(d.code!));
    expect(text).toContain(squash(d.trackingSecret));
    expect(text).toContain(squash('14 giờ 20 phút, ngày 12 tháng 02 năm 2026'));
  });

  it('should render the control sheet on A4', async () => {
    const res = await fetchForm(dossiers.extended!, '06', 'pdf');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 59\d\.\d+ 84\d\.\d+\]/);
    expect(squash(extractPdfText(res.rawPayload))).toContain(
      squash('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ'),
    );
  });

  it('should let the applicant download the receipt with the secret, and not without it', async () => {
    const d = dossiers.received!;
    const good = await t.app.inject({
      method: 'GET',
      url: `/api/public/dossiers/${d.id}/forms/01/pdf?secret=${d.trackingSecret}`,
    });
    expect(good.statusCode).toBe(200);
    expect(good.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await t.app.inject({
      method: 'GET',
      url: `/api/public/dossiers/${d.id}/forms/01/pdf?secret=AAAA`,
    });
    expect(bad.statusCode).toBe(404);
    const control = await t.app.inject({
      method: 'GET',
      url: `/api/public/dossiers/${d.id}/forms/06/pdf?secret=${d.trackingSecret}`,
    });
    expect(control.statusCode).toBe(400);
  });
});
