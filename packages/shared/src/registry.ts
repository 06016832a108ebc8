/**
 * The registry's shapes (zones, enterprises, investment projects and their certificate ledger, plans, exchange
 * rates, derived figures): one schema per name, used by the server's validation, the web forms and OpenAPI.
 * Money travels as exact decimal strings ("2226.20"), never floats; dates as 'YYYY-MM-DD'.
 */
import { z } from 'zod';
import { bilingual } from './i18n-message.ts';
import { parseTaxCode } from './tax-code.ts';

// ---------------------------------------------------------------------------------------------------
// Vocabularies

/** Kinds of zone (Decree 35/2022): khu kinh tế, khu công nghiệp, khu phi thuế quan, khu chế xuất. */
export const ZONE_KINDS = [
  'economic_zone',
  'industrial_park',
  'non_tariff_zone',
  'export_processing_zone',
] as const;
/** Park models (Decree 35/2022 Art. 2): general, eco, high-tech, supporting-industry, specialised. */
export const ZONE_MODEL_TYPES = [
  'general',
  'eco',
  'high_tech',
  'supporting_industry',
  'specialised',
] as const;
/**
 * Lifecycle statuses in their usual order: in the master plan → investment proposal received → investment
 * policy approved → established → construction → operating; suspended and closed may follow.
 */
export const ZONE_STATUSES = [
  'in_master_plan',
  'proposal_received',
  'policy_approved',
  'established',
  'construction',
  'operating',
  'suspended',
  'closed',
] as const;
/** Statuses at which a zone counts as established (decision issued, not closed). */
export const ESTABLISHED_STATUSES = ['established', 'construction', 'operating', 'suspended'] as const;
/** Kinds of nearby infrastructure a zone lists with its distance. */
export const INFRASTRUCTURE_KINDS = [
  'port',
  'airport',
  'highway',
  'railway',
  'city_centre',
  'other',
] as const;
/** Whether an enterprise has foreign investors (FDI) or not. */
export const OWNERSHIPS = ['fdi', 'domestic'] as const;
/** Enterprise statuses. */
export const ENTERPRISE_STATUSES = ['active', 'suspended', 'dissolved'] as const;
/** FDI (foreign) or DDI (domestic) investment project. */
export const INVESTMENT_TYPES = ['fdi', 'ddi'] as const;
/**
 * Certificate ledger entry kinds: new registration, capital adjustment, capital contribution / share purchase,
 * termination, entering or leaving the authority's management (zone boundary change, transfer between
 * authorities), and a correction of an earlier entry.
 */
export const LEDGER_KINDS = [
  'new',
  'adjustment',
  'share_purchase',
  'termination',
  'transfer_in',
  'transfer_out',
  'correction',
] as const;
/** Kinds of exchange rate, from the most to the least specific. */
export const EXCHANGE_RATE_KINDS = ['daily', 'monthly_average', 'yearly_average'] as const;
/** Plan indicators the registry knows, with their unit. */
export const PLAN_INDICATORS = {
  fdi_attracted_usd_m: 'usd_m',
  ddi_attracted_vnd_bn: 'vnd_bn',
  revenue_usd_m: 'usd_m',
  export_usd_m: 'usd_m',
  import_usd_m: 'usd_m',
  budget_vnd_bn: 'vnd_bn',
} as const;
/** One of the known plan indicators. */
export type PlanIndicator = keyof typeof PLAN_INDICATORS;
/** Dimensions the derived investment figures can be grouped by. */
export const STATS_GROUP_BY = ['none', 'zone', 'country', 'sector', 'type'] as const;

/** Kind of zone. */
export const ZoneKind = z.enum(ZONE_KINDS);
export type ZoneKind = z.infer<typeof ZoneKind>;
/** Model of an industrial park. */
export const ZoneModelType = z.enum(ZONE_MODEL_TYPES);
export type ZoneModelType = z.infer<typeof ZoneModelType>;
/** Lifecycle status of a zone. */
export const ZoneStatus = z.enum(ZONE_STATUSES);
export type ZoneStatus = z.infer<typeof ZoneStatus>;
/** FDI or domestic enterprise. */
export const Ownership = z.enum(OWNERSHIPS);
export type Ownership = z.infer<typeof Ownership>;
/** Status of an enterprise. */
export const EnterpriseStatus = z.enum(ENTERPRISE_STATUSES);
export type EnterpriseStatus = z.infer<typeof EnterpriseStatus>;
/** FDI or DDI project. */
export const InvestmentType = z.enum(INVESTMENT_TYPES);
export type InvestmentType = z.infer<typeof InvestmentType>;
/** Kind of certificate ledger entry. */
export const LedgerKind = z.enum(LEDGER_KINDS);
export type LedgerKind = z.infer<typeof LedgerKind>;
/** Dimension of derived figures. */
export const StatsGroupBy = z.enum(STATS_GROUP_BY);
export type StatsGroupBy = z.infer<typeof StatsGroupBy>;

// ---------------------------------------------------------------------------------------------------
// Building blocks

/** Returns the ISO date 'YYYY-MM-DD' of today in Vietnam (UTC+7, no daylight saving). */
export function todayVn(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A calendar date 'YYYY-MM-DD' that exists. */
export const IsoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    error: bilingual('Ngày phải có dạng YYYY-MM-DD.', 'The date must be written YYYY-MM-DD.'),
  })
  .refine(isRealDate, { error: bilingual('Ngày không tồn tại.', 'This date does not exist.') });

const DECIMAL = /^-?\d{1,18}(\.\d{1,6})?$/;

/** Normalises a decimal given as a number or a string ("1234.5") to a canonical string without exponent. */
function decimalText(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v.toFixed(6).replace(/\.?0+$/, '') : String(v);
  return typeof v === 'string' ? v.trim() : v;
}

/** An exact decimal (money, areas), given as a string or a number; read back as a string. */
export const Decimal = z.preprocess(
  decimalText,
  z.string().regex(DECIMAL, {
    error: bilingual('Phải là một số (dấu chấm thập phân).', 'Must be a number (decimal point).'),
  }),
);

/** A decimal that may not be negative (areas, capital). */
export const NonNegativeDecimal = Decimal.refine((s) => !s.startsWith('-'), {
  error: bilingual('Không được là số âm.', 'Must not be negative.'),
});

const EXCLUDED_REGIONS = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO']);
let regionNames: Intl.DisplayNames | undefined;

/** Whether a string is an ISO 3166-1 alpha-2 country code that ICU knows (e.g. 'KR', 'JP', 'VN'). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || EXCLUDED_REGIONS.has(code)) return false;
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
  try {
    return regionNames.of(code) !== code;
  } catch {
    return false;
  }
}

/** Name of a country in a language ('vi' → "Hàn Quốc"); the code itself when unknown. */
export function countryName(code: string, lang: 'vi' | 'en'): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** An ISO 3166-1 alpha-2 country code, upper-cased. */
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, {
    error: bilingual(
      'Mã quốc gia không hợp lệ (ISO 3166-1, ví dụ KR, JP).',
      'Unknown country code (ISO 3166-1, e.g. KR, JP).',
    ),
  });

/** A currency code (ISO 4217, three capital letters). */
export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, {
    error: bilingual('Mã tiền tệ gồm 3 chữ cái (USD, VND…).', 'A currency is 3 letters (USD, VND…).'),
  });

/** A VSIC 2018 code: a section letter, or 2 to 5 digits. Whether it exists is checked against the shipped list. */
export const VsicCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([A-U]|\d{2,5})$/, {
    error: bilingual('Mã ngành VSIC không hợp lệ.', 'Not a VSIC code.'),
  });

/** An enterprise tax code, normalised ("0200000001", "0200000001-001"). */
export const TaxCode = z.string().transform((s, ctx) => {
  const r = parseTaxCode(s);
  if (r.ok) return r.value;
  ctx.addIssue({
    code: 'custom',
    message: bilingual(
      'Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch và 3 chữ số với chi nhánh.',
      'A tax code has 10 digits, or 10 digits, a hyphen and 3 digits for a branch.',
    ),
  });
  return z.NEVER;
});

const Text = (max: number) => z.string().trim().max(max);
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));
const Name = z
  .string()
  .trim()
  .min(1, { error: bilingual('Vui lòng nhập tên.', 'Please enter the name.') })
  .max(500);

/** A person to contact. */
export const Contact = z.object({
  name: Text(200).min(1),
  role: OptionalText(200),
  phone: OptionalText(50),
  email: OptionalText(254),
});
export type Contact = z.infer<typeof Contact>;

/** A piece of nearby infrastructure and its distance. */
export const Infrastructure = z.object({
  kind: z.enum(INFRASTRUCTURE_KINDS),
  name: Text(200).min(1),
  distanceKm: z.number().min(0).max(10_000).nullable().optional(),
});
export type Infrastructure = z.infer<typeof Infrastructure>;

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const Ring = z.array(Position).min(4);
/** A zone's location: a GeoJSON Point, Polygon or MultiPolygon in WGS 84 (longitude, latitude). */
export const Geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: Position }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);
export type Geometry = z.infer<typeof Geometry>;

/** Page number and size of a list. */
const ListPaging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

const SortDir = z.enum(['asc', 'desc']).default('asc');

// ---------------------------------------------------------------------------------------------------
// Zones

/** Input to create a zone. `code` defaults to a slug of the Vietnamese name. */
export const ZoneInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
      error: bilingual(
        'Mã khu chỉ gồm chữ thường, số và dấu gạch.',
        'A zone code has lower-case letters, digits and hyphens.',
      ),
    })
    .max(100)
    .optional(),
  nameVi: Name,
  nameEn: OptionalText(500),
  kind: ZoneKind,
  parentId: z.uuid().nullish(),
  modelType: ZoneModelType.default('general'),
  developerId: z.uuid().nullish(),
  location: Geometry.nullish(),
  address: OptionalText(500),
  infrastructure: z.array(Infrastructure).max(50).default([]),
  contacts: z.array(Contact).max(50).default([]),
  descriptionVi: OptionalText(5000),
  descriptionEn: OptionalText(5000),
  source: OptionalText(500),
});
export type ZoneInput = z.input<typeof ZoneInput>;

/** Input to change a zone's profile (lifecycle and areas have their own dated records). */
export const ZoneUpdateInput = ZoneInput.omit({ code: true })
  .partial()
  .extend({
    infrastructure: z.array(Infrastructure).max(50).optional(),
    contacts: z.array(Contact).max(50).optional(),
    modelType: ZoneModelType.optional(),
  });
export type ZoneUpdateInput = z.input<typeof ZoneUpdateInput>;

/** A lifecycle event with the document that decided it. */
export const ZoneEventInput = z.object({
  status: ZoneStatus,
  eventDate: IsoDate,
  decisionNo: OptionalText(100),
  decisionDate: IsoDate.nullish(),
  decisionIssuer: OptionalText(200),
  note: OptionalText(2000),
});
export type ZoneEventInput = z.input<typeof ZoneEventInput>;

/** Voiding a wrong event keeps it in the history with the reason. */
export const VoidInput = z.object({
  reason: z
    .string()
    .trim()
    .min(3, { error: bilingual('Vui lòng ghi lý do.', 'Please give the reason.') })
    .max(1000),
});
export type VoidInput = z.infer<typeof VoidInput>;

/** Dated areas of a zone, in hectares; occupancy = leased ÷ leasable. */
export const ZoneAreaInput = z
  .object({
    asOf: IsoDate,
    totalAreaHa: NonNegativeDecimal,
    industrialLandHa: NonNegativeDecimal.nullish(),
    leasableHa: NonNegativeDecimal.nullish(),
    leasedHa: NonNegativeDecimal.nullish(),
    source: OptionalText(500),
    note: OptionalText(2000),
  })
  .superRefine((v, ctx) => {
    const n = (s: string | null | undefined) => (s === null || s === undefined ? undefined : Number(s));
    const total = n(v.totalAreaHa);
    const industrial = n(v.industrialLandHa);
    const leasable = n(v.leasableHa);
    const leased = n(v.leasedHa);
    const issue = (path: string, vi: string, en: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message: bilingual(vi, en) });
    if (industrial !== undefined && total !== undefined && industrial > total)
      issue(
        'industrialLandHa',
        'Đất công nghiệp lớn hơn tổng diện tích.',
        'Industrial land exceeds the total area.',
      );
    if (leasable !== undefined && industrial !== undefined && leasable > industrial)
      issue(
        'leasableHa',
        'Đất có thể cho thuê lớn hơn đất công nghiệp.',
        'Leasable land exceeds the industrial land.',
      );
    if (leasable !== undefined && total !== undefined && leasable > total)
      issue(
        'leasableHa',
        'Đất có thể cho thuê lớn hơn tổng diện tích.',
        'Leasable land exceeds the total area.',
      );
    if (leased !== undefined && leasable === undefined)
      issue(
        'leasableHa',
        'Cần diện tích có thể cho thuê khi có diện tích đã cho thuê.',
        'Leasable land is needed with leased land.',
      );
    if (leased !== undefined && leasable !== undefined && leased > leasable)
      issue(
        'leasedHa',
        'Diện tích đã cho thuê lớn hơn diện tích có thể cho thuê.',
        'Leased land exceeds the leasable land.',
      );
  });
export type ZoneAreaInput = z.input<typeof ZoneAreaInput>;

/** A lifecycle event as the API presents it. */
export const ZoneEventView = z.object({
  id: z.string(),
  status: ZoneStatus,
  eventDate: z.string(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  decisionIssuer: z.string().nullable(),
  note: z.string().nullable(),
  isDemo: z.boolean(),
  recordedAt: z.string(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
});
export type ZoneEventView = z.infer<typeof ZoneEventView>;

/** A dated area record with its occupancy. */
export const ZoneAreaView = z.object({
  id: z.string(),
  asOf: z.string(),
  totalAreaHa: z.string(),
  industrialLandHa: z.string().nullable(),
  leasableHa: z.string().nullable(),
  leasedHa: z.string().nullable(),
  /** leased ÷ leasable × 100, 2 decimals; null when either is unknown or leasable is 0. */
  occupancyPct: z.number().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  isDemo: z.boolean(),
  recordedAt: z.string(),
});
export type ZoneAreaView = z.infer<typeof ZoneAreaView>;

const Ref = z.object({ id: z.string(), name: z.string() });

/** A zone in lists: profile plus the status and areas in force on the `asOf` date (today by default). */
export const ZoneView = z.object({
  id: z.string(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  kind: ZoneKind,
  parent: Ref.nullable(),
  modelType: ZoneModelType,
  developer: Ref.nullable(),
  location: Geometry.nullable(),
  address: z.string().nullable(),
  infrastructure: z.array(Infrastructure),
  contacts: z.array(Contact),
  descriptionVi: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  source: z.string().nullable(),
  isDemo: z.boolean(),
  asOf: z.string(),
  status: ZoneStatus.nullable(),
  statusSince: z.string().nullable(),
  area: ZoneAreaView.nullable(),
});
export type ZoneView = z.infer<typeof ZoneView>;

/** A zone with its whole lifecycle timeline and area history. */
export const ZoneDetail = ZoneView.extend({
  events: z.array(ZoneEventView),
  areas: z.array(ZoneAreaView),
  children: z.array(Ref),
  projectCount: z.number().int(),
});
export type ZoneDetail = z.infer<typeof ZoneDetail>;

export const ZONE_SORTS = ['name', 'code', 'kind', 'status', 'totalArea', 'occupancy'] as const;

export const ZoneListQuery = ListPaging.extend({
  q: z.string().trim().max(200).optional(),
  kind: ZoneKind.optional(),
  parentId: z.uuid().optional(),
  status: ZoneStatus.optional(),
  asOf: IsoDate.optional(),
  sort: z.enum(ZONE_SORTS).default('name'),
  dir: SortDir,
});
export type ZoneListQuery = z.input<typeof ZoneListQuery>;

/** Counts and occupancy of industrial parks as of a date, derived from events and dated areas. */
export const ZonesSummary = z.object({
  asOf: z.string(),
  kind: ZoneKind,
  byStatus: z.record(z.string(), z.number().int()),
  established: z.object({
    count: z.number().int(),
    totalAreaHa: z.string(),
    industrialLandHa: z.string(),
    leasableHa: z.string(),
    leasedHa: z.string(),
    /** Σ leased ÷ Σ leasable (area-weighted). */
    occupancyPct: z.number().nullable(),
    /** The plain mean of each park's occupancy. */
    meanOccupancyPct: z.number().nullable(),
  }),
  operating: z.object({
    count: z.number().int(),
    totalAreaHa: z.string(),
    industrialLandHa: z.string(),
    leasableHa: z.string(),
    leasedHa: z.string(),
    occupancyPct: z.number().nullable(),
    meanOccupancyPct: z.number().nullable(),
  }),
  zonesWithoutArea: z.array(Ref),
});
export type ZonesSummary = z.infer<typeof ZonesSummary>;

// ---------------------------------------------------------------------------------------------------
// Enterprises

/** Input to register an enterprise (tax code normalised, countries upper-cased). */
export const EnterpriseInput = z.object({
  taxCode: TaxCode,
  nameVi: Name,
  nameEn: OptionalText(500),
  ownership: Ownership,
  investorCountries: z.array(CountryCode).max(50).default([]),
  zoneIds: z.array(z.uuid()).max(100).default([]),
  address: OptionalText(500),
  contacts: z.array(Contact).max(50).default([]),
  status: EnterpriseStatus.default('active'),
});
export type EnterpriseInput = z.input<typeof EnterpriseInput>;

/** Input to change an enterprise's profile; the tax code is its identity and does not change. */
export const EnterpriseUpdateInput = EnterpriseInput.omit({ taxCode: true })
  .partial()
  .extend({
    investorCountries: z.array(CountryCode).max(50).optional(),
    zoneIds: z.array(z.uuid()).max(100).optional(),
    contacts: z.array(Contact).max(50).optional(),
    status: EnterpriseStatus.optional(),
  });
export type EnterpriseUpdateInput = z.input<typeof EnterpriseUpdateInput>;

/** An enterprise profile as the API presents it. */
export const EnterpriseView = z.object({
  id: z.string(),
  taxCode: z.string(),
  isBranch: z.boolean(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  ownership: Ownership,
  investorCountries: z.array(z.string()),
  zones: z.array(Ref),
  address: z.string().nullable(),
  contacts: z.array(Contact),
  status: EnterpriseStatus,
  isDemo: z.boolean(),
  projectCount: z.number().int(),
});
export type EnterpriseView = z.infer<typeof EnterpriseView>;

export const ENTERPRISE_SORTS = ['name', 'taxCode', 'createdAt'] as const;

export const EnterpriseListQuery = ListPaging.extend({
  q: z.string().trim().max(200).optional(),
  ownership: Ownership.optional(),
  zoneId: z.uuid().optional(),
  country: CountryCode.optional(),
  status: EnterpriseStatus.optional(),
  sort: z.enum(ENTERPRISE_SORTS).default('name'),
  dir: SortDir,
});
export type EnterpriseListQuery = z.input<typeof EnterpriseListQuery>;

// ---------------------------------------------------------------------------------------------------
// Projects and the certificate ledger

/** An investor of a project and its nationality. */
export const Investor = z.object({
  name: Text(500).min(1),
  country: CountryCode,
  kind: z.enum(['organisation', 'individual']).default('organisation'),
});
export type Investor = z.infer<typeof Investor>;

/** One certificate event to append to a project's ledger. Give the change or the after value (or both). */
export const LedgerEntryInput = z.object({
  kind: LedgerKind,
  certificateNo: z
    .string()
    .trim()
    .min(1, { error: bilingual('Vui lòng nhập số giấy chứng nhận.', 'Please enter the certificate number.') })
    .max(100),
  amendmentNo: z.coerce.number().int().min(0).max(999).default(0),
  certificateDate: IsoDate,
  /** Capital before, in the project's currency; defaults to the ledger's current capital and must equal it. */
  capitalBefore: NonNegativeDecimal.nullish(),
  capitalChange: Decimal.nullish(),
  capitalAfter: NonNegativeDecimal.nullish(),
  /** USD and VND of the change as stated on the certificate; otherwise converted with the dated rate. */
  changeUsd: Decimal.nullish(),
  changeVnd: Decimal.nullish(),
  /** Value of a capital contribution / share purchase (share_purchase only). */
  dealValue: NonNegativeDecimal.nullish(),
  dealValueUsd: NonNegativeDecimal.nullish(),
  dealValueVnd: NonNegativeDecimal.nullish(),
  correctsEntryId: z.uuid().nullish(),
  reason: OptionalText(2000),
  note: OptionalText(2000),
});
export type LedgerEntryInput = z.input<typeof LedgerEntryInput>;

/** Input to register an investment project, optionally with its first ledger entry. */
export const ProjectInput = z.object({
  projectCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9./_-]{0,59}$/, {
      error: bilingual(
        'Mã số dự án gồm chữ, số và các dấu . / _ - (tối đa 60 ký tự).',
        'A project code has letters, digits and . / _ - (60 characters at most).',
      ),
    }),
  nameVi: Name,
  nameEn: OptionalText(500),
  enterpriseId: z.uuid(),
  zoneId: z.uuid(),
  investmentType: InvestmentType,
  /** Country the figures are reported under; defaults to the first investor's, or VN for DDI. */
  countryCode: CountryCode.nullish(),
  investors: z.array(Investor).max(50).default([]),
  vsicCode: VsicCode,
  objectives: OptionalText(5000),
  landAreaHa: NonNegativeDecimal.nullish(),
  /** Currency of the certificates; defaults to USD for FDI and VND for DDI. */
  currency: CurrencyCode.nullish(),
  /** The first ledger entry (usually the new registration), written in the same transaction. */
  firstEntry: LedgerEntryInput.nullish(),
});
export type ProjectInput = z.input<typeof ProjectInput>;

/** Input to change a project's profile. Capital changes go through the ledger, never here. */
export const ProjectUpdateInput = z.object({
  nameVi: Name.optional(),
  nameEn: OptionalText(500).optional(),
  zoneId: z.uuid().optional(),
  countryCode: CountryCode.optional(),
  investors: z.array(Investor).max(50).optional(),
  vsicCode: VsicCode.optional(),
  objectives: OptionalText(5000).optional(),
  landAreaHa: NonNegativeDecimal.nullish(),
});
export type ProjectUpdateInput = z.input<typeof ProjectUpdateInput>;

/** An amount in both currencies (exact decimal strings). */
export const Money = z.object({ usd: z.string(), vnd: z.string() });
export type Money = z.infer<typeof Money>;

/** One certificate ledger entry as the API presents it. */
export const LedgerEntryView = z.object({
  id: z.string(),
  projectId: z.string(),
  projectCode: z.string(),
  seq: z.number().int(),
  kind: LedgerKind,
  countsAs: LedgerKind,
  certificateNo: z.string(),
  amendmentNo: z.number().int(),
  certificateDate: z.string(),
  effectiveDate: z.string(),
  correctsEntryId: z.string().nullable(),
  currency: z.string(),
  capitalBefore: z.string(),
  capitalChange: z.string(),
  capitalAfter: z.string(),
  change: Money,
  after: Money,
  dealValue: z.string().nullable(),
  deal: Money.nullable(),
  fxSource: z.enum(['certificate', 'rate_table', 'ledger']),
  fxVndPerUsd: z.string().nullable(),
  zoneId: z.string(),
  investmentType: InvestmentType,
  countryCode: z.string(),
  vsicCode: z.string(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  isDemo: z.boolean(),
  recordedAt: z.string(),
});
export type LedgerEntryView = z.infer<typeof LedgerEntryView>;

/** A project with its ledger-derived status and capital. */
export const ProjectView = z.object({
  id: z.string(),
  projectCode: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  enterprise: Ref.extend({ taxCode: z.string() }),
  zone: Ref,
  investmentType: InvestmentType,
  countryCode: z.string(),
  investors: z.array(Investor),
  vsicCode: z.string(),
  vsicName: z.string().nullable(),
  objectives: z.string().nullable(),
  landAreaHa: z.string().nullable(),
  currency: z.string(),
  isDemo: z.boolean(),
  /** Derived from the ledger: active (registered, not ended), terminated, transferred_out, or draft (no entry). */
  status: z.enum(['draft', 'active', 'terminated', 'transferred_out']),
  firstCertificateDate: z.string().nullable(),
  capital: z.string(),
  capitalMoney: Money,
  entryCount: z.number().int(),
});
export type ProjectView = z.infer<typeof ProjectView>;

export const ProjectDetail = ProjectView.extend({ ledger: z.array(LedgerEntryView) });
export type ProjectDetail = z.infer<typeof ProjectDetail>;

export const PROJECT_SORTS = ['name', 'code', 'capital', 'firstCertificateDate'] as const;

export const ProjectListQuery = ListPaging.extend({
  q: z.string().trim().max(200).optional(),
  zoneId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  investmentType: InvestmentType.optional(),
  country: CountryCode.optional(),
  vsic: VsicCode.optional(),
  status: z.enum(['draft', 'active', 'terminated', 'transferred_out']).optional(),
  sort: z.enum(PROJECT_SORTS).default('name'),
  dir: SortDir,
});
export type ProjectListQuery = z.input<typeof ProjectListQuery>;

export const LedgerListQuery = ListPaging.extend({
  projectId: z.uuid().optional(),
  zoneId: z.uuid().optional(),
  kind: LedgerKind.optional(),
  investmentType: InvestmentType.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  q: z.string().trim().max(200).optional(),
});
export type LedgerListQuery = z.input<typeof LedgerListQuery>;

// ---------------------------------------------------------------------------------------------------
// Plans and exchange rates

const PlanIndicatorEnum = z.enum(Object.keys(PLAN_INDICATORS) as [PlanIndicator, ...PlanIndicator[]]);

/** A plan or target (a value or a range) with the deciding document; a revision is a new record. */
export const PlanInput = z
  .object({
    indicator: PlanIndicatorEnum,
    yearFrom: z.coerce.number().int().min(1990).max(2100),
    yearTo: z.coerce.number().int().min(1990).max(2100).nullish(),
    value: NonNegativeDecimal.nullish(),
    rangeLow: NonNegativeDecimal.nullish(),
    rangeHigh: NonNegativeDecimal.nullish(),
    decisionNo: OptionalText(100),
    decisionDate: IsoDate.nullish(),
    decisionIssuer: OptionalText(200),
    effectiveFrom: IsoDate,
    source: OptionalText(500),
    note: OptionalText(2000),
  })
  .superRefine((v, ctx) => {
    const hasValue = v.value !== null && v.value !== undefined;
    const hasRange = v.rangeLow != null || v.rangeHigh != null;
    if (hasValue === hasRange)
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: bilingual(
          'Nhập một giá trị hoặc một khoảng (từ–đến).',
          'Give either a value or a range (low–high).',
        ),
      });
    if (hasRange && (v.rangeLow == null || v.rangeHigh == null))
      ctx.addIssue({
        code: 'custom',
        path: [v.rangeLow == null ? 'rangeLow' : 'rangeHigh'],
        message: bilingual('Khoảng cần cả hai đầu.', 'A range needs both ends.'),
      });
    if (v.rangeLow != null && v.rangeHigh != null && Number(v.rangeLow) > Number(v.rangeHigh))
      ctx.addIssue({
        code: 'custom',
        path: ['rangeHigh'],
        message: bilingual('Cận trên nhỏ hơn cận dưới.', 'The upper bound is below the lower bound.'),
      });
    if (v.yearTo != null && v.yearTo < v.yearFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['yearTo'],
        message: bilingual('Năm kết thúc trước năm bắt đầu.', 'The end year is before the start year.'),
      });
  });
export type PlanInput = z.input<typeof PlanInput>;

/** A plan revision as the API presents it. */
export const PlanView = z.object({
  id: z.string(),
  indicator: z.string(),
  yearFrom: z.number().int(),
  yearTo: z.number().int(),
  value: z.string().nullable(),
  rangeLow: z.string().nullable(),
  rangeHigh: z.string().nullable(),
  unit: z.string(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  decisionIssuer: z.string().nullable(),
  effectiveFrom: z.string(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  isDemo: z.boolean(),
  recordedAt: z.string(),
  /** False when a later revision for the same indicator and years exists. */
  current: z.boolean(),
});
export type PlanView = z.infer<typeof PlanView>;

/** Filters of the plan list. */
export const PlanListQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  indicator: PlanIndicatorEnum.optional(),
});

/** A dated exchange rate: VND per unit of the currency, valid over a date range. */
export const ExchangeRateInput = z
  .object({
    currency: CurrencyCode.refine((c) => c !== 'VND', {
      error: bilingual(
        'Tỷ giá là số đồng cho một đơn vị ngoại tệ.',
        'A rate is VND per unit of a foreign currency.',
      ),
    }),
    kind: z.enum(EXCHANGE_RATE_KINDS).default('yearly_average'),
    validFrom: IsoDate,
    validTo: IsoDate,
    vndPerUnit: NonNegativeDecimal.refine((s) => Number(s) > 0, {
      error: bilingual('Tỷ giá phải lớn hơn 0.', 'The rate must be above 0.'),
    }),
    source: OptionalText(500),
    decisionNo: OptionalText(100),
  })
  .refine((v) => v.validTo >= v.validFrom, {
    path: ['validTo'],
    error: bilingual('Ngày kết thúc trước ngày bắt đầu.', 'The end date is before the start date.'),
  });
export type ExchangeRateInput = z.input<typeof ExchangeRateInput>;

/** An exchange rate as the API presents it. */
export const ExchangeRateView = z.object({
  id: z.string(),
  currency: z.string(),
  kind: z.enum(EXCHANGE_RATE_KINDS),
  validFrom: z.string(),
  validTo: z.string(),
  vndPerUnit: z.string(),
  source: z.string().nullable(),
  decisionNo: z.string().nullable(),
  isDemo: z.boolean(),
  recordedAt: z.string(),
});
export type ExchangeRateView = z.infer<typeof ExchangeRateView>;

// ---------------------------------------------------------------------------------------------------
// Derived figures

const CountMoney = z.object({
  projects: z.number().int(),
  entries: z.number().int(),
  usd: z.string(),
  vnd: z.string(),
});

/** Investment figures of one group for a period (flows) and at its end (cumulative). */
export const InvestmentStatsRow = z.object({
  investmentType: InvestmentType,
  key: z.string().nullable(),
  label: z.string().nullable(),
  new: CountMoney,
  /** Capital increases (điều chỉnh tăng vốn), with corrections of adjustments. */
  adjusted: CountMoney,
  /** Capital decreases (điều chỉnh giảm vốn). */
  decreased: CountMoney,
  sharePurchase: CountMoney,
  terminated: CountMoney,
  transferredIn: CountMoney,
  transferredOut: CountMoney,
  /** new + adjusted + share purchase ("tổng vốn thu hút"). */
  total: Money,
  cumulative: z.object({ projects: z.number().int(), usd: z.string(), vnd: z.string() }),
  samePeriodLastYear: Money.nullable(),
  /** total ÷ same period last year × 100, in the row's reporting currency (USD for FDI, VND for DDI). */
  pctSamePeriodLastYear: z.number().nullable(),
  plan: z
    .object({
      indicator: z.string(),
      value: z.string().nullable(),
      rangeLow: z.string().nullable(),
      rangeHigh: z.string().nullable(),
      unit: z.string(),
      decisionNo: z.string().nullable(),
    })
    .nullable(),
  pctPlan: z.number().nullable(),
});
export type InvestmentStatsRow = z.infer<typeof InvestmentStatsRow>;

/** Derived investment figures of a period. */
export const InvestmentStats = z.object({
  period: z.object({
    id: z.string(),
    start: z.string(),
    end: z.string(),
    labelVi: z.string(),
    labelEn: z.string(),
  }),
  groupBy: StatsGroupBy,
  rows: z.array(InvestmentStatsRow),
  notes: z.array(z.string()),
});
export type InvestmentStats = z.infer<typeof InvestmentStats>;

/** Query of the derived investment figures: a period id and a grouping. */
export const InvestmentStatsQuery = z.object({
  period: z
    .string()
    .trim()
    .regex(/^\d{4}((M\d{2})|(Q[1-4])|(S[12])|(YTD\d{1,2}))?$/, {
      error: bilingual(
        'Kỳ không hợp lệ (ví dụ 2024YTD11, 2024Q2, 2024).',
        'Invalid period (e.g. 2024YTD11, 2024Q2, 2024).',
      ),
    }),
  groupBy: StatsGroupBy.default('none'),
  zoneId: z.uuid().optional(),
  investmentType: InvestmentType.optional(),
});
export type InvestmentStatsQuery = z.input<typeof InvestmentStatsQuery>;

/** Valid projects and registered capital as of a date, by group. */
export const CapitalStats = z.object({
  asOf: z.string(),
  groupBy: StatsGroupBy,
  rows: z.array(
    z.object({
      investmentType: InvestmentType,
      key: z.string().nullable(),
      label: z.string().nullable(),
      projects: z.number().int(),
      usd: z.string(),
      vnd: z.string(),
    }),
  ),
});
export type CapitalStats = z.infer<typeof CapitalStats>;

/** Query of registered capital as of a date. */
export const CapitalStatsQuery = z.object({
  asOf: IsoDate,
  groupBy: StatsGroupBy.default('none'),
  zoneId: z.uuid().optional(),
  investmentType: InvestmentType.optional(),
});

// ---------------------------------------------------------------------------------------------------
// Import and export

/** Entities that can be imported from and exported to spreadsheets. */
export const IMPORT_ENTITIES = [
  'zones',
  'zone_events',
  'zone_areas',
  'enterprises',
  'projects',
  'ledger',
  'plans',
  'exchange_rates',
] as const;
/** An entity with a spreadsheet format. */
export const ImportEntity = z.enum(IMPORT_ENTITIES);
export type ImportEntity = z.infer<typeof ImportEntity>;
/** A spreadsheet file format. */
export const SpreadsheetFormat = z.enum(['xlsx', 'csv']);
export type SpreadsheetFormat = z.infer<typeof SpreadsheetFormat>;

/** One problem found in an imported file: 1-based spreadsheet row, the column's key, a message. */
export const ImportProblem = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** What an import did (or, for a dry run or a refused file, would have done). */
export const ImportReport = z.object({
  entity: ImportEntity,
  templateVersion: z.number().int().nullable(),
  dryRun: z.boolean(),
  accepted: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  problems: z.array(ImportProblem),
});
export type ImportReport = z.infer<typeof ImportReport>;
