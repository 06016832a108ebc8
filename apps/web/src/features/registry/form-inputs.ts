/**
 * Pure pieces of the registry's forms and views: request bodies built from form values (with the problems
 * the client can see by itself), VSIC text, timeline order and wording. Tested in form-inputs.test.ts.
 */
import type {
  EnterpriseInput,
  EnterpriseStatus,
  Geometry,
  LedgerEntryInput,
  LedgerKind,
  Ownership,
  ZoneEventView,
  ZoneInput,
  ZoneKind,
  ZoneModelType,
} from '@heza/shared/registry';
import type { TFunction } from 'i18next';
import type { Language } from '../../lib/api-types';
import { parseDecimalInput, parsePlainNumber } from '../../lib/decimal';
import { formatIsoDate, todayIso } from '../../lib/format-number';
import type { PathErrors } from '../../lib/use-path-form';

export interface ContactRow {
  name: string;
  role: string;
  phone: string;
  email: string;
}

export interface InfrastructureRow {
  kind: 'port' | 'airport' | 'highway' | 'railway' | 'city_centre' | 'other';
  name: string;
  distanceKm: string;
}

export interface InvestorRow {
  name: string;
  country: string;
  kind: 'organisation' | 'individual';
}

export type LocationMode = 'none' | 'point' | 'geojson';

export interface ZoneFormValues {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: ZoneKind | '';
  parentId: string;
  modelType: ZoneModelType;
  developerId: string;
  locationMode: LocationMode;
  lon: string;
  lat: string;
  geojson: string;
  address: string;
  infrastructure: InfrastructureRow[];
  contacts: ContactRow[];
  descriptionVi: string;
  descriptionEn: string;
  source: string;
}

const blank = (s: string) => (s.trim() ? s.trim() : null);

/** Builds the request body; `problems` collects what the client can already tell is wrong. */
export function toZoneInput(
  v: ZoneFormValues,
  messages: { number: string; json: string },
): { input: ZoneInput; problems: PathErrors } {
  const problems: PathErrors = {};
  let location: Geometry | null = null;
  if (v.locationMode === 'point') {
    const lon = parsePlainNumber(v.lon);
    const lat = parsePlainNumber(v.lat);
    if (lon === null || lon < -180 || lon > 180) problems['location.lon'] = messages.number;
    if (lat === null || lat < -90 || lat > 90) problems['location.lat'] = messages.number;
    if (lon !== null && lat !== null) location = { type: 'Point', coordinates: [lon, lat] };
  } else if (v.locationMode === 'geojson') {
    try {
      location = JSON.parse(v.geojson) as Geometry;
    } catch {
      problems.location = messages.json;
    }
  }
  const infrastructure = v.infrastructure.map((row, i) => {
    const distance = row.distanceKm.trim() ? parsePlainNumber(row.distanceKm) : null;
    if (row.distanceKm.trim() && distance === null)
      problems[`infrastructure.${i}.distanceKm`] = messages.number;
    return { kind: row.kind, name: row.name.trim(), distanceKm: distance };
  });
  const input: ZoneInput = {
    nameVi: v.nameVi.trim(),
    nameEn: blank(v.nameEn),
    kind: (v.kind || 'industrial_park') as ZoneKind,
    parentId: v.kind !== 'economic_zone' && v.parentId ? v.parentId : null,
    modelType: v.modelType,
    developerId: v.developerId || null,
    location,
    address: blank(v.address),
    infrastructure,
    contacts: v.contacts.map((c) => ({
      name: c.name.trim(),
      role: blank(c.role),
      phone: blank(c.phone),
      email: blank(c.email),
    })),
    descriptionVi: blank(v.descriptionVi),
    descriptionEn: blank(v.descriptionEn),
    source: blank(v.source),
  };
  if (v.code.trim()) input.code = v.code.trim();
  return { input, problems };
}

export interface EnterpriseFormValues {
  taxCode: string;
  nameVi: string;
  nameEn: string;
  ownership: Ownership;
  investorCountries: string[];
  zoneIds: string[];
  address: string;
  status: EnterpriseStatus;
  contacts: ContactRow[];
}

/** The request body of the form (the tax code is normalised by the server, "0200000001-001"). */
export function toEnterpriseInput(v: EnterpriseFormValues): EnterpriseInput {
  const blank = (s: string) => s.trim() || null;
  return {
    taxCode: v.taxCode.trim(),
    nameVi: v.nameVi.trim(),
    nameEn: blank(v.nameEn),
    ownership: v.ownership,
    investorCountries: v.investorCountries,
    zoneIds: v.zoneIds,
    address: blank(v.address),
    status: v.status,
    contacts: v.contacts.map((c) => ({
      name: c.name.trim(),
      role: blank(c.role),
      phone: blank(c.phone),
      email: blank(c.email),
    })),
  };
}

export interface LedgerFormValues {
  kind: LedgerKind | '';
  certificateNo: string;
  amendmentNo: string;
  certificateDate: string;
  capitalBefore: string;
  capitalChange: string;
  capitalAfter: string;
  changeUsd: string;
  changeVnd: string;
  dealValue: string;
  dealValueUsd: string;
  dealValueVnd: string;
  correctsEntryId: string;
  reason: string;
  note: string;
}

export const LEDGER_FIELDS = [
  'kind',
  'certificateNo',
  'amendmentNo',
  'certificateDate',
  'capitalBefore',
  'capitalChange',
  'capitalAfter',
  'changeUsd',
  'changeVnd',
  'dealValue',
  'dealValueUsd',
  'dealValueVnd',
  'correctsEntryId',
  'reason',
  'note',
] as const;

export function emptyLedgerValues(kind: LedgerKind | '' = ''): LedgerFormValues {
  return {
    kind,
    certificateNo: '',
    amendmentNo: '',
    certificateDate: todayIso(),
    capitalBefore: '',
    capitalChange: '',
    capitalAfter: '',
    changeUsd: '',
    changeVnd: '',
    dealValue: '',
    dealValueUsd: '',
    dealValueVnd: '',
    correctsEntryId: '',
    reason: '',
    note: '',
  };
}

export const MONEY_FIELDS = [
  'capitalBefore',
  'capitalChange',
  'capitalAfter',
  'changeUsd',
  'changeVnd',
  'dealValue',
  'dealValueUsd',
  'dealValueVnd',
] as const;

/** Whether an entry of this kind has a capital before it (the ledger's current capital). */
export function hasBefore(kind: LedgerKind | ''): boolean {
  return kind !== 'new' && kind !== 'transfer_in';
}

/**
 * The ledger entry to send, with the problems the form can see by itself (keys prefixed like the server's:
 * "firstEntry.certificateNo"). Amounts are read in the UI language's style and sent as exact decimal text.
 * Whether the amounts add up, or the kind may follow the ledger's last entry, is the server's to say.
 */
export function toLedgerInput(
  v: LedgerFormValues,
  language: Language,
  messages: { required: string; choose: string; number: string; date: string },
  prefix = '',
): { input: LedgerEntryInput; problems: PathErrors } {
  const problems: PathErrors = {};
  if (!v.kind) problems[`${prefix}kind`] = messages.choose;
  if (!v.certificateNo.trim()) problems[`${prefix}certificateNo`] = messages.required;
  if (!v.certificateDate) problems[`${prefix}certificateDate`] = messages.date;
  const money: Partial<Record<(typeof MONEY_FIELDS)[number], string | null>> = {};
  for (const key of MONEY_FIELDS) {
    if (!v[key].trim()) {
      money[key] = null;
      continue;
    }
    const parsed = parseDecimalInput(v[key], language);
    if (parsed === null) problems[`${prefix}${key}`] = messages.number;
    money[key] = parsed;
  }
  const amendment = v.amendmentNo.trim();
  if (amendment && !/^\d{1,3}$/.test(amendment)) problems[`${prefix}amendmentNo`] = messages.number;
  const blank = (s: string) => s.trim() || null;
  // A new registration or a project entering management starts from nothing: no "before" to state.
  if (!hasBefore(v.kind)) money.capitalBefore = null;
  const input: LedgerEntryInput = {
    kind: (v.kind || 'new') as LedgerKind,
    certificateNo: v.certificateNo.trim(),
    amendmentNo: amendment ? Number(amendment) : 0,
    certificateDate: v.certificateDate,
    capitalBefore: money.capitalBefore,
    capitalChange: money.capitalChange,
    capitalAfter: money.capitalAfter,
    changeUsd: money.changeUsd,
    changeVnd: money.changeVnd,
    dealValue: money.dealValue,
    dealValueUsd: money.dealValueUsd,
    dealValueVnd: money.dealValueVnd,
    correctsEntryId: v.correctsEntryId || null,
    reason: blank(v.reason),
    note: blank(v.note),
  };
  return { input, problems };
}

/** The VSIC code at the start of a sector text ("2640 — Sản xuất…" → "2640"). */
export function vsicCodeOf(text: string): string {
  return (text.trim().split(/[\s—–-]+/)[0] ?? '').toUpperCase();
}

/** "Quyết định số 1511/QĐ-TTg ngày 04/12/2024 của Thủ tướng Chính phủ" from the parts that are known. */
export function decisionText(
  event: Pick<ZoneEventView, 'decisionNo' | 'decisionDate' | 'decisionIssuer'>,
  t: TFunction,
): string | null {
  const parts: string[] = [];
  if (event.decisionNo) parts.push(t('registry.timeline.decisionNo', { no: event.decisionNo }));
  if (event.decisionDate)
    parts.push(t('registry.timeline.decisionDate', { date: formatIsoDate(event.decisionDate) }));
  if (event.decisionIssuer)
    parts.push(t('registry.timeline.decisionIssuer', { issuer: event.decisionIssuer }));
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Events in date order (a later record of the same day after the earlier one). */
export function sortEvents(events: readonly ZoneEventView[]): ZoneEventView[] {
  return [...events].sort(
    (a, b) => a.eventDate.localeCompare(b.eventDate) || a.recordedAt.localeCompare(b.recordedAt),
  );
}
