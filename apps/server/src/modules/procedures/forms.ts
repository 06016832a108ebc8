import {
  formatDateVi,
  formatHeaderPlaceDateVi,
  formatTimeOnReceiptVi,
  type SupplementItem,
  toIsoDateVn,
} from '@heza/shared';
import type { DbOrTx } from '../../db/client.ts';
import {
  type Block,
  type DocumentModel,
  issuerBlock,
  nationalMotto,
} from '../../platform/documents/model.ts';
import { AppError } from '../../platform/errors.ts';
import type { DossierRow } from './access.ts';
import { unitName } from './units.ts';

/**
 * The statutory forms of a dossier, numbered as in TT 03/2025/TT-VPCP (docs/domain-vn.md §2.2): 01 receipt
 * and appointment, 02 supplement request, 03 refusal, 04 apology and extension, 05 stop notice, 06 control
 * sheet. Their field lists follow the 2018 forms and the practice quoted in §2.2 [M]: check them against
 * the circular's annex (§7 item 8). Forms 01–05 print on A5, the control sheet on A4.
 */

/** A form number. */
export type FormNumber = '01' | '02' | '03' | '04' | '05' | '06';

/** File-name stems of the forms. */
export const FORM_SLUGS: Record<FormNumber, string> = {
  '01': 'giay-tiep-nhan',
  '02': 'phieu-yeu-cau-bo-sung',
  '03': 'phieu-tu-choi',
  '04': 'van-ban-xin-loi-gia-han',
  '05': 'thong-bao-dung-giai-quyet',
  '06': 'phieu-kiem-soat',
};

async function loadContext(db: DbOrTx, d: DossierRow) {
  const [procedure, office, docs, steps, supplements, extensions, events, receiver] = await Promise.all([
    db.selectFrom('procedures').selectAll().where('id', '=', d.procedure_id).executeTakeFirstOrThrow(),
    db.selectFrom('one_stop_offices').selectAll().where('code', '=', d.office_code).executeTakeFirstOrThrow(),
    db
      .selectFrom('dossier_documents')
      .selectAll()
      .where('dossier_id', '=', d.id)
      .orderBy('provided_at')
      .execute(),
    db.selectFrom('dossier_steps').selectAll().where('dossier_id', '=', d.id).orderBy('position').execute(),
    db
      .selectFrom('dossier_supplements')
      .selectAll()
      .where('dossier_id', '=', d.id)
      .orderBy('number')
      .execute(),
    db
      .selectFrom('dossier_extensions')
      .selectAll()
      .where('dossier_id', '=', d.id)
      .orderBy('number')
      .execute(),
    db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', d.id).orderBy('id').execute(),
    d.received_by
      ? db.selectFrom('users').select('full_name').where('id', '=', d.received_by).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return {
    procedure,
    office,
    docs,
    steps,
    supplements,
    extensions,
    events,
    receiverName: receiver?.full_name ?? '',
  };
}
type FormContext = Awaited<ReturnType<typeof loadContext>>;

function header(c: FormContext, numberLine: string | null, date: Date | string): Block {
  return {
    type: 'header',
    left: issuerBlock(c.office.parent_vi, c.office.name_vi, numberLine),
    right: nationalMotto(
      formatHeaderPlaceDateVi(c.office.place_vi, typeof date === 'string' ? date : toIsoDateVn(date)),
    ),
  };
}

const p = (text: string, extra: Partial<Extract<Block, { type: 'paragraph' }>> = {}): Block => ({
  type: 'paragraph',
  runs: [text],
  align: 'left',
  spaceBefore: 1,
  ...extra,
});
const labelled = (label: string, value: string): Block => ({
  type: 'paragraph',
  runs: [label, { text: value, bold: true }],
  align: 'left',
  spaceBefore: 1,
});

function applicantLines(d: DossierRow): Block[] {
  return [
    labelled('Tiếp nhận hồ sơ của: ', d.applicant_name),
    p(`Địa chỉ: ${d.applicant_address ?? '…'}`),
    p(`Số điện thoại: ${d.applicant_phone ?? '…'}     Email: ${d.applicant_email ?? '…'}`),
  ];
}

const RETURN_PLACES = {
  online: 'Trực tuyến (Cổng dịch vụ công, email)',
  counter: 'Bộ phận Một cửa',
  post: 'Qua dịch vụ bưu chính công ích',
} as const;

function receipt(d: DossierRow, c: FormContext): DocumentModel {
  if (!d.code || !d.received_at || !d.due_at) throw new AppError('INVALID_STATE', { params: { form: '01' } });
  const sequence = Number(d.code.split('-').pop());
  const original = c.extensions[0]?.previous_due_at ?? d.due_at;
  const blocks: Block[] = [
    header(c, null, d.received_at),
    { type: 'title', lines: ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'] },
    {
      type: 'paragraph',
      align: 'center',
      spaceBefore: 0,
      runs: [
        'Mã hồ sơ: ',
        { text: d.code, bold: true },
        '     Mã tra cứu: ',
        { text: d.tracking_secret, bold: true },
      ],
    },
    ...applicantLines(d),
    labelled('Nội dung yêu cầu giải quyết: ', `${d.subject} (${c.procedure.name_vi})`),
    p('1. Thành phần hồ sơ nộp gồm:'),
    {
      type: 'table',
      columns: [
        { title: 'TT', width: 8, align: 'center' },
        { title: 'Tên giấy tờ', width: 60 },
        { title: 'Bản chính', width: 16, align: 'center' },
        { title: 'Bản sao', width: 16, align: 'center' },
      ],
      rows: c.docs
        .filter((x) => x.supplement_id === null)
        .map((x, i) => [
          String(i + 1),
          x.file_id ? `${x.name} (tệp điện tử)` : x.name,
          String(x.originals),
          String(x.copies),
        ]),
    },
    p(`2. Số lượng hồ sơ: ${String(d.sets_count).padStart(2, '0')} bộ`),
    p(`3. Thời gian giải quyết hồ sơ theo quy định là: ${c.procedure.time_limit_days} ngày làm việc`),
    p(`4. Thời gian nhận hồ sơ: ${formatTimeOnReceiptVi(d.received_at)}`),
    labelled('5. Thời gian trả kết quả giải quyết hồ sơ: ', formatTimeOnReceiptVi(original)),
    p(
      `6. Đăng ký nhận kết quả tại: ${RETURN_PLACES[d.return_method]}${d.return_address ? ` — ${d.return_address}` : ''}`,
    ),
    p(`Vào Sổ theo dõi hồ sơ, Quyển số: ${toIsoDateVn(d.received_at).slice(0, 4)}, Số thứ tự: ${sequence}`),
  ];
  if (c.procedure.cutoff) {
    blocks.push(
      p(
        `Nhận sau ${c.procedure.cutoff.replace(':', ' giờ ')} hoặc vào ngày nghỉ: tính từ ngày làm việc tiếp theo (${formatDateVi(d.counting_from!)}).`,
        { size: 9.5 },
      ),
    );
  }
  blocks.push({
    type: 'signatures',
    columns: [
      {
        title: 'Người nộp hồ sơ',
        note: '(Ký và ghi rõ họ tên)',
        name: d.channel === 'online' ? '' : d.applicant_name,
      },
      { title: 'Người tiếp nhận hồ sơ', note: '(Ký và ghi rõ họ tên)', name: c.receiverName },
    ],
  });
  return { title: `Giấy tiếp nhận hồ sơ ${d.code}`, page: 'A5', blocks };
}

function supplementForm(d: DossierRow, c: FormContext): DocumentModel {
  const s = c.supplements.at(-1);
  if (!s) throw new AppError('INVALID_STATE', { params: { form: '02' } });
  const items = s.items as SupplementItem[];
  const requester =
    c.events.filter((e) => e.event.endsWith('supplement') && e.event.startsWith('request')).at(-1)
      ?.actor_label ?? '';
  return {
    title: `Phiếu yêu cầu bổ sung hồ sơ ${d.code ?? ''}`.trim(),
    page: 'A5',
    blocks: [
      header(c, `Số: ${d.code ?? d.id.slice(0, 8).toUpperCase()}/HDHS-${s.number}`, s.requested_at),
      { type: 'title', lines: ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ'] },
      ...applicantLines(d).map((b, i) => (i === 0 ? labelled('Hồ sơ của: ', d.applicant_name) : b)),
      labelled('Nội dung yêu cầu giải quyết: ', `${d.subject} (${c.procedure.name_vi})`),
      p(
        s.stage === 'intake'
          ? 'Sau khi kiểm tra thành phần hồ sơ, đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:'
          : 'Trong quá trình thẩm định hồ sơ, đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
      ),
      {
        type: 'table',
        columns: [
          { title: 'TT', width: 8, align: 'center' },
          { title: 'Nội dung cần bổ sung', width: 50 },
          { title: 'Lý do', width: 42 },
        ],
        rows: items.map((i, k) => [String(k + 1), i.name, i.reason]),
      },
      labelled('Lý do: ', s.reason),
      ...(s.legal_basis ? [p(`Căn cứ: ${s.legal_basis}`)] : []),
      ...(s.stage === 'appraisal'
        ? [
            p(
              s.clock_rule === 'pause'
                ? `Thời gian bổ sung không tính vào thời hạn giải quyết; còn lại ${s.remaining_days ?? 0} ngày làm việc kể từ khi nhận đủ hồ sơ bổ sung.`
                : 'Thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ bổ sung.',
            ),
          ]
        : []),
      p(
        `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ Bộ phận Một cửa, ${c.office.name_vi}${c.office.phone ? `, số điện thoại ${c.office.phone}` : ''} để được hướng dẫn.`,
      ),
      {
        type: 'signatures',
        columns: [{ title: 'Người hướng dẫn', note: '(Ký và ghi rõ họ tên)', name: requester }],
      },
    ],
  };
}

function refusal(d: DossierRow, c: FormContext): DocumentModel {
  const e = c.events.find((x) => x.event === 'reject');
  if (!e) throw new AppError('INVALID_STATE', { params: { form: '03' } });
  return {
    title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    page: 'A5',
    blocks: [
      header(c, `Số: ${d.id.slice(0, 8).toUpperCase()}/TCHS`, e.at),
      { type: 'title', lines: ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ'] },
      p(`Bộ phận Một cửa, ${c.office.name_vi} tiếp nhận hồ sơ của:`),
      labelled('Ông/bà/tổ chức: ', d.applicant_name),
      p(`Địa chỉ: ${d.applicant_address ?? '…'}`),
      p(`Số điện thoại: ${d.applicant_phone ?? '…'}     Email: ${d.applicant_email ?? '…'}`),
      labelled('Nội dung yêu cầu giải quyết: ', `${d.subject} (${c.procedure.name_vi})`),
      p(
        'Qua nghiên cứu, đối chiếu với các quy định hiện hành, Bộ phận Một cửa từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
        { align: 'justify', indent: true },
      ),
      p(e.note ?? d.close_reason ?? '', { align: 'justify', indent: true }),
      p('Xin thông báo để ông/bà/tổ chức được biết và thực hiện./.', { indent: true }),
      {
        type: 'signatures',
        columns: [
          { title: 'Người tiếp nhận hồ sơ', note: '(Ký và ghi rõ họ tên)', name: e.actor_label ?? '' },
        ],
      },
    ],
  };
}

function apology(d: DossierRow, c: FormContext): DocumentModel {
  const x = c.extensions.at(-1);
  if (!x || !d.received_at) throw new AppError('INVALID_STATE', { params: { form: '04' } });
  return {
    title: `Văn bản xin lỗi và đề nghị gia hạn hồ sơ ${d.code}`,
    page: 'A5',
    blocks: [
      header(c, 'Số: ……/BQL-VP', x.created_at),
      { type: 'title', lines: ['VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ', 'GIA HẠN THỜI GIAN GIẢI QUYẾT HỒ SƠ'] },
      labelled('Kính gửi: ', d.applicant_name),
      p(
        `Ngày ${formatDateVi(d.received_at)}, ${c.office.name_vi} tiếp nhận giải quyết hồ sơ của ông/bà/tổ chức, mã hồ sơ ${d.code}, nội dung: ${d.subject} (${c.procedure.name_vi}).`,
        { align: 'justify', indent: true },
      ),
      p(
        `Thời hạn trả kết quả giải quyết hồ sơ: ${formatTimeOnReceiptVi(x.previous_due_at)}. Tuy nhiên đến nay, hồ sơ của ông/bà/tổ chức chưa được giải quyết đúng hạn như đã hẹn.`,
        { align: 'justify', indent: true },
      ),
      labelled('Lý do: ', x.reason),
      p(
        `Sự chậm trễ này đã gây phiền hà cho ông/bà/tổ chức. ${c.office.name_vi} xin lỗi ông/bà/tổ chức và đề nghị gia hạn thời gian giải quyết; kết quả giải quyết hồ sơ sẽ được trả vào ${formatTimeOnReceiptVi(x.new_due_at)}.`,
        { align: 'justify', indent: true },
      ),
      p('Xin trân trọng cảm ơn./.', { indent: true }),
      { type: 'signatures', columns: [{ title: x.signer_title, name: x.signer_name }] },
    ],
  };
}

function stopNotice(d: DossierRow, c: FormContext): DocumentModel {
  const e = c.events.find((x) => x.event === 'stop');
  if (!e || !d.code || !d.received_at) throw new AppError('INVALID_STATE', { params: { form: '05' } });
  return {
    title: `Thông báo dừng giải quyết hồ sơ ${d.code}`,
    page: 'A5',
    blocks: [
      header(c, `Số: ${d.code}/DGQ`, e.at),
      { type: 'title', lines: ['THÔNG BÁO', 'DỪNG GIẢI QUYẾT HỒ SƠ'] },
      labelled('Kính gửi: ', d.applicant_name),
      p(
        `Ngày ${formatDateVi(d.received_at)}, ${c.office.name_vi} tiếp nhận hồ sơ của ông/bà/tổ chức, mã hồ sơ ${d.code}, nội dung: ${d.subject} (${c.procedure.name_vi}).`,
        { align: 'justify', indent: true },
      ),
      p(`${c.office.name_vi} thông báo dừng giải quyết hồ sơ nêu trên với lý do:`, {
        align: 'justify',
        indent: true,
      }),
      p(e.note ?? d.close_reason ?? '', { align: 'justify', indent: true }),
      p('Xin thông báo để ông/bà/tổ chức được biết./.', { indent: true }),
      {
        type: 'signatures',
        columns: [{ title: 'Người xử lý hồ sơ', note: '(Ký và ghi rõ họ tên)', name: e.actor_label ?? '' }],
      },
    ],
  };
}

/** Early / on time / late of a step or dossier finished at `done` against `due` (Vietnam dates). */
export function timeliness(done: Date | null, due: string): string {
  if (!done) return '';
  const day = toIsoDateVn(done);
  return day < due ? 'Trước hạn' : day === due ? 'Đúng hạn' : 'Quá hạn';
}

/** Control-sheet wording of the events that are not a plain hand-over between units. */
const EVENT_LABELS: Record<string, string> = {
  request_appraisal_supplement: 'Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)',
  provide_supplement: 'Nhận hồ sơ bổ sung',
  extend: 'Xin lỗi và gia hạn thời gian giải quyết (Mẫu 04)',
  stop: 'Dừng giải quyết hồ sơ (Mẫu 05)',
};

function controlSheet(d: DossierRow, c: FormContext): DocumentModel {
  if (!d.code || !d.received_at) throw new AppError('INVALID_STATE', { params: { form: '06' } });
  const rows: string[][] = [];
  let n = 0;
  for (const e of c.events) {
    if (
      ![
        'receive',
        'transfer',
        'hand_over',
        'result_ready',
        'return_result',
        'request_appraisal_supplement',
        'provide_supplement',
        'extend',
        'stop',
      ].includes(e.event)
    )
      continue;
    const key = (e.data as { completedStep?: string } | null)?.completedStep;
    const step = key ? c.steps.find((s) => s.key === key) : undefined;
    const what =
      e.event === 'receive'
        ? `Tiếp nhận: ${unitName('office').vi}`
        : e.event === 'return_result'
          ? 'Trả kết quả cho người nộp hồ sơ'
          : EVENT_LABELS[e.event]
            ? EVENT_LABELS[e.event]!
            : `Giao: ${unitName(e.from_unit).vi}\nNhận: ${unitName(e.to_unit).vi}`;
    rows.push([
      String(++n),
      what,
      formatTimeOnReceiptVi(e.at),
      step ? timeliness(step.completed_at, step.due_date) : '',
      [e.actor_label, e.note].filter(Boolean).join(' — '),
    ]);
  }
  const lead = c.steps[0]?.unit;
  return {
    title: `Phiếu kiểm soát quá trình giải quyết hồ sơ ${d.code}`,
    page: 'A4',
    blocks: [
      header(c, `Mã hồ sơ: ${d.code}`, d.received_at),
      { type: 'title', lines: ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ'] },
      labelled('Mã hồ sơ: ', d.code),
      p(`Thủ tục: ${c.procedure.name_vi}`),
      p(`Cơ quan (bộ phận) giải quyết hồ sơ: ${unitName(lead).vi}`),
      p(
        `Ngày nhận: ${formatTimeOnReceiptVi(d.received_at)}; hạn giải quyết: ${formatDateVi(d.legal_due_date!)}${d.finished_at ? `; có kết quả: ${formatDateVi(d.finished_at)} (${timeliness(d.finished_at, d.legal_due_date!)})` : ''}`,
      ),
      {
        type: 'table',
        columns: [
          { title: 'TT', width: 6, align: 'center' },
          { title: 'Giao, nhận hồ sơ', width: 34 },
          { title: 'Thời gian giao, nhận', width: 26 },
          { title: 'Kết quả giải quyết', width: 14, align: 'center' },
          { title: 'Ghi chú', width: 20 },
        ],
        rows,
      },
    ],
  };
}

/** Builds the document model of a form for a dossier; INVALID_STATE when the form does not apply to it. */
export async function buildForm(db: DbOrTx, d: DossierRow, form: FormNumber): Promise<DocumentModel> {
  const c = await loadContext(db, d);
  switch (form) {
    case '01':
      return receipt(d, c);
    case '02':
      return supplementForm(d, c);
    case '03':
      return refusal(d, c);
    case '04':
      return apology(d, c);
    case '05':
      return stopNotice(d, c);
    case '06':
      return controlSheet(d, c);
  }
}
