/**
 * The spreadsheet formats of the registry: a stable, versioned contract (documented in docs/import-formats.md).
 * Every template and every export has the same layout, so an export can be edited and imported back:
 *
 *   row 1   #HEZA | <entity> | v<version> | <title>          (the template mark)
 *   row 2   column headers "Tên tiếng Việt (key)"; only the key in parentheses matters, in any order
 *   row 3…  one record per row; empty rows are skipped
 *
 * Cells are text: dates 'YYYY-MM-DD' or 'dd/mm/yyyy'; numbers '1234.5' or Vietnamese '1.234,5'; lists separated
 * by ';'. A change that breaks old files gets a new version number; old versions stay readable or are refused
 * with a message naming the supported ones.
 */
import type { ImportEntity } from '@heza/shared/registry';

/** One column of a format. */
export interface Column {
  key: string;
  vi: string;
  en: string;
  required?: boolean;
  example: string;
  note?: string;
}

/** One entity's format at one version. */
export interface Format {
  entity: ImportEntity;
  version: number;
  titleVi: string;
  titleEn: string;
  columns: Column[];
  /** Columns that identify a record: a row whose key exists already is compared, not added again. */
  naturalKey: string[];
}

export const TEMPLATE_MARK = '#HEZA';

const c = (key: string, vi: string, en: string, example: string, extra: Partial<Column> = {}): Column => ({
  key,
  vi,
  en,
  example,
  ...extra,
});
const req = { required: true };

/** The current format of each entity. */
export const FORMATS: Record<ImportEntity, Format> = {
  zones: {
    entity: 'zones',
    version: 1,
    titleVi: 'Danh sách khu kinh tế, khu công nghiệp',
    titleEn: 'Economic zones and industrial parks',
    naturalKey: ['code'],
    columns: [
      c('code', 'Mã khu', 'Zone code', 'kcn-vi-du', {
        note: 'chữ thường, số, gạch nối; để trống = tạo từ tên',
      }),
      c('name_vi', 'Tên khu', 'Name (Vietnamese)', 'KCN Ví dụ', req),
      c('name_en', 'Tên tiếng Anh', 'Name (English)', 'Example Industrial Park'),
      c('kind', 'Loại khu', 'Kind', 'industrial_park', {
        ...req,
        note: 'economic_zone | industrial_park | non_tariff_zone | export_processing_zone',
      }),
      c('parent_code', 'Mã khu kinh tế chứa khu này', 'Parent economic zone code', ''),
      c('model_type', 'Mô hình', 'Model', 'general', {
        note: 'general | eco | high_tech | supporting_industry | specialised',
      }),
      c('developer_tax_code', 'MST chủ đầu tư hạ tầng', 'Developer tax code', ''),
      c('address', 'Địa chỉ', 'Address', 'Hải Phòng'),
      c('longitude', 'Kinh độ', 'Longitude', '106.77'),
      c('latitude', 'Vĩ độ', 'Latitude', '20.84'),
      c('source', 'Nguồn', 'Source', ''),
    ],
  },
  zone_events: {
    entity: 'zone_events',
    version: 1,
    titleVi: 'Sự kiện vòng đời của khu',
    titleEn: 'Zone lifecycle events',
    naturalKey: ['zone_code', 'status', 'event_date'],
    columns: [
      c('zone_code', 'Mã khu', 'Zone code', 'kcn-vi-du', req),
      c('status', 'Trạng thái', 'Status', 'established', {
        ...req,
        note: 'in_master_plan | proposal_received | policy_approved | established | construction | operating | suspended | closed',
      }),
      c('event_date', 'Ngày', 'Date', '2020-01-15', req),
      c('decision_no', 'Số quyết định', 'Decision number', '123/QĐ-TTg'),
      c('decision_date', 'Ngày quyết định', 'Decision date', '2020-01-15'),
      c('decision_issuer', 'Cơ quan ban hành', 'Issued by', 'Thủ tướng Chính phủ'),
      c('note', 'Ghi chú', 'Note', ''),
    ],
  },
  zone_areas: {
    entity: 'zone_areas',
    version: 1,
    titleVi: 'Diện tích các khu theo ngày (ha)',
    titleEn: 'Zone areas by date (ha)',
    naturalKey: ['zone_code', 'as_of'],
    columns: [
      c('zone_code', 'Mã khu', 'Zone code', 'kcn-vi-du', req),
      c('as_of', 'Số liệu tại ngày', 'As of', '2024-09-30', req),
      c('total_area_ha', 'Tổng diện tích (ha)', 'Total area (ha)', '500', req),
      c('industrial_land_ha', 'Đất công nghiệp (ha)', 'Industrial land (ha)', '340'),
      c('leasable_ha', 'Đất có thể cho thuê (ha)', 'Leasable land (ha)', '320'),
      c('leased_ha', 'Đất đã cho thuê (ha)', 'Leased land (ha)', '210'),
      c('source', 'Nguồn', 'Source', ''),
      c('note', 'Ghi chú', 'Note', ''),
    ],
  },
  enterprises: {
    entity: 'enterprises',
    version: 1,
    titleVi: 'Danh sách doanh nghiệp',
    titleEn: 'Enterprises',
    naturalKey: ['tax_code'],
    columns: [
      c('tax_code', 'Mã số thuế', 'Tax code', '0201234567', req),
      c('name_vi', 'Tên doanh nghiệp', 'Name (Vietnamese)', 'Công ty TNHH Ví Dụ', req),
      c('name_en', 'Tên tiếng Anh', 'Name (English)', 'Example Co., Ltd.'),
      c('ownership', 'Loại (FDI / trong nước)', 'Ownership', 'fdi', { ...req, note: 'fdi | domestic' }),
      c('investor_countries', 'Quốc gia nhà đầu tư', 'Investor countries', 'KR;JP', {
        note: 'mã ISO 3166-1, cách nhau bởi ;',
      }),
      c('zone_codes', 'Mã các khu', 'Zone codes', 'kcn-vi-du', { note: 'cách nhau bởi ;' }),
      c('address', 'Địa chỉ', 'Address', ''),
      c('status', 'Tình trạng', 'Status', 'active', { note: 'active | suspended | dissolved' }),
    ],
  },
  projects: {
    entity: 'projects',
    version: 1,
    titleVi: 'Danh sách dự án đầu tư',
    titleEn: 'Investment projects',
    naturalKey: ['project_code'],
    columns: [
      c('project_code', 'Mã số dự án', 'Project code', '2123456789', req),
      c('name_vi', 'Tên dự án', 'Project name (Vietnamese)', 'Dự án sản xuất linh kiện điện tử', req),
      c('name_en', 'Tên tiếng Anh', 'Project name (English)', ''),
      c(
        'enterprise_tax_code',
        'MST tổ chức kinh tế thực hiện dự án',
        'Enterprise tax code',
        '0201234567',
        req,
      ),
      c('zone_code', 'Mã khu', 'Zone code', 'kcn-vi-du', req),
      c('investment_type', 'FDI / DDI', 'Investment type', 'fdi', { ...req, note: 'fdi | ddi' }),
      c('country_code', 'Quốc gia (báo cáo)', 'Reporting country', 'KR'),
      c('investors', 'Nhà đầu tư', 'Investors', 'ABC Co., Ltd. (KR); XYZ Corp. (JP)', {
        note: 'Tên (mã quốc gia); …',
      }),
      c('vsic_code', 'Mã ngành VSIC 2018', 'VSIC 2018 code', '2610', req),
      c('objectives', 'Mục tiêu dự án', 'Objectives', ''),
      c('land_area_ha', 'Diện tích đất (ha)', 'Land area (ha)', '5.2'),
      c('currency', 'Đồng tiền đăng ký', 'Currency', 'USD', { note: 'mặc định USD (FDI) / VND (DDI)' }),
    ],
  },
  ledger: {
    entity: 'ledger',
    version: 1,
    titleVi: 'Sổ giấy chứng nhận đăng ký đầu tư',
    titleEn: 'Certificate ledger',
    naturalKey: ['certificate_no', 'amendment_no'],
    columns: [
      c('project_code', 'Mã số dự án', 'Project code', '2123456789', req),
      c('kind', 'Loại bút toán', 'Kind', 'new', {
        ...req,
        note: 'new | adjustment | share_purchase | termination | transfer_in | transfer_out | correction',
      }),
      c('certificate_no', 'Số giấy chứng nhận / văn bản', 'Certificate number', '2123456789', req),
      c('amendment_no', 'Lần điều chỉnh', 'Amendment', '0', { note: '0 = cấp lần đầu' }),
      c('certificate_date', 'Ngày cấp', 'Certificate date', '2024-03-15', req),
      c('capital_before', 'Vốn trước', 'Capital before', ''),
      c('capital_change', 'Vốn tăng (+) / giảm (−)', 'Capital change', '10000000'),
      c('capital_after', 'Vốn sau', 'Capital after', ''),
      c('change_usd', 'Thay đổi quy ra USD (theo GCN)', 'Change in USD (as stated)', ''),
      c('change_vnd', 'Thay đổi quy ra VND (theo GCN)', 'Change in VND (as stated)', ''),
      c('deal_value', 'Giá trị góp vốn, mua cổ phần', 'Share purchase value', ''),
      c('deal_value_usd', 'Giá trị góp vốn quy USD', 'Share purchase value (USD)', ''),
      c('deal_value_vnd', 'Giá trị góp vốn quy VND', 'Share purchase value (VND)', ''),
      c('corrects_certificate_no', 'Đính chính GCN số', 'Corrects certificate', ''),
      c('corrects_amendment_no', 'Đính chính lần', 'Corrects amendment', ''),
      c('reason', 'Lý do', 'Reason', ''),
      c('note', 'Ghi chú', 'Note', ''),
    ],
  },
  plans: {
    entity: 'plans',
    version: 1,
    titleVi: 'Kế hoạch, chỉ tiêu',
    titleEn: 'Plans and targets',
    naturalKey: ['indicator', 'year_from', 'year_to', 'effective_from'],
    columns: [
      c('indicator', 'Chỉ tiêu', 'Indicator', 'fdi_attracted_usd_m', req),
      c('year_from', 'Từ năm', 'From year', '2025', req),
      c('year_to', 'Đến năm', 'To year', '2025'),
      c('value', 'Giá trị', 'Value', ''),
      c('range_low', 'Từ', 'Range low', '3500'),
      c('range_high', 'Đến', 'Range high', '3800'),
      c('decision_no', 'Số quyết định', 'Decision number', '4868/QĐ-UBND'),
      c('decision_date', 'Ngày quyết định', 'Decision date', '2024-12-30'),
      c('decision_issuer', 'Cơ quan ban hành', 'Issued by', 'UBND thành phố'),
      c('effective_from', 'Áp dụng từ ngày', 'Effective from', '2024-12-30', req),
      c('source', 'Nguồn', 'Source', ''),
      c('note', 'Ghi chú', 'Note', ''),
    ],
  },
  exchange_rates: {
    entity: 'exchange_rates',
    version: 1,
    titleVi: 'Tỷ giá',
    titleEn: 'Exchange rates',
    naturalKey: ['currency', 'kind', 'valid_from'],
    columns: [
      c('currency', 'Ngoại tệ', 'Currency', 'USD', req),
      c('kind', 'Loại', 'Kind', 'yearly_average', { note: 'daily | monthly_average | yearly_average' }),
      c('valid_from', 'Từ ngày', 'Valid from', '2025-01-01', req),
      c('valid_to', 'Đến ngày', 'Valid to', '2025-12-31', req),
      c('vnd_per_unit', 'Số đồng / 1 đơn vị', 'VND per unit', '23400', req),
      c('source', 'Nguồn', 'Source', ''),
      c('decision_no', 'Văn bản', 'Document', ''),
    ],
  },
};

/** The header text of a column: "Tên tiếng Việt (key)". */
export function headerLabel(col: Column): string {
  return `${col.vi} (${col.key})`;
}

/** The first two rows of every file of an entity: the template mark and the headers. */
export function headRows(entity: ImportEntity): string[][] {
  const f = FORMATS[entity];
  return [
    [TEMPLATE_MARK, f.entity, `v${f.version}`, `${f.titleVi} / ${f.titleEn}`],
    f.columns.map(headerLabel),
  ];
}

/** A template: the two head rows and one example row. */
export function templateRows(entity: ImportEntity): string[][] {
  return [...headRows(entity), FORMATS[entity].columns.map((col) => col.example)];
}

/** The column key a header cell names: the text in the last parentheses, or the cell itself. */
export function headerKey(cell: string): string {
  const m = /\(([a-z0-9_]+)\)\s*$/.exec(cell.trim());
  return (m ? m[1]! : cell.trim()).toLowerCase();
}
