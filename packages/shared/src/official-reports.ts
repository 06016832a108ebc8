/**
 * Official reports generated from data (issue 5): report templates as data (header, numbered headings and
 * three kinds of blocks — narrative text, computed sentences, tables), the catalogue of figures a computed
 * sentence may name, the pattern language of computed sentences, the heading numbering of the seeds
 * (A., I., 1., 3.1., a), (1), -, +) and the report workflow. One schema per name for the server, the web
 * forms and OpenAPI; the server computes figures and renders documents (modules/official-reports).
 */
import { z } from 'zod';
import { bilingual } from './i18n-message.ts';
import { PERIOD_TYPES, tryParsePeriod } from './periods.ts';
import { foldVietnamese } from './text.ts';

// ---------------------------------------------------------------------------------------------------------
// Workflow

/** Report statuses: draft → submitted (for review) → approved → issued (numbered, immutable) → published. */
export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'issued', 'published'] as const;
/** One of `REPORT_STATUSES`. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Workflow actions and the statuses each is allowed from; `return` sends a report back to its author. */
export const REPORT_TRANSITIONS = {
  submit: { from: ['draft'], to: 'submitted' },
  return: { from: ['submitted', 'approved'], to: 'draft' },
  approve: { from: ['submitted'], to: 'approved' },
  issue: { from: ['approved'], to: 'issued' },
  publish: { from: ['issued'], to: 'published' },
} as const satisfies Record<string, { from: readonly ReportStatus[]; to: ReportStatus }>;
/** One of the workflow actions. */
export type ReportTransition = keyof typeof REPORT_TRANSITIONS;

/** Whether a report in this status can still be edited (issued and published reports are immutable). */
export function isEditableStatus(status: ReportStatus): boolean {
  return status === 'draft';
}

// ---------------------------------------------------------------------------------------------------------
// Figures a computed sentence can name

/** How a figure is measured; decides its default format and what a hand-typed number must look like to match. */
export const FIGURE_KINDS = ['count', 'money', 'percent', 'persons', 'income', 'area'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/** Display units of figures (the unit the value is expressed in, as printed after it in the sentences). */
export const FIGURE_UNITS = {
  count: { vi: 'dự án', en: 'projects' },
  zones: { vi: 'khu', en: 'zones' },
  usd_m: { vi: 'triệu USD', en: 'million USD' },
  vnd_bn: { vi: 'tỷ đồng', en: 'billion VND' },
  percent: { vi: '%', en: '%' },
  persons: { vi: 'người', en: 'persons' },
  vnd_m_per_person_month: { vi: 'triệu đồng/người/tháng', en: 'million VND per person per month' },
  ha: { vi: 'ha', en: 'ha' },
} as const;
export type FigureUnit = keyof typeof FIGURE_UNITS;

/**
 * Words that tell which quantity a hand-typed number is about (consistency check). Each inner list holds
 * alternatives (accent-folded, lower case); every list must match. `subject` is looked for in the sentence up
 * to the number, `qualifier` next to the number (between the previous number and the next one).
 */
export interface FigureMatch {
  subject: string[][];
  qualifier: string[][];
  exclude?: string[];
}

/** A figure of the catalogue. */
export interface FigureDefinition {
  key: string;
  group: 'fdi' | 'ddi' | 'business' | 'labour' | 'zones';
  labelVi: string;
  labelEn: string;
  kind: FigureKind;
  unit: FigureUnit;
  /** The figure this one compares (a % of plan, a same-period base): its footnotes and records are the base's. */
  base?: string;
  /** Which footnote the figure brings: the plan, the same-period base, the end-of-last-year base, the exchange rate. */
  footnote?: 'plan' | 'samePeriod' | 'lastYearEnd' | 'exchangeRate';
  match: FigureMatch;
}

const FDI: string[][] = [['fdi', 'nuoc ngoai']];
const DDI: string[][] = [['ddi', 'trong nuoc']];

function investment(t: 'fdi' | 'ddi', money: 'usd' | 'vnd'): FigureDefinition[] {
  const subject = t === 'fdi' ? FDI : DDI;
  const unit: FigureUnit = money === 'usd' ? 'usd_m' : 'vnd_bn';
  const who =
    t === 'fdi' ? { vi: 'FDI', en: 'FDI' } : { vi: 'đầu tư trong nước (DDI)', en: 'domestic (DDI)' };
  const m = (qualifier: string[][], exclude?: string[]): FigureMatch => ({ subject, qualifier, exclude });
  const moneyVi = money === 'usd' ? 'triệu USD' : 'tỷ đồng';
  const moneyEn = money === 'usd' ? 'million USD' : 'billion VND';
  const defs: FigureDefinition[] = [
    {
      key: `${t}.new.count`,
      group: t,
      labelVi: `Số dự án ${who.vi} cấp mới`,
      labelEn: `New ${who.en} projects`,
      kind: 'count',
      unit: 'count',
      match: m([['cap moi']]),
    },
    {
      key: `${t}.new.${money}`,
      group: t,
      labelVi: `Vốn ${who.vi} cấp mới (${moneyVi})`,
      labelEn: `New ${who.en} capital (${moneyEn})`,
      kind: 'money',
      unit,
      match: m([['cap moi']]),
    },
    {
      key: `${t}.adjusted.count`,
      group: t,
      labelVi: `Số dự án ${who.vi} điều chỉnh tăng vốn`,
      labelEn: `${who.en} projects with a capital increase`,
      kind: 'count',
      unit: 'count',
      match: m([['dieu chinh', 'tang von']]),
    },
    {
      key: `${t}.adjusted.${money}`,
      group: t,
      labelVi: `Vốn ${who.vi} tăng thêm (${moneyVi})`,
      labelEn: `${who.en} capital increase (${moneyEn})`,
      kind: 'money',
      unit,
      match: m([['dieu chinh', 'tang von', 'tang them']]),
    },
    {
      key: `${t}.sharePurchase.count`,
      group: t,
      labelVi: `Số lượt góp vốn, mua cổ phần ${who.vi}`,
      labelEn: `${who.en} share purchases`,
      kind: 'count',
      unit: 'count',
      match: m([['gop von', 'mua co phan']]),
    },
    {
      key: `${t}.sharePurchase.${money}`,
      group: t,
      labelVi: `Giá trị góp vốn, mua cổ phần ${who.vi} (${moneyVi})`,
      labelEn: `${who.en} share purchase value (${moneyEn})`,
      kind: 'money',
      unit,
      match: m([['gop von', 'mua co phan']]),
    },
    {
      key: `${t}.total.${money}`,
      group: t,
      labelVi: `Tổng vốn ${who.vi} thu hút (${moneyVi})`,
      labelEn: `Total ${who.en} attracted (${moneyEn})`,
      kind: 'money',
      unit,
      match: m([['tong von']], ['luy ke', 'cung ky']),
    },
    {
      key: `${t}.total.planPct`,
      group: t,
      labelVi: `Tổng vốn ${who.vi} thu hút, % kế hoạch năm`,
      labelEn: `Total ${who.en} attracted, % of the annual plan`,
      kind: 'percent',
      unit: 'percent',
      base: `${t}.total.${money}`,
      footnote: 'plan',
      match: m([['ke hoach']]),
    },
    {
      key: `${t}.total.lastYear`,
      group: t,
      labelVi: `Tổng vốn ${who.vi} thu hút cùng kỳ năm trước (${moneyVi})`,
      labelEn: `Total ${who.en} attracted, same period last year (${moneyEn})`,
      kind: 'money',
      unit,
      base: `${t}.total.${money}`,
      footnote: 'samePeriod',
      match: m([['cung ky', 'nam truoc']]),
    },
    {
      key: `${t}.total.lastYearPct`,
      group: t,
      labelVi: `Tổng vốn ${who.vi} thu hút, % so với cùng kỳ`,
      labelEn: `Total ${who.en} attracted, % of the same period last year`,
      kind: 'percent',
      unit: 'percent',
      base: `${t}.total.${money}`,
      footnote: 'samePeriod',
      match: m([['cung ky']]),
    },
    {
      key: `${t}.cumulative.count`,
      group: t,
      labelVi: `Lũy kế dự án ${who.vi} còn hiệu lực`,
      labelEn: `Valid ${who.en} projects (cumulative)`,
      kind: 'count',
      unit: 'count',
      match: m([['luy ke']]),
    },
    {
      key: `${t}.cumulative.${money}`,
      group: t,
      labelVi: `Lũy kế vốn ${who.vi} đăng ký (${moneyVi})`,
      labelEn: `Registered ${who.en} capital (cumulative, ${moneyEn})`,
      kind: 'money',
      unit,
      match: m([['luy ke']]),
    },
  ];
  if (t === 'ddi') {
    defs.push({
      key: 'ddi.total.usd',
      group: 'ddi',
      labelVi: 'Tổng vốn đầu tư trong nước thu hút, quy đổi (triệu USD)',
      labelEn: 'Total domestic investment attracted, converted (million USD)',
      kind: 'money',
      unit: 'usd_m',
      base: 'ddi.total.vnd',
      footnote: 'exchangeRate',
      match: { subject: DDI, qualifier: [['tuong duong', 'quy doi']] },
    });
  }
  return defs;
}

function business(
  code: 'revenue' | 'export' | 'import' | 'budget',
  vi: string,
  en: string,
  words: string[],
): FigureDefinition[] {
  const money = code === 'budget' ? 'vnd' : 'usd';
  const unit: FigureUnit = money === 'usd' ? 'usd_m' : 'vnd_bn';
  const subject = [words];
  const key = `${code}.${money}`;
  return [
    {
      key,
      group: 'business',
      labelVi: vi,
      labelEn: en,
      kind: 'money',
      unit,
      match: { subject, qualifier: [], exclude: ['ke hoach', 'cung ky'] },
    },
    {
      key: `${code}.planPct`,
      group: 'business',
      labelVi: `${vi}, % kế hoạch năm`,
      labelEn: `${en}, % of the annual plan`,
      kind: 'percent',
      unit: 'percent',
      base: key,
      footnote: 'plan',
      match: { subject, qualifier: [['ke hoach']] },
    },
    {
      key: `${code}.lastYear`,
      group: 'business',
      labelVi: `${vi} cùng kỳ năm trước`,
      labelEn: `${en}, same period last year`,
      kind: 'money',
      unit,
      base: key,
      footnote: 'samePeriod',
      match: { subject, qualifier: [['cung ky', 'nam truoc']], exclude: ['%'] },
    },
    {
      key: `${code}.lastYearPct`,
      group: 'business',
      labelVi: `${vi}, % so với cùng kỳ`,
      labelEn: `${en}, % of the same period last year`,
      kind: 'percent',
      unit: 'percent',
      base: key,
      footnote: 'samePeriod',
      match: { subject, qualifier: [['cung ky']] },
    },
  ];
}

function labour(
  part: 'total' | 'vietnamese' | 'foreign',
  vi: string,
  en: string,
  words: string[][],
): FigureDefinition[] {
  const key = `labour.${part}`;
  const subject = [['lao dong'], ...words];
  const exclude = part === 'total' ? ['viet nam', 'nuoc ngoai'] : [];
  return [
    {
      key,
      group: 'labour',
      labelVi: vi,
      labelEn: en,
      kind: 'persons',
      unit: 'persons',
      match: { subject, qualifier: [], exclude: [...exclude, '%'] },
    },
    {
      key: `${key}.lastYearEnd`,
      group: 'labour',
      labelVi: `${vi} cuối năm trước`,
      labelEn: `${en} at the end of last year`,
      kind: 'persons',
      unit: 'persons',
      base: key,
      footnote: 'lastYearEnd',
      match: { subject, qualifier: [['nam truoc', 'cuoi nam']], exclude },
    },
    {
      key: `${key}.changePct`,
      group: 'labour',
      labelVi: `${vi}, % tăng/giảm so với cuối năm trước`,
      labelEn: `${en}, % change on the end of last year`,
      kind: 'percent',
      unit: 'percent',
      base: key,
      match: { subject, qualifier: [['tang', 'giam']], exclude },
    },
  ];
}

/**
 * Every figure a computed sentence or table cell may name, as `{key}`. Registry figures (investment, zones)
 * come from the certificate ledger and the zones' area records; business and labour figures from the
 * enterprises' periodic reports through the analytics engine.
 */
export const FIGURES: readonly FigureDefinition[] = [
  ...investment('fdi', 'usd'),
  ...investment('ddi', 'vnd'),
  ...business('revenue', 'Doanh thu', 'Revenue', ['doanh thu']),
  ...business('export', 'Xuất khẩu', 'Exports', ['xuat khau']),
  ...business('import', 'Nhập khẩu', 'Imports', ['nhap khau']),
  ...business('budget', 'Nộp ngân sách', 'State-budget payments', ['ngan sach']),
  ...labour('total', 'Tổng số lao động', 'Workers', [['tong so', 'tong lao dong', 'lao dong dang lam viec']]),
  ...labour('vietnamese', 'Lao động Việt Nam', 'Vietnamese workers', [['viet nam']]),
  ...labour('foreign', 'Lao động nước ngoài', 'Foreign workers', [['nuoc ngoai']]),
  {
    key: 'income.avg',
    group: 'labour',
    labelVi: 'Thu nhập bình quân (triệu đồng/người/tháng)',
    labelEn: 'Average income (million VND per person per month)',
    kind: 'income',
    unit: 'vnd_m_per_person_month',
    match: { subject: [['thu nhap']], qualifier: [] },
  },
  {
    key: 'zones.established.count',
    group: 'zones',
    labelVi: 'Số khu công nghiệp đã thành lập',
    labelEn: 'Established industrial parks',
    kind: 'count',
    unit: 'zones',
    match: { subject: [['khu cong nghiep', 'kcn']], qualifier: [['thanh lap']], exclude: ['moi'] },
  },
  {
    key: 'zones.established.areaHa',
    group: 'zones',
    labelVi: 'Diện tích các khu công nghiệp đã thành lập (ha)',
    labelEn: 'Area of the established industrial parks (ha)',
    kind: 'area',
    unit: 'ha',
    match: {
      subject: [['khu cong nghiep', 'kcn']],
      qualifier: [['dien tich'], ['thanh lap']],
      exclude: ['moi', 'giai doan'],
    },
  },
  {
    key: 'zones.operating.count',
    group: 'zones',
    labelVi: 'Số khu công nghiệp đang hoạt động',
    labelEn: 'Operating industrial parks',
    kind: 'count',
    unit: 'zones',
    match: { subject: [['khu cong nghiep', 'kcn']], qualifier: [['hoat dong']], exclude: ['moi'] },
  },
  {
    key: 'zones.occupancyPct',
    group: 'zones',
    labelVi: 'Tỷ lệ lấp đầy bình quân các khu công nghiệp đã thành lập (%)',
    labelEn: 'Average occupancy of the established industrial parks (%)',
    kind: 'percent',
    unit: 'percent',
    match: { subject: [['lap day']], qualifier: [] },
  },
];

/** The catalogue by key. */
export const FIGURES_BY_KEY: ReadonlyMap<string, FigureDefinition> = new Map(FIGURES.map((f) => [f.key, f]));

/** Tokens a pattern may use besides figures: facts of the report period. */
export const PERIOD_TOKENS = [
  'period',
  'lastPeriod',
  'year',
  'lastYear',
  'nextYear',
  'month',
  'periodEnd',
] as const;
export type PeriodToken = (typeof PERIOD_TOKENS)[number];

/** Slot functions: `{reach:X}` → "ước đạt"/"đạt" (X includes estimates or not); `{trend:X}` → "tăng 13,5%"/"giảm 2,2%". */
export const SLOT_FUNCTIONS = ['reach', 'trend'] as const;
export type SlotFunction = (typeof SLOT_FUNCTIONS)[number];

// ---------------------------------------------------------------------------------------------------------
// The pattern language

/** A piece of a parsed pattern or narrative text. */
export type PatternToken =
  | { type: 'text'; text: string; bold?: boolean; italic?: boolean }
  | {
      type: 'slot';
      /** the text between the braces, as written */
      raw: string;
      key: string;
      fn?: SlotFunction;
      format?: string;
      bold?: boolean;
      italic?: boolean;
    }
  | { type: 'footnote'; text: string }
  | { type: 'break' };

/** Slot formats: `N` (exactly N decimals), `pad2` (01…09), `abs` (without sign). */
const FORMAT = /^(?:[0-6]|pad2|abs)$/;
const KEY = /^[a-zA-Z][a-zA-Z0-9]*(?:\.[a-zA-Z][a-zA-Z0-9]*)*$/;

/**
 * Parses a pattern or narrative text: `**bold**`, `*italic*`, `[^footnote text]`, `{slot}` (patterns only;
 * `{{` writes a brace), and a line break as `break`. Unclosed markup is text, so any input parses.
 */
export function parseInline(text: string, opts: { slots: boolean }): PatternToken[] {
  const out: PatternToken[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const flush = () => {
    if (buf) out.push({ type: 'text', text: buf, ...(bold && { bold }), ...(italic && { italic }) });
    buf = '';
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '\n') {
      flush();
      out.push({ type: 'break' });
      i++;
    } else if (c === '*' && text[i + 1] === '*' && (bold || text.indexOf('**', i + 2) > 0)) {
      flush();
      bold = !bold;
      i += 2;
    } else if (c === '*' && (italic || text.indexOf('*', i + 1) > 0)) {
      flush();
      italic = !italic;
      i++;
    } else if (c === '[' && text[i + 1] === '^' && text.indexOf(']', i) > 0) {
      const end = text.indexOf(']', i);
      flush();
      const note = text.slice(i + 2, end).trim();
      if (note) out.push({ type: 'footnote', text: note });
      i = end + 1;
    } else if (opts.slots && c === '{' && text[i + 1] === '{') {
      buf += '{';
      i += 2;
    } else if (opts.slots && c === '}' && text[i + 1] === '}') {
      buf += '}';
      i += 2;
    } else if (opts.slots && c === '{' && text.indexOf('}', i) > 0) {
      const end = text.indexOf('}', i);
      flush();
      const raw = text.slice(i + 1, end).trim();
      const parts = raw.split(':').map((p) => p.trim());
      let slot: Extract<PatternToken, { type: 'slot' }>;
      if (parts.length >= 2 && (SLOT_FUNCTIONS as readonly string[]).includes(parts[0]!)) {
        slot = { type: 'slot', raw, key: parts[1] ?? '', fn: parts[0] as SlotFunction, format: parts[2] };
      } else {
        slot = { type: 'slot', raw, key: parts[0] ?? '', format: parts[1] };
      }
      if (slot.format === undefined) delete slot.format;
      if (bold) slot.bold = true;
      if (italic) slot.italic = true;
      out.push(slot);
      i = end + 1;
    } else {
      buf += c;
      i++;
    }
  }
  flush();
  return out;
}

/** A problem with a pattern, naming the slot as written. */
export interface PatternProblem {
  slot: string;
  vi: string;
  en: string;
}

/** Checks the slots of a pattern against the figure catalogue and the period tokens. */
export function checkPattern(
  pattern: string,
  known: ReadonlyMap<string, unknown> = FIGURES_BY_KEY,
): PatternProblem[] {
  const problems: PatternProblem[] = [];
  for (const t of parseInline(pattern, { slots: true })) {
    if (t.type !== 'slot') continue;
    const slot = `{${t.raw}}`;
    if (!KEY.test(t.key)) {
      problems.push({
        slot,
        vi: `Ô ${slot} không đúng cú pháp {tên.số.liệu} hoặc {tên:định dạng}.`,
        en: `Slot ${slot} is not {figure.name} or {name:format}.`,
      });
      continue;
    }
    const isPeriod = (PERIOD_TOKENS as readonly string[]).includes(t.key);
    if (!isPeriod && !known.has(t.key)) {
      problems.push({
        slot,
        vi: `Ô ${slot} ghi số liệu "${t.key}" không có trong danh mục.`,
        en: `Slot ${slot} names "${t.key}", which is not in the figure catalogue.`,
      });
      continue;
    }
    if (isPeriod && (t.fn || t.format)) {
      problems.push({
        slot,
        vi: `Ô ${slot}: thông tin kỳ báo cáo không có định dạng hay hàm.`,
        en: `Slot ${slot}: period facts take no format or function.`,
      });
    }
    if (t.format !== undefined && !FORMAT.test(t.format)) {
      problems.push({
        slot,
        vi: `Ô ${slot}: định dạng "${t.format}" không hợp lệ (0–6, pad2, abs).`,
        en: `Slot ${slot}: unknown format "${t.format}" (0–6, pad2, abs).`,
      });
    }
    if (t.fn === 'trend') {
      const def = FIGURES_BY_KEY.get(t.key);
      if (def && def.kind !== 'percent') {
        problems.push({
          slot,
          vi: `Ô ${slot}: {trend:…} cần một số liệu phần trăm.`,
          en: `Slot ${slot}: {trend:…} needs a percentage figure.`,
        });
      }
    }
  }
  return problems;
}

/** The figure keys a pattern names (period tokens excluded), in order, without repeats. */
export function patternFigures(pattern: string): string[] {
  const keys: string[] = [];
  for (const t of parseInline(pattern, { slots: true })) {
    if (t.type === 'slot' && !(PERIOD_TOKENS as readonly string[]).includes(t.key) && !keys.includes(t.key))
      keys.push(t.key);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------------------
// Templates and report content

/** Heading numbering styles, as in the seeds: A. · I. · 1. · 3.1. · a) · (1) · - · + · none. */
export const NUMBERING_STYLES = [
  'upper_alpha',
  'upper_roman',
  'decimal',
  'decimal_nested',
  'lower_alpha',
  'paren_decimal',
  'dash',
  'plus',
  'none',
] as const;
export type NumberingStyle = (typeof NUMBERING_STYLES)[number];

/** Signing authority (Decree 30/2020, Phụ lục I II.7.b): direct, KT. (deputy for the head), TM., TL., TUQ., Q. */
export const SIGNER_AUTHORITIES = ['direct', 'KT', 'TM', 'TL', 'TUQ', 'Q'] as const;
export type SignerAuthority = (typeof SIGNER_AUTHORITIES)[number];

/** Document types a template produces: a Công văn (V/v under the number, no type name) or a Báo cáo. */
export const DOCUMENT_TYPES = ['cong_van', 'bao_cao'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

const id = z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/, {
  error: bilingual(
    'Mã khối gồm chữ, số, "-" hoặc "_" (tối đa 40).',
    'Block ids are letters, digits, "-" or "_" (40 at most).',
  ),
});
const line = (max: number) => z.string().trim().max(max);

/** A numbered heading; its number is worked out from its position (see `headingNumbers`). */
export const HeadingItem = z.object({
  kind: z.literal('heading'),
  id,
  level: z.number().int().min(1).max(6),
  numbering: z.enum(NUMBERING_STYLES),
  title: z.string().max(2000),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
/** Text written by staff: paragraphs separated by a line break; **bold**, *italic*, [^footnote]. */
export const NarrativeItem = z.object({
  kind: z.literal('narrative'),
  id,
  /** What the paragraph is about (shown in the editor only). */
  label: z.string().max(200).optional(),
  text: z.string().max(100_000),
});
/** A computed sentence: a Vietnamese pattern with {slots} filled from the figures. */
export const ComputedItem = z.object({
  kind: z.literal('computed'),
  id,
  label: z.string().max(200).optional(),
  pattern: z.string().min(1).max(10_000),
});
/** A table whose cells are patterns (text and {slots}). */
export const TableItem = z
  .object({
    kind: z.literal('table'),
    id,
    label: z.string().max(200).optional(),
    caption: z.string().max(1000).optional(),
    /** "Đơn vị: triệu USD", printed right-aligned above the table. */
    unitNote: z.string().max(200).optional(),
    columns: z
      .array(
        z.object({
          title: z.string().max(300),
          width: z.number().min(3).max(100),
          align: z.enum(['left', 'center', 'right']).default('left'),
        }),
      )
      .min(1)
      .max(12),
    rows: z.array(z.array(z.string().max(2000))).max(200),
  })
  .refine((t) => t.rows.every((r) => r.length === t.columns.length), {
    error: bilingual(
      'Mỗi dòng của bảng phải có đủ số cột.',
      'Every table row must have one cell per column.',
    ),
    path: ['rows'],
  });
/** One item of a template body, top to bottom. */
export const BodyItem = z.discriminatedUnion('kind', [HeadingItem, NarrativeItem, ComputedItem, TableItem]);
export type BodyItem = z.infer<typeof BodyItem>;
export type HeadingItem = z.infer<typeof HeadingItem>;
export type NarrativeItem = z.infer<typeof NarrativeItem>;
export type ComputedItem = z.infer<typeof ComputedItem>;
export type TableItem = z.infer<typeof TableItem>;

/** The incoming request a report answers ("Phúc đáp đề nghị của … tại Công văn số … ngày … về việc …"). */
export const IncomingRequest = z.object({
  sender: line(300).min(1),
  documentType: line(100).default('Công văn'),
  number: line(100).min(1),
  date: z.iso.date(),
  about: line(1000).min(1),
});
export type IncomingRequest = z.infer<typeof IncomingRequest>;

/** Header of the document (Decree 30/2020 two-column header, number, subject line, recipients). */
export const ReportHeader = z.object({
  documentType: z.enum(DOCUMENT_TYPES),
  /** Parent agency ("UBND THÀNH PHỐ HẢI PHÒNG"); empty when none. */
  parentAgency: line(200),
  /** The issuing agency ("BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG"); a line break splits it on two lines. */
  issuer: z.string().trim().min(1).max(300),
  /** The outgoing-document register the number is taken from (one sequence per agency per year). */
  sequenceKey: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  /** The code after the number: "Số: 15/BQL-DN&GSĐT". */
  numberCode: z
    .string()
    .trim()
    .regex(/^[\p{Lu}\p{N}&.]+(-[\p{Lu}\p{N}&.]+)*$/u, {
      error: bilingual(
        'Ký hiệu viết hoa, các nhóm nối bằng "-" không có dấu cách (ví dụ BQL-DN&GSĐT).',
        'The code is in capitals, groups joined by "-" without spaces (e.g. BQL-DN&GSĐT).',
      ),
    })
    .max(60),
  /** Place name of the date line ("Hải Phòng"). */
  place: line(100).min(1),
  /** Type name of a Báo cáo ("BÁO CÁO"); unused for a Công văn. */
  typeName: line(100).optional(),
  /** Subject: "V/v …" of a Công văn (without "V/v"), trích yếu of a Báo cáo; a pattern with period tokens. */
  subject: z.string().trim().min(1).max(1000),
  /** Kính gửi: one or more recipients. */
  recipients: z.array(line(300).min(1)).max(20),
  /** The request this report answers, if any. */
  request: IncomingRequest.nullable().default(null),
});
export type ReportHeader = z.infer<typeof ReportHeader>;

/** The end of the document: closing sentence, signer block, distribution list (Nơi nhận). */
export const ReportClosing = z.object({
  /** Closing paragraph(s), e.g. "Trên đây là báo cáo … tổng hợp./." */
  text: z.string().max(5000),
  signer: z.object({
    authority: z.enum(SIGNER_AUTHORITIES),
    /** The head the signer signs for ("TRƯỞNG BAN", "ỦY BAN NHÂN DÂN"); unused when signing directly. */
    onBehalfOf: line(200),
    /** The signer's own title ("PHÓ TRƯỞNG BAN"). */
    title: line(200).min(1),
    name: line(200),
  }),
  /** Nơi nhận, one line each without the leading "- "; the last is "Lưu: VT, …". */
  distribution: z.array(line(300).min(1)).min(1).max(30),
});
export type ReportClosing = z.infer<typeof ReportClosing>;

/** What a template (and each report made from it) contains. */
export const ReportContent = z.object({
  header: ReportHeader,
  body: z.array(BodyItem).max(500),
  closing: ReportClosing,
});
export type ReportContent = z.infer<typeof ReportContent>;
export type ReportContentInput = z.input<typeof ReportContent>;

/** A template as staff create or edit it. */
export const TemplateInput = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, {
    error: bilingual(
      'Mã mẫu gồm chữ thường, số và "-" (ví dụ integration).',
      'A template code is lower-case letters, digits and "-" (e.g. integration).',
    ),
  }),
  nameVi: line(300).min(1),
  nameEn: line(300).min(1),
  descriptionVi: line(2000).nullable().default(null),
  /** Period types a report of this template may cover. */
  periodTypes: z.array(z.enum(PERIOD_TYPES)).min(1),
  content: ReportContent,
});
export type TemplateInput = z.input<typeof TemplateInput>;
export type TemplateData = z.output<typeof TemplateInput>;

/** A period id accepted by reports (2024YTD11, 2025S1, 2024…). */
export const ReportPeriodId = z.string().refine((s) => tryParsePeriod(s) !== undefined, {
  error: bilingual(
    'Kỳ không hợp lệ (ví dụ 2025S1, 2024YTD11, 2024).',
    'Invalid period (e.g. 2025S1, 2024YTD11, 2024).',
  ),
});

/**
 * The numbers of the headings of a body, by item id: "A.", "I.", "3.1.", "(1)"… A heading counts among the
 * headings of its level since the last heading of a higher level; a nested decimal takes the number of the
 * nearest decimal heading above it.
 */
export function headingNumbers(body: readonly BodyItem[]): Map<string, string> {
  const out = new Map<string, string>();
  const counters: number[] = [];
  const decimalPath: (string | null)[] = [];
  for (const item of body) {
    if (item.kind !== 'heading') continue;
    const L = item.level;
    counters.length = L;
    counters[L - 1] = (counters[L - 1] ?? 0) + 1;
    for (let i = 0; i < L - 1; i++) counters[i] ??= 0;
    decimalPath.length = L;
    const n = counters[L - 1]!;
    let label: string;
    switch (item.numbering) {
      case 'upper_alpha':
        label = `${alpha(n).toUpperCase()}.`;
        break;
      case 'upper_roman':
        label = `${roman(n)}.`;
        break;
      case 'decimal':
        label = `${n}.`;
        decimalPath[L - 1] = String(n);
        break;
      case 'decimal_nested': {
        let parent: string | null = null;
        for (let i = L - 2; i >= 0 && parent === null; i--) parent = decimalPath[i] ?? null;
        const text = parent ? `${parent}.${n}` : String(n);
        decimalPath[L - 1] = text;
        label = `${text}.`;
        break;
      }
      case 'lower_alpha':
        label = `${alpha(n)})`;
        break;
      case 'paren_decimal':
        label = `(${n})`;
        break;
      case 'dash':
        label = '-';
        break;
      case 'plus':
        label = '+';
        break;
      case 'none':
        label = '';
        break;
    }
    out.set(item.id, label);
  }
  return out;
}

function alpha(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    x--;
    s = String.fromCharCode(97 + (x % 26)) + s;
    x = Math.floor(x / 26);
  }
  return s;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** Every pattern of a content (computed sentences, table cells, the subject) with where it is. */
export function contentPatterns(content: ReportContent): { field: string; pattern: string }[] {
  const out: { field: string; pattern: string }[] = [
    { field: 'content.header.subject', pattern: content.header.subject },
  ];
  content.body.forEach((item, i) => {
    if (item.kind === 'computed') out.push({ field: `content.body.${i}.pattern`, pattern: item.pattern });
    if (item.kind === 'table') {
      if (item.caption) out.push({ field: `content.body.${i}.caption`, pattern: item.caption });
      if (item.unitNote) out.push({ field: `content.body.${i}.unitNote`, pattern: item.unitNote });
      for (const [j, c] of item.columns.entries()) {
        out.push({ field: `content.body.${i}.columns.${j}.title`, pattern: c.title });
      }
      for (const [r, row] of item.rows.entries()) {
        for (const [c, cell] of row.entries())
          out.push({ field: `content.body.${i}.rows.${r}.${c}`, pattern: cell });
      }
    }
    if (item.kind === 'heading') out.push({ field: `content.body.${i}.title`, pattern: item.title });
  });
  return out;
}

/** The figure keys a whole content prints (what must be computed to compose it), without repeats. */
export function contentFigures(content: ReportContent): string[] {
  const keys = new Set<string>();
  for (const { pattern } of contentPatterns(content)) for (const k of patternFigures(pattern)) keys.add(k);
  return [...keys];
}

/** The slot problems of a whole content, each with its field path (empty when every slot is known). */
export function checkContent(
  content: ReportContent,
): { field: string; slot: string; vi: string; en: string }[] {
  const problems: { field: string; slot: string; vi: string; en: string }[] = [];
  for (const { field, pattern } of contentPatterns(content)) {
    for (const p of checkPattern(pattern)) problems.push({ field, ...p });
  }
  const ids = new Set<string>();
  content.body.forEach((item, i) => {
    if (ids.has(item.id)) {
      problems.push({
        field: `content.body.${i}.id`,
        slot: '',
        vi: `Mã khối "${item.id}" bị trùng.`,
        en: `Block id "${item.id}" is used twice.`,
      });
    }
    ids.add(item.id);
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Views

/** A computed figure as the API shows it. */
export const FigureView = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(FIGURE_KINDS),
  unit: z.string(),
  /** Exact value in the display unit (millions of USD…), null when missing. */
  value: z.string().nullable(),
  /** As printed with the default format ("2.869", "143,5"). */
  display: z.string().nullable(),
  estimate: z.boolean(),
  /** Why the value is missing or what it includes (estimates, the plan used…). */
  notes: z.array(z.string()),
});
export type FigureView = z.infer<typeof FigureView>;

/** A figure whose value differs between two computations (the reviewer's "changed since the draft"). */
export const FigureChange = z.object({
  key: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type FigureChange = z.infer<typeof FigureChange>;

/** A hand-typed number that contradicts a computed figure. */
export const ConsistencyFinding = z.object({
  itemId: z.string(),
  paragraph: z.number().int(),
  /** The number as typed, with its unit ("12.000 tỷ đồng"). */
  typed: z.string(),
  /** The sentence around it. */
  excerpt: z.string(),
  figure: z.string(),
  figureLabel: z.string(),
  /** The computed value, formatted like the typed one. */
  computed: z.string(),
});
export type ConsistencyFinding = z.infer<typeof ConsistencyFinding>;

/** Folds text for keyword matching (lower case, no accents, đ → d). */
export function foldForMatch(s: string): string {
  return foldVietnamese(s).toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------
// API inputs and views

/** Creates a report from a template for a period; narrative text is carried forward from the last report. */
export const CreateReportInput = z.object({
  templateCode: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  periodId: ReportPeriodId,
  /** Figures as known at this date (e.g. the day the report is compiled); null = as known now. */
  dataAsOf: z.iso.date().nullable().default(null),
  /** An issued report this one corrects (its content is copied). */
  correctsReportId: z.uuid().optional(),
});
export type CreateReportInput = z.input<typeof CreateReportInput>;

/** Edits a draft: its content and/or its data date, naming the version edited. */
export const UpdateReportInput = z.object({
  version: z.number().int().min(1),
  content: ReportContent.optional(),
  dataAsOf: z.iso.date().nullable().optional(),
});
export type UpdateReportInput = z.input<typeof UpdateReportInput>;

/** A workflow step, naming the version acted on. */
export const WorkflowInput = z.object({
  version: z.number().int().min(1),
  /** Required to return a report to its author. */
  comment: z.string().trim().max(2000).optional(),
  /** Issue: the date printed and registered (default today; never in the future). */
  issuedDate: z.iso.date().optional(),
  /** Issue: the issuer has seen the consistency findings and issues anyway. */
  acknowledgeConsistency: z.boolean().optional(),
});
export type WorkflowInput = z.input<typeof WorkflowInput>;

/** Edits a template, naming the version edited. */
export const UpdateTemplateInput = TemplateInput.omit({ code: true }).extend({
  version: z.number().int().min(1),
  active: z.boolean().optional(),
});
export type UpdateTemplateInput = z.input<typeof UpdateTemplateInput>;

/** A template in a list. */
export const TemplateSummaryView = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  descriptionVi: z.string().nullable(),
  periodTypes: z.array(z.string()),
  version: z.number().int(),
  isSystem: z.boolean(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type TemplateSummaryView = z.infer<typeof TemplateSummaryView>;

/** A template with its content. */
export const TemplateView = TemplateSummaryView.extend({ content: ReportContent });
export type TemplateView = z.infer<typeof TemplateView>;

/** A report in a list. */
export const ReportSummaryView = z.object({
  id: z.string(),
  templateCode: z.string(),
  templateName: z.string(),
  periodId: z.string(),
  periodLabel: z.string(),
  dataAsOf: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  title: z.string(),
  numberText: z.string().nullable(),
  issuedDate: z.string().nullable(),
  version: z.number().int(),
  correctsReportId: z.string().nullable(),
  updatedAt: z.string(),
});
export type ReportSummaryView = z.infer<typeof ReportSummaryView>;

const Stamp = z.object({ at: z.string(), by: z.string().nullable() }).nullable();

/** A report with its content and workflow stamps. */
export const ReportView = ReportSummaryView.extend({
  content: ReportContent,
  templateVersion: z.number().int(),
  submitted: Stamp,
  approved: Stamp,
  returned: Stamp,
  issued: Stamp,
  published: Stamp,
  reviewComment: z.string().nullable(),
  docxSha256: z.string().nullable(),
  /** Actions the current user may take now. */
  allowedActions: z.array(z.enum(['edit', 'submit', 'return', 'approve', 'issue', 'publish', 'correct'])),
});
export type ReportView = z.infer<typeof ReportView>;

/** The figures of a report: live for a draft, frozen once issued; what is missing; what changed since the draft. */
export const ReportFiguresView = z.object({
  frozen: z.boolean(),
  knownAt: z.string(),
  computedAt: z.string(),
  /** Figures the report prints, in order of first use. */
  used: z.array(z.string()),
  figures: z.array(FigureView),
  missing: z.array(z.object({ key: z.string(), label: z.string(), itemId: z.string() })),
  /** Figures whose printed value changed since the draft was submitted (for the reviewer). */
  changedSinceDraft: z.array(FigureChange).nullable(),
});
export type ReportFiguresView = z.infer<typeof ReportFiguresView>;

/** The HTML preview of a report (a fragment with its CSS), with what is missing. */
export const ReportPreviewView = z.object({
  html: z.string(),
  css: z.string(),
  missing: z.array(z.object({ key: z.string(), label: z.string(), itemId: z.string() })),
  footnotes: z.number().int(),
});
export type ReportPreviewView = z.infer<typeof ReportPreviewView>;

/** The consistency findings of a report. */
export const ConsistencyView = z.object({ findings: z.array(ConsistencyFinding) });

/** One record behind a figure. */
export const TraceRecord = z.object({
  kind: z.enum(['certificate', 'project', 'report_value', 'zone', 'plan']),
  id: z.string(),
  /** Where the record opens in the app (a route of the web app), when it has a page. */
  href: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
  date: z.string().nullable(),
  /** The record's contribution in the figure's unit, exact. */
  amount: z.string().nullable(),
  estimate: z.boolean(),
});
export type TraceRecord = z.infer<typeof TraceRecord>;

/** The records behind a figure (within the reader's jurisdiction). */
export const TraceView = z.object({
  figure: FigureView,
  explanation: z.string(),
  records: z.array(TraceRecord),
  total: z.number().int(),
  /** Records outside the reader's jurisdiction, counted but not listed. */
  hidden: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TraceView = z.infer<typeof TraceView>;
