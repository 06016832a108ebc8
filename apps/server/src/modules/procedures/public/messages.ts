import type { DossierStatus } from '@heza/shared';

/** The portal's languages (product.md §7): Vietnamese first. */
export const PORTAL_LANGS = ['vi', 'en', 'zh', 'ko', 'ja'] as const;
/** One of the portal's languages. */
export type PortalLang = (typeof PORTAL_LANGS)[number];

/** The strings of the public tracking page; one entry per language, the same keys in each. */
export interface TrackingMessages {
  htmlLang: string;
  languageName: string;
  title: string;
  intro: string;
  codeLabel: string;
  codeHint: string;
  secretLabel: string;
  secretHint: string;
  submit: string;
  notFound: string;
  rateLimited: string;
  error: string;
  procedure: string;
  status: string;
  receivedAt: string;
  dueAt: string;
  finishedAt: string;
  returnedAt: string;
  overdue: string;
  steps: string;
  stepDone: string;
  stepCurrent: string;
  stepWaiting: string;
  supplementRequested: string;
  downloadReceipt: string;
  authority: string;
  statuses: Record<DossierStatus, string>;
}

/** The message catalogue of the tracking page (moves with the page into the portal layout later). */
export const TRACKING_MESSAGES: Record<PortalLang, TrackingMessages> = {
  vi: {
    htmlLang: 'vi',
    languageName: 'Tiếng Việt',
    title: 'Tra cứu hồ sơ thủ tục hành chính',
    intro: 'Nhập mã hồ sơ và mã tra cứu (4 ký tự) in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    codeLabel: 'Mã hồ sơ',
    codeHint: 'Ví dụ: 000.00.00.Z99-261123-0001',
    secretLabel: 'Mã tra cứu',
    secretHint: '4 ký tự',
    submit: 'Tra cứu',
    notFound: 'Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập. Vui lòng kiểm tra lại.',
    rateLimited: 'Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ít phút.',
    error: 'Đã xảy ra lỗi. Vui lòng thử lại sau.',
    procedure: 'Thủ tục',
    status: 'Tình trạng',
    receivedAt: 'Ngày tiếp nhận',
    dueAt: 'Hẹn trả kết quả',
    finishedAt: 'Ngày có kết quả',
    returnedAt: 'Ngày trả kết quả',
    overdue:
      'Hồ sơ đang quá hạn giải quyết. Cơ quan giải quyết sẽ gửi văn bản xin lỗi và hẹn lại ngày trả kết quả.',
    steps: 'Các bước giải quyết',
    stepDone: 'đã xong',
    stepCurrent: 'đang xử lý',
    stepWaiting: 'chưa đến',
    supplementRequested: 'Nội dung cần bổ sung',
    downloadReceipt: 'Tải Giấy tiếp nhận hồ sơ (PDF)',
    authority: 'Ban Quản lý Khu kinh tế Hải Phòng — Bộ phận Một cửa',
    statuses: {
      submitted: 'Đã nộp, chờ tiếp nhận',
      intake_supplement: 'Cần bổ sung hồ sơ trước khi tiếp nhận',
      rejected: 'Từ chối tiếp nhận',
      received: 'Đã tiếp nhận',
      processing: 'Đang giải quyết',
      appraisal_supplement: 'Chờ bổ sung hồ sơ',
      result_ready: 'Đã có kết quả, chờ trả',
      returned: 'Đã trả kết quả',
      stopped: 'Dừng giải quyết',
      withdrawn: 'Đã rút hồ sơ',
      archived: 'Đã lưu trữ',
    },
  },
  en: {
    htmlLang: 'en',
    languageName: 'English',
    title: 'Track an administrative dossier',
    intro: 'Enter the dossier code and the 4-character lookup key printed on your receipt.',
    codeLabel: 'Dossier code',
    codeHint: 'For example: 000.00.00.Z99-261123-0001',
    secretLabel: 'Lookup key',
    secretHint: '4 characters',
    submit: 'Track',
    notFound: 'No dossier matches this dossier code and lookup key. Please check them and try again.',
    rateLimited: 'Too many lookups. Please try again in a few minutes.',
    error: 'Something went wrong. Please try again later.',
    procedure: 'Procedure',
    status: 'Status',
    receivedAt: 'Received',
    dueAt: 'Appointment for the result',
    finishedAt: 'Result ready',
    returnedAt: 'Result handed over',
    overdue: 'This dossier is past its deadline. The authority will send an apology with a new appointment.',
    steps: 'Processing steps',
    stepDone: 'done',
    stepCurrent: 'in progress',
    stepWaiting: 'not started',
    supplementRequested: 'Documents to supplement',
    downloadReceipt: 'Download the receipt (PDF)',
    authority: 'Hai Phong Economic Zone Authority — one-stop counter',
    statuses: {
      submitted: 'Submitted, awaiting intake',
      intake_supplement: 'Supplement needed before intake',
      rejected: 'Not accepted',
      received: 'Received',
      processing: 'Being processed',
      appraisal_supplement: 'Awaiting your supplement',
      result_ready: 'Result ready for collection',
      returned: 'Result handed over',
      stopped: 'Processing stopped',
      withdrawn: 'Withdrawn',
      archived: 'Archived',
    },
  },
  zh: {
    htmlLang: 'zh',
    languageName: '中文',
    title: '行政手续档案查询',
    intro: '请输入受理回执上打印的档案编号和4位查询码。',
    codeLabel: '档案编号',
    codeHint: '例如：000.00.00.Z99-261123-0001',
    secretLabel: '查询码',
    secretHint: '4位字符',
    submit: '查询',
    notFound: '未找到与该档案编号和查询码相符的档案，请核对后重试。',
    rateLimited: '查询次数过多，请几分钟后再试。',
    error: '系统出错，请稍后再试。',
    procedure: '手续',
    status: '状态',
    receivedAt: '受理日期',
    dueAt: '约定交付结果时间',
    finishedAt: '结果完成日期',
    returnedAt: '结果交付日期',
    overdue: '该档案已超过办理期限。办理机关将发送致歉函并重新约定交付日期。',
    steps: '办理步骤',
    stepDone: '已完成',
    stepCurrent: '办理中',
    stepWaiting: '未开始',
    supplementRequested: '需补充的材料',
    downloadReceipt: '下载受理回执（PDF）',
    authority: '海防经济区管理委员会 — 一站式服务窗口',
    statuses: {
      submitted: '已提交，待受理',
      intake_supplement: '受理前需补充材料',
      rejected: '不予受理',
      received: '已受理',
      processing: '办理中',
      appraisal_supplement: '等待补充材料',
      result_ready: '结果已出，待领取',
      returned: '已交付结果',
      stopped: '已停止办理',
      withdrawn: '已撤回',
      archived: '已归档',
    },
  },
  ko: {
    htmlLang: 'ko',
    languageName: '한국어',
    title: '행정 절차 서류 조회',
    intro: '접수증에 인쇄된 서류 번호와 4자리 조회 코드를 입력하십시오.',
    codeLabel: '서류 번호',
    codeHint: '예: 000.00.00.Z99-261123-0001',
    secretLabel: '조회 코드',
    secretHint: '4자리',
    submit: '조회',
    notFound: '입력한 서류 번호와 조회 코드에 해당하는 서류가 없습니다. 다시 확인해 주십시오.',
    rateLimited: '조회 횟수가 너무 많습니다. 몇 분 후에 다시 시도해 주십시오.',
    error: '오류가 발생했습니다. 잠시 후 다시 시도해 주십시오.',
    procedure: '절차',
    status: '상태',
    receivedAt: '접수일',
    dueAt: '결과 교부 예정일',
    finishedAt: '결과 완료일',
    returnedAt: '결과 교부일',
    overdue: '처리 기한이 지났습니다. 처리 기관이 사과문과 새 교부 일정을 보내드립니다.',
    steps: '처리 단계',
    stepDone: '완료',
    stepCurrent: '처리 중',
    stepWaiting: '대기',
    supplementRequested: '보완이 필요한 서류',
    downloadReceipt: '접수증 다운로드 (PDF)',
    authority: '하이퐁 경제구역 관리위원회 — 원스톱 창구',
    statuses: {
      submitted: '제출됨, 접수 대기',
      intake_supplement: '접수 전 보완 필요',
      rejected: '접수 거부',
      received: '접수됨',
      processing: '처리 중',
      appraisal_supplement: '보완 서류 대기',
      result_ready: '결과 준비됨, 수령 대기',
      returned: '결과 교부됨',
      stopped: '처리 중단',
      withdrawn: '철회됨',
      archived: '보관됨',
    },
  },
  ja: {
    htmlLang: 'ja',
    languageName: '日本語',
    title: '行政手続き書類の照会',
    intro: '受付票に印字された書類番号と4文字の照会コードを入力してください。',
    codeLabel: '書類番号',
    codeHint: '例：000.00.00.Z99-261123-0001',
    secretLabel: '照会コード',
    secretHint: '4文字',
    submit: '照会',
    notFound: '入力された書類番号と照会コードに該当する書類はありません。ご確認のうえ再度お試しください。',
    rateLimited: '照会回数が多すぎます。数分後に再度お試しください。',
    error: 'エラーが発生しました。しばらくしてから再度お試しください。',
    procedure: '手続き',
    status: '状況',
    receivedAt: '受付日',
    dueAt: '結果交付予定',
    finishedAt: '結果完了日',
    returnedAt: '結果交付日',
    overdue: '処理期限を過ぎています。処理機関からお詫び状と新しい交付予定をお送りします。',
    steps: '処理の手順',
    stepDone: '完了',
    stepCurrent: '処理中',
    stepWaiting: '未着手',
    supplementRequested: '補完が必要な書類',
    downloadReceipt: '受付票をダウンロード（PDF）',
    authority: 'ハイフォン経済区管理委員会 — ワンストップ窓口',
    statuses: {
      submitted: '提出済み、受付待ち',
      intake_supplement: '受付前に補完が必要',
      rejected: '受付不可',
      received: '受付済み',
      processing: '処理中',
      appraisal_supplement: '補完書類待ち',
      result_ready: '結果準備済み、受取待ち',
      returned: '結果交付済み',
      stopped: '処理中止',
      withdrawn: '取下げ',
      archived: '保管済み',
    },
  },
};
