import { randomUUID } from 'node:crypto';
import { bilingual, pickMessage, slugifyVi } from '@heza/shared';
import {
  EnterpriseInput,
  ExchangeRateInput,
  type ImportEntity,
  type ImportProblem,
  type ImportReport,
  LedgerEntryInput,
  PLAN_INDICATORS,
  PlanInput,
  ProjectInput,
  type SpreadsheetFormat,
  todayVn,
  ZoneAreaInput,
  ZoneEventInput,
  ZoneInput,
} from '@heza/shared/registry';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { dec } from '../decimal.ts';
import { RateBook } from '../fx.ts';
import { FORMATS, headerKey, TEMPLATE_MARK } from '../import-formats.ts';
import { type LedgerState, planEntry, replayLedger } from '../ledger-rules.ts';
import { assertCan } from '../scope.ts';
import { MalformedFileError, readTable } from '../spreadsheet.ts';
import { isKnownProjectVsic } from '../vsic.ts';
import { checkZoneEvent, type LiveEvent } from '../zone-rules.ts';
import { ledgerRow } from './append-ledger-entry.ts';

/** How an import runs: validate only (dry run), the file's format, and a progress callback. */
export interface ImportOptions {
  dryRun?: boolean;
  format?: SpreadsheetFormat;
  onProgress?: (p: { phase: 'validate' | 'write'; done: number; total: number }) => void;
}

/** One data row: its 1-based row number in the file and its cells by column key. */
interface Row {
  row: number;
  cells: Record<string, string>;
}

/** Problems of a whole import; rows and columns named as in the file. */
class Problems {
  readonly list: ImportProblem[] = [];
  add(row: number, column: string | null, vi: string, en: string) {
    this.list.push({ row, column, message: bilingual(vi, en) });
  }
  get any() {
    return this.list.length > 0;
  }
}

/** Outcome counters of the writing phase. */
interface Outcome {
  created: number;
  updated: number;
  unchanged: number;
  /** Natural keys written, for the audit trail. */
  keys: string[];
}

class Rollback extends Error {}

// ---------------------------------------------------------------------------------------------------
// Cells

/** Typed access to a row's cells; each bad cell adds a problem naming the row and column. */
class Cells {
  constructor(
    private readonly r: Row,
    private readonly p: Problems,
  ) {}

  text(key: string): string | null {
    const v = (this.r.cells[key] ?? '').trim();
    return v === '' ? null : v;
  }

  /** '1234.5', '1234,5' or '1.234.567,89' (Vietnamese) → '1234.5'. */
  decimal(key: string): string | null {
    const raw = this.text(key);
    if (raw === null) return null;
    let s = raw.replace(/\s/g, '');
    if (s.includes(',') && s.includes('.'))
      s =
        s.lastIndexOf(',') > s.lastIndexOf('.')
          ? s.replace(/\./g, '').replace(',', '.')
          : s.replace(/,/g, '');
    else if (s.includes(',')) s = s.replace(',', '.');
    else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(s)) s = s.replace(/\./g, '');
    if (!/^-?\d+(\.\d+)?$/.test(s)) {
      this.p.add(this.r.row, key, `"${raw}" không phải là số.`, `"${raw}" is not a number.`);
      return null;
    }
    return s;
  }

  /** 'YYYY-MM-DD' or 'dd/mm/yyyy' → 'YYYY-MM-DD'. */
  date(key: string): string | null {
    const raw = this.text(key);
    if (raw === null) return null;
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
    const iso = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : raw;
    const d = new Date(`${iso}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(iso) ||
      Number.isNaN(d.getTime()) ||
      d.toISOString().slice(0, 10) !== iso
    ) {
      this.p.add(
        this.r.row,
        key,
        `"${raw}" không phải là ngày (YYYY-MM-DD hoặc dd/mm/yyyy).`,
        `"${raw}" is not a date (YYYY-MM-DD or dd/mm/yyyy).`,
      );
      return null;
    }
    return iso;
  }

  int(key: string): number | null {
    const raw = this.text(key);
    if (raw === null) return null;
    if (!/^\d+$/.test(raw)) {
      this.p.add(this.r.row, key, `"${raw}" không phải là số nguyên.`, `"${raw}" is not a whole number.`);
      return null;
    }
    return Number(raw);
  }

  list(key: string): string[] {
    return (this.text(key) ?? '')
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter(Boolean);
  }
}

/**
 * Validates an input object with a shared schema; each issue becomes a problem on the column `fields` maps its
 * first path segment to (the API's field names → the file's column keys).
 */
function validate<T extends z.ZodType>(
  schema: T,
  input: unknown,
  r: Row,
  p: Problems,
  fields: Record<string, string>,
): z.output<T> | null {
  try {
    return parseInput(schema, input);
  } catch (err) {
    if (!(err instanceof AppError) || !Array.isArray(err.details)) throw err;
    for (const d of err.details as FieldProblem[]) {
      const field = d.field.split('.')[0] ?? d.field;
      p.list.push({ row: r.row, column: fields[field] ?? field, message: d.message });
    }
    return null;
  }
}

function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === '' ? null : v);
  const x = norm(a);
  const y = norm(b);
  if (
    typeof x === 'string' &&
    typeof y === 'string' &&
    /^-?\d+(\.\d+)?$/.test(x) &&
    /^-?\d+(\.\d+)?$/.test(y)
  )
    return dec(x) === dec(y);
  return canonical(x) === canonical(y);
}

/** JSON with object keys sorted (jsonb returns keys in its own order). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** Checks each distinct zone once against the actor's jurisdiction; refused zones become row problems. */
function jurisdiction(ctx: Ctx, action: string) {
  const cache = new Map<string, Promise<boolean>>();
  return (zoneIds: string[]) => {
    const key = zoneIds.join(',');
    if (!cache.has(key)) {
      cache.set(
        key,
        assertCan(ctx, action, zoneIds).then(
          () => true,
          (err) => {
            if (err instanceof AppError && (err.code === 'OUT_OF_JURISDICTION' || err.code === 'FORBIDDEN'))
              return false;
            throw err;
          },
        ),
      );
    }
    return cache.get(key)!;
  };
}

const outOfJurisdiction = (p: Problems, row: number, column: string) =>
  p.add(row, column, 'Nằm ngoài phạm vi quản lý của bạn.', 'Outside your jurisdiction.');

async function zonesByCode(tx: Tx) {
  const rows = await tx.selectFrom('zones').select(['id', 'code', 'kind', 'parent_id']).execute();
  return new Map(rows.map((z) => [z.code, z]));
}

type Handler = (
  ctx: Ctx,
  tx: Tx,
  rows: Row[],
  p: Problems,
  opts: ImportOptions,
) => Promise<(() => Promise<Outcome>) | null>;

// ---------------------------------------------------------------------------------------------------
// Entities

const importZones: Handler = async (ctx, tx, rows, p) => {
  const zones = await zonesByCode(tx);
  const developers = new Map(
    (await tx.selectFrom('enterprises').select(['id', 'tax_code']).execute()).map((e) => [e.tax_code, e.id]),
  );
  const existing = new Map((await tx.selectFrom('zones').selectAll().execute()).map((z) => [z.code, z]));
  const canWrite = jurisdiction(ctx, 'registry.zone.write');
  const seen = new Map<string, number>();
  const fileIds = new Map<string, { id: string; kind: string }>();
  const inserts: Record<string, unknown>[] = [];
  const updates: { id: string; set: Record<string, unknown> }[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const c = new Cells(r, p);
    const nameVi = c.text('name_vi');
    const code = c.text('code') ?? (nameVi ? slugifyVi(nameVi) : null);
    const lng = c.decimal('longitude');
    const lat = c.decimal('latitude');
    const parentCode = c.text('parent_code');
    const parent = parentCode ? (zones.get(parentCode) ?? fileIds.get(parentCode)) : undefined;
    if (parentCode && !parent)
      p.add(r.row, 'parent_code', `Không có khu mã "${parentCode}".`, `No zone with code "${parentCode}".`);
    else if (parent && parent.kind !== 'economic_zone')
      p.add(r.row, 'parent_code', 'Khu cha phải là khu kinh tế.', 'The parent must be an economic zone.');
    const devTax = c.text('developer_tax_code');
    const developerId = devTax ? developers.get(devTax) : undefined;
    if (devTax && !developerId)
      p.add(
        r.row,
        'developer_tax_code',
        `Không có doanh nghiệp MST ${devTax}.`,
        `No enterprise with tax code ${devTax}.`,
      );
    if ((lng === null) !== (lat === null))
      p.add(
        r.row,
        lng === null ? 'longitude' : 'latitude',
        'Cần cả kinh độ và vĩ độ.',
        'Give both longitude and latitude.',
      );
    const v = validate(
      ZoneInput,
      {
        code: code ?? undefined,
        nameVi: nameVi ?? '',
        nameEn: c.text('name_en'),
        kind: c.text('kind') ?? '',
        parentId: parent ? ('id' in parent ? parent.id : null) : null,
        modelType: c.text('model_type') ?? 'general',
        developerId: developerId ?? null,
        address: c.text('address'),
        location:
          lng !== null && lat !== null ? { type: 'Point', coordinates: [Number(lng), Number(lat)] } : null,
        source: c.text('source'),
      },
      r,
      p,
      {
        code: 'code',
        nameVi: 'name_vi',
        nameEn: 'name_en',
        kind: 'kind',
        modelType: 'model_type',
        location: 'longitude',
        address: 'address',
        source: 'source',
      },
    );
    if (!v || !code) continue;
    if (seen.has(code)) {
      p.add(
        r.row,
        'code',
        `Mã khu "${code}" lặp lại (dòng ${seen.get(code)}).`,
        `Zone code "${code}" repeats (row ${seen.get(code)}).`,
      );
      continue;
    }
    seen.set(code, r.row);
    const current = existing.get(code);
    const scope = current ? [current.id] : v.parentId ? [v.parentId] : [];
    if (!(await canWrite(scope))) {
      outOfJurisdiction(p, r.row, 'code');
      continue;
    }
    const values = {
      name_vi: v.nameVi,
      name_en: v.nameEn,
      kind: v.kind,
      parent_id: v.parentId ?? null,
      model_type: v.modelType,
      developer_id: v.developerId ?? null,
      address: v.address,
      location: v.location ?? null,
      source: v.source,
    };
    if (!current) {
      const id = randomUUID();
      fileIds.set(code, { id, kind: v.kind });
      inserts.push({
        id,
        code,
        ...values,
        location: values.location ? JSON.stringify(values.location) : null,
      });
    } else if (
      Object.entries(values).every(([k, val]) => same((current as Record<string, unknown>)[k], val))
    ) {
      unchanged += 1;
    } else {
      updates.push({
        id: current.id,
        set: {
          ...values,
          location: values.location ? JSON.stringify(values.location) : null,
          updated_at: new Date(),
        },
      });
    }
  }
  return async () => {
    if (inserts.length)
      await tx
        .insertInto('zones')
        .values(inserts as never)
        .execute();
    for (const u of updates)
      await tx
        .updateTable('zones')
        .set(u.set as never)
        .where('id', '=', u.id)
        .execute();
    return {
      created: inserts.length,
      updated: updates.length,
      unchanged,
      keys: inserts.map((i) => String(i.code)),
    };
  };
};

const importZoneEvents: Handler = async (ctx, tx, rows, p) => {
  const zones = await zonesByCode(tx);
  const live = new Map<string, LiveEvent[]>();
  for (const e of await tx
    .selectFrom('zone_events')
    .select(['zone_id', 'status', 'event_date'])
    .where('voided_at', 'is', null)
    .execute()) {
    const list = live.get(e.zone_id) ?? [];
    list.push({ status: e.status, eventDate: e.event_date });
    live.set(e.zone_id, list);
  }
  const canWrite = jurisdiction(ctx, 'registry.zone.write');
  const today = todayVn();
  const inserts: Record<string, unknown>[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const c = new Cells(r, p);
    const code = c.text('zone_code');
    const zone = code ? zones.get(code) : undefined;
    if (!zone) {
      p.add(r.row, 'zone_code', `Không có khu mã "${code ?? ''}".`, `No zone with code "${code ?? ''}".`);
      continue;
    }
    const v = validate(
      ZoneEventInput,
      {
        status: c.text('status') ?? '',
        eventDate: c.date('event_date') ?? '',
        decisionNo: c.text('decision_no'),
        decisionDate: c.date('decision_date'),
        decisionIssuer: c.text('decision_issuer'),
        note: c.text('note'),
      },
      r,
      p,
      {
        status: 'status',
        eventDate: 'event_date',
        decisionNo: 'decision_no',
        decisionDate: 'decision_date',
        decisionIssuer: 'decision_issuer',
        note: 'note',
      },
    );
    if (!v) continue;
    if (!(await canWrite([zone.id]))) {
      outOfJurisdiction(p, r.row, 'zone_code');
      continue;
    }
    const events = live.get(zone.id) ?? [];
    if (events.some((e) => e.status === v.status && e.eventDate === v.eventDate)) {
      unchanged += 1;
      continue;
    }
    const found = checkZoneEvent(events, v, today);
    const column: Record<string, string> = {
      eventDate: 'event_date',
      decisionDate: 'decision_date',
      status: 'status',
    };
    for (const f of found)
      p.list.push({ row: r.row, column: column[f.field] ?? f.field, message: f.message });
    if (found.length) continue;
    events.push({ status: v.status, eventDate: v.eventDate });
    live.set(zone.id, events);
    inserts.push({
      zone_id: zone.id,
      status: v.status,
      event_date: v.eventDate,
      decision_no: v.decisionNo,
      decision_date: v.decisionDate ?? null,
      decision_issuer: v.decisionIssuer,
      note: v.note,
      recorded_by: ctx.actor?.id ?? null,
    });
  }
  return async () => {
    for (let i = 0; i < inserts.length; i += 1000)
      await tx
        .insertInto('zone_events')
        .values(inserts.slice(i, i + 1000) as never)
        .execute();
    return {
      created: inserts.length,
      updated: 0,
      unchanged,
      keys: inserts.map((e) => `${e.zone_id}:${e.status}:${e.event_date}`),
    };
  };
};

const importZoneAreas: Handler = async (ctx, tx, rows, p) => {
  const zones = await zonesByCode(tx);
  const latest = new Map<
    string,
    {
      total_area_ha: string;
      industrial_land_ha: string | null;
      leasable_ha: string | null;
      leased_ha: string | null;
    }
  >();
  const stored = await sql<{
    zone_id: string;
    as_of: string;
    total_area_ha: string;
    industrial_land_ha: string | null;
    leasable_ha: string | null;
    leased_ha: string | null;
  }>`
    select distinct on (zone_id, as_of) zone_id, as_of, total_area_ha, industrial_land_ha, leasable_ha, leased_ha
    from zone_area_records order by zone_id, as_of, recorded_at desc`.execute(tx);
  for (const a of stored.rows) latest.set(`${a.zone_id}|${a.as_of}`, a);
  const canWrite = jurisdiction(ctx, 'registry.zone.write');
  const today = todayVn();
  const inserts: Record<string, unknown>[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const c = new Cells(r, p);
    const code = c.text('zone_code');
    const zone = code ? zones.get(code) : undefined;
    if (!zone)
      p.add(r.row, 'zone_code', `Không có khu mã "${code ?? ''}".`, `No zone with code "${code ?? ''}".`);
    const v = validate(
      ZoneAreaInput,
      {
        asOf: c.date('as_of') ?? '',
        totalAreaHa: c.decimal('total_area_ha') ?? '',
        industrialLandHa: c.decimal('industrial_land_ha'),
        leasableHa: c.decimal('leasable_ha'),
        leasedHa: c.decimal('leased_ha'),
        source: c.text('source'),
        note: c.text('note'),
      },
      r,
      p,
      {
        asOf: 'as_of',
        totalAreaHa: 'total_area_ha',
        industrialLandHa: 'industrial_land_ha',
        leasableHa: 'leasable_ha',
        leasedHa: 'leased_ha',
      },
    );
    if (!v || !zone) continue;
    if (v.asOf > today) {
      p.add(
        r.row,
        'as_of',
        'Ngày số liệu không được ở tương lai.',
        'The as-of date cannot be in the future.',
      );
      continue;
    }
    if (!(await canWrite([zone.id]))) {
      outOfJurisdiction(p, r.row, 'zone_code');
      continue;
    }
    const values = {
      total_area_ha: v.totalAreaHa,
      industrial_land_ha: v.industrialLandHa ?? null,
      leasable_ha: v.leasableHa ?? null,
      leased_ha: v.leasedHa ?? null,
    };
    const prev = latest.get(`${zone.id}|${v.asOf}`);
    if (prev && Object.entries(values).every(([k, val]) => same(prev[k as keyof typeof prev], val))) {
      unchanged += 1;
      continue;
    }
    latest.set(`${zone.id}|${v.asOf}`, values);
    inserts.push({
      zone_id: zone.id,
      as_of: v.asOf,
      ...values,
      source: v.source,
      note: v.note,
      recorded_by: ctx.actor?.id ?? null,
    });
  }
  return async () => {
    for (let i = 0; i < inserts.length; i += 1000)
      await tx
        .insertInto('zone_area_records')
        .values(inserts.slice(i, i + 1000) as never)
        .execute();
    return {
      created: inserts.length,
      updated: 0,
      unchanged,
      keys: inserts.map((a) => `${a.zone_id}:${a.as_of}`),
    };
  };
};

const importEnterprises: Handler = async (ctx, tx, rows, p) => {
  const zones = await zonesByCode(tx);
  const existing = new Map(
    (await tx.selectFrom('enterprises').selectAll().execute()).map((e) => [e.tax_code, e]),
  );
  const links = new Map<string, Set<string>>();
  for (const l of await tx.selectFrom('enterprise_zones').selectAll().execute()) {
    links.set(l.enterprise_id, (links.get(l.enterprise_id) ?? new Set()).add(l.zone_id));
  }
  const canWrite = jurisdiction(ctx, 'registry.enterprise.write');
  const seen = new Map<string, number>();
  const inserts: Record<string, unknown>[] = [];
  const updates: { id: string; set: Record<string, unknown> }[] = [];
  const newLinks: { enterprise_id: string; zone_id: string }[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const c = new Cells(r, p);
    const zoneIds: string[] = [];
    for (const code of c.list('zone_codes')) {
      const z = zones.get(code);
      if (z) zoneIds.push(z.id);
      else p.add(r.row, 'zone_codes', `Không có khu mã "${code}".`, `No zone with code "${code}".`);
    }
    const v = validate(
      EnterpriseInput,
      {
        taxCode: c.text('tax_code') ?? '',
        nameVi: c.text('name_vi') ?? '',
        nameEn: c.text('name_en'),
        ownership: c.text('ownership') ?? '',
        investorCountries: c.list('investor_countries'),
        zoneIds,
        address: c.text('address'),
        status: c.text('status') ?? 'active',
      },
      r,
      p,
      {
        taxCode: 'tax_code',
        nameVi: 'name_vi',
        nameEn: 'name_en',
        ownership: 'ownership',
        investorCountries: 'investor_countries',
        status: 'status',
      },
    );
    if (!v) continue;
    if (seen.has(v.taxCode)) {
      p.add(
        r.row,
        'tax_code',
        `Mã số thuế ${v.taxCode} lặp lại (dòng ${seen.get(v.taxCode)}).`,
        `Tax code ${v.taxCode} repeats (row ${seen.get(v.taxCode)}).`,
      );
      continue;
    }
    seen.set(v.taxCode, r.row);
    const current = existing.get(v.taxCode);
    const currentZones = current ? [...(links.get(current.id) ?? [])] : [];
    if (!(await canWrite(current ? [...new Set([...currentZones, ...zoneIds])] : zoneIds))) {
      outOfJurisdiction(p, r.row, current ? 'tax_code' : 'zone_codes');
      continue;
    }
    const values = {
      name_vi: v.nameVi,
      name_en: v.nameEn,
      ownership: v.ownership,
      investor_countries: [...new Set(v.investorCountries)],
      address: v.address,
      status: v.status,
    };
    const id = current?.id ?? randomUUID();
    const addZones = zoneIds.filter((z) => !currentZones.includes(z));
    for (const zone_id of new Set(addZones)) newLinks.push({ enterprise_id: id, zone_id });
    if (!current) inserts.push({ id, tax_code: v.taxCode, ...values });
    else if (
      addZones.length === 0 &&
      Object.entries(values).every(([k, val]) => same((current as Record<string, unknown>)[k], val))
    )
      unchanged += 1;
    else updates.push({ id, set: { ...values, updated_at: new Date() } });
  }
  return async () => {
    for (let i = 0; i < inserts.length; i += 1000)
      await tx
        .insertInto('enterprises')
        .values(inserts.slice(i, i + 1000) as never)
        .execute();
    for (const u of updates)
      await tx
        .updateTable('enterprises')
        .set(u.set as never)
        .where('id', '=', u.id)
        .execute();
    if (newLinks.length)
      await tx
        .insertInto('enterprise_zones')
        .values(newLinks)
        .onConflict((oc) => oc.doNothing())
        .execute();
    return {
      created: inserts.length,
      updated: updates.length,
      unchanged,
      keys: inserts.map((e) => String(e.tax_code)),
    };
  };
};

/** "ABC Co. (KR); XYZ (JP)" → [{ name, country }]. */
function parseInvestors(s: string | null): { name: string; country: string }[] {
  if (!s) return [];
  return s
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(.*)\(([A-Za-z]{2})\)\s*$/.exec(part);
      return m ? { name: m[1]!.trim(), country: m[2]!.toUpperCase() } : { name: part, country: '' };
    });
}

const importProjects: Handler = async (ctx, tx, rows, p) => {
  const zones = await zonesByCode(tx);
  const enterprises = new Map(
    (await tx.selectFrom('enterprises').select(['id', 'tax_code']).execute()).map((e) => [e.tax_code, e.id]),
  );
  const existing = new Map(
    (await tx.selectFrom('investment_projects').selectAll().execute()).map((x) => [x.project_code, x]),
  );
  const canWrite = jurisdiction(ctx, 'registry.project.write');
  const seen = new Map<string, number>();
  const inserts: Record<string, unknown>[] = [];
  const updates: { id: string; set: Record<string, unknown> }[] = [];
  const links: { enterprise_id: string; zone_id: string }[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const c = new Cells(r, p);
    const zoneCode = c.text('zone_code');
    const zone = zoneCode ? zones.get(zoneCode) : undefined;
    if (!zone)
      p.add(
        r.row,
        'zone_code',
        `Không có khu mã "${zoneCode ?? ''}".`,
        `No zone with code "${zoneCode ?? ''}".`,
      );
    const tax = c.text('enterprise_tax_code');
    const enterpriseId = tax ? enterprises.get(tax) : undefined;
    if (!enterpriseId)
      p.add(
        r.row,
        'enterprise_tax_code',
        `Không có doanh nghiệp MST ${tax ?? ''}.`,
        `No enterprise with tax code ${tax ?? ''}.`,
      );
    const v = validate(
      ProjectInput,
      {
        projectCode: c.text('project_code') ?? '',
        nameVi: c.text('name_vi') ?? '',
        nameEn: c.text('name_en'),
        enterpriseId: enterpriseId ?? '00000000-0000-4000-8000-000000000000',
        zoneId: zone?.id ?? '00000000-0000-4000-8000-000000000000',
        investmentType: c.text('investment_type') ?? '',
        countryCode: c.text('country_code'),
        investors: parseInvestors(c.text('investors')),
        vsicCode: c.text('vsic_code') ?? '',
        objectives: c.text('objectives'),
        landAreaHa: c.decimal('land_area_ha'),
        currency: c.text('currency'),
      },
      r,
      p,
      {
        projectCode: 'project_code',
        nameVi: 'name_vi',
        nameEn: 'name_en',
        investmentType: 'investment_type',
        countryCode: 'country_code',
        investors: 'investors',
        vsicCode: 'vsic_code',
        objectives: 'objectives',
        landAreaHa: 'land_area_ha',
        currency: 'currency',
      },
    );
    if (!v || !zone || !enterpriseId) continue;
    if (!isKnownProjectVsic(v.vsicCode)) {
      p.add(
        r.row,
        'vsic_code',
        `Mã ngành VSIC ${v.vsicCode} không có trong danh mục VSIC 2018.`,
        `VSIC code ${v.vsicCode} is not in the VSIC 2018 list.`,
      );
      continue;
    }
    const country =
      v.countryCode ??
      (v.investmentType === 'ddi' ? 'VN' : v.investors.find((i) => i.country !== 'VN')?.country);
    if (!country || (v.investmentType === 'fdi') === (country === 'VN')) {
      p.add(
        r.row,
        'country_code',
        'FDI cần quốc gia nước ngoài; DDI là VN.',
        'FDI needs a foreign country; DDI is VN.',
      );
      continue;
    }
    if (seen.has(v.projectCode)) {
      p.add(
        r.row,
        'project_code',
        `Mã số dự án lặp lại (dòng ${seen.get(v.projectCode)}).`,
        `Project code repeats (row ${seen.get(v.projectCode)}).`,
      );
      continue;
    }
    seen.set(v.projectCode, r.row);
    const current = existing.get(v.projectCode);
    if (!(await canWrite(current && current.zone_id !== zone.id ? [current.zone_id, zone.id] : [zone.id]))) {
      outOfJurisdiction(p, r.row, 'zone_code');
      continue;
    }
    const currency = v.currency ?? (v.investmentType === 'fdi' ? 'USD' : 'VND');
    if (current && (current.investment_type !== v.investmentType || current.currency !== currency)) {
      p.add(
        r.row,
        'investment_type',
        'Không đổi được loại FDI/DDI hoặc đồng tiền của dự án đã có.',
        'The type or currency of an existing project cannot change.',
      );
      continue;
    }
    const values = {
      name_vi: v.nameVi,
      name_en: v.nameEn,
      enterprise_id: enterpriseId,
      zone_id: zone.id,
      country_code: country,
      investors: v.investors,
      vsic_code: v.vsicCode,
      objectives: v.objectives,
      land_area_ha: v.landAreaHa ?? null,
    };
    links.push({ enterprise_id: enterpriseId, zone_id: zone.id });
    if (!current) {
      inserts.push({
        project_code: v.projectCode,
        investment_type: v.investmentType,
        currency,
        ...values,
        investors: JSON.stringify(v.investors),
        created_by: ctx.actor?.id ?? null,
      });
    } else if (
      Object.entries(values).every(([k, val]) => same((current as Record<string, unknown>)[k], val))
    ) {
      unchanged += 1;
    } else {
      updates.push({
        id: current.id,
        set: { ...values, investors: JSON.stringify(v.investors), updated_at: new Date() },
      });
    }
  }
  return async () => {
    for (let i = 0; i < inserts.length; i += 1000)
      await tx
        .insertInto('investment_projects')
        .values(inserts.slice(i, i + 1000) as never)
        .execute();
    for (const u of updates)
      await tx
        .updateTable('investment_projects')
        .set(u.set as never)
        .where('id', '=', u.id)
        .execute();
    if (links.length)
      await tx
        .insertInto('enterprise_zones')
        .values(links)
        .onConflict((oc) => oc.doNothing())
        .execute();
    return {
      created: inserts.length,
      updated: updates.length,
      unchanged,
      keys: inserts.map((x) => String(x.project_code)),
    };
  };
};

const LEDGER_FIELDS: Record<string, string> = {
  kind: 'kind',
  certificateNo: 'certificate_no',
  amendmentNo: 'amendment_no',
  certificateDate: 'certificate_date',
  capitalBefore: 'capital_before',
  capitalChange: 'capital_change',
  capitalAfter: 'capital_after',
  changeUsd: 'change_usd',
  changeVnd: 'change_vnd',
  dealValue: 'deal_value',
  dealValueUsd: 'deal_value_usd',
  dealValueVnd: 'deal_value_vnd',
  correctsEntryId: 'corrects_certificate_no',
  reason: 'reason',
  note: 'note',
};

const importLedger: Handler = async (ctx, tx, rows, p, opts) => {
  // Everything the rules need is loaded in bulk (a query per row would make 50 000 rows take minutes).
  const codes = [...new Set(rows.map((r) => (r.cells.project_code ?? '').trim()).filter(Boolean))];
  const projects = new Map(
    (
      await tx
        .selectFrom('investment_projects')
        .select(['id', 'project_code', 'zone_id', 'investment_type', 'country_code', 'vsic_code', 'currency'])
        .where(sql<boolean>`project_code = any(${codes}::text[])`)
        .execute()
    ).map((x) => [x.project_code, x]),
  );
  const projectIds = [...projects.values()].map((x) => x.id);
  const stored = await tx
    .selectFrom('certificate_entries')
    .select([
      'id',
      'project_id',
      'seq',
      'kind',
      'counts_as',
      'certificate_date',
      'effective_date',
      'capital_after',
      'after_usd',
      'after_vnd',
    ])
    .where(sql<boolean>`project_id = any(${projectIds}::uuid[])`)
    .orderBy('project_id')
    .orderBy('seq')
    .execute();
  const storedBy = new Map<string, typeof stored>();
  for (const e of stored) storedBy.set(e.project_id, [...(storedBy.get(e.project_id) ?? []), e]);
  const states = new Map<string, LedgerState>();
  const stateOf = (x: { id: string; currency: string }) => {
    let s = states.get(x.id);
    if (!s) {
      s = replayLedger(x.currency, storedBy.get(x.id) ?? []);
      states.set(x.id, s);
    }
    return s;
  };
  const certNos = [...new Set(rows.map((r) => (r.cells.certificate_no ?? '').trim()).filter(Boolean))];
  const correctsNos = [
    ...new Set(rows.map((r) => (r.cells.corrects_certificate_no ?? '').trim()).filter(Boolean)),
  ];
  const certs = new Map<
    string,
    { id: string; project_id: string; kind: string; capital_change: string; certificate_date: string }
  >();
  const certOwner = new Map<string, string>();
  for (const e of await tx
    .selectFrom('certificate_entries')
    .select([
      'id',
      'project_id',
      'kind',
      'capital_change',
      'certificate_date',
      'certificate_no',
      'amendment_no',
    ])
    .where(sql<boolean>`certificate_no = any(${[...certNos, ...correctsNos]}::text[])`)
    .execute()) {
    certs.set(`${e.certificate_no}|${e.amendment_no}`, e);
    certOwner.set(e.certificate_no, e.project_id);
  }
  const rates = await RateBook.load(tx);
  const canWrite = jurisdiction(ctx, 'registry.project.write');
  const today = todayVn();
  const inserts: ReturnType<typeof ledgerRow>[] = [];
  const inFile = new Map<string, number>();
  let unchanged = 0;
  for (const [i, r] of rows.entries()) {
    if (i % 1000 === 0) opts.onProgress?.({ phase: 'validate', done: i, total: rows.length });
    const c = new Cells(r, p);
    const code = c.text('project_code');
    const project = code ? projects.get(code) : undefined;
    if (!project) {
      p.add(
        r.row,
        'project_code',
        `Không có dự án mã số "${code ?? ''}".`,
        `No project with code "${code ?? ''}".`,
      );
      continue;
    }
    const correctsNo = c.text('corrects_certificate_no');
    const correctsKey = correctsNo ? `${correctsNo}|${c.int('corrects_amendment_no') ?? 0}` : null;
    const correctsId = correctsKey ? (certs.get(correctsKey)?.id ?? null) : null;
    if (correctsKey && !correctsId) {
      p.add(
        r.row,
        'corrects_certificate_no',
        'Không tìm thấy bút toán cần đính chính.',
        'The entry to correct was not found.',
      );
      continue;
    }
    const v = validate(
      LedgerEntryInput,
      {
        kind: c.text('kind') ?? '',
        certificateNo: c.text('certificate_no') ?? '',
        amendmentNo: c.int('amendment_no') ?? 0,
        certificateDate: c.date('certificate_date') ?? '',
        capitalBefore: c.decimal('capital_before'),
        capitalChange: c.decimal('capital_change'),
        capitalAfter: c.decimal('capital_after'),
        changeUsd: c.decimal('change_usd'),
        changeVnd: c.decimal('change_vnd'),
        dealValue: c.decimal('deal_value'),
        dealValueUsd: c.decimal('deal_value_usd'),
        dealValueVnd: c.decimal('deal_value_vnd'),
        correctsEntryId: correctsId,
        reason: c.text('reason'),
        note: c.text('note'),
      },
      r,
      p,
      LEDGER_FIELDS,
    );
    if (!v) continue;
    const key = `${v.certificateNo}|${v.amendmentNo}`;
    if (inFile.has(key)) {
      p.add(
        r.row,
        'certificate_no',
        `Giấy chứng nhận ${v.certificateNo} (lần ${v.amendmentNo}) lặp lại (dòng ${inFile.get(key)}).`,
        `Certificate ${v.certificateNo} (amendment ${v.amendmentNo}) repeats (row ${inFile.get(key)}).`,
      );
      continue;
    }
    inFile.set(key, r.row);
    const prior = certs.get(key);
    if (prior) {
      const identical =
        prior.project_id === project.id &&
        prior.kind === v.kind &&
        prior.certificate_date === v.certificateDate &&
        (v.capitalChange == null || same(prior.capital_change, v.capitalChange));
      if (identical) unchanged += 1;
      else
        p.add(
          r.row,
          'certificate_no',
          `Giấy chứng nhận ${v.certificateNo} (lần ${v.amendmentNo}) đã được ghi với nội dung khác.`,
          `Certificate ${v.certificateNo} (amendment ${v.amendmentNo}) is already recorded differently.`,
        );
      continue;
    }
    const owner = certOwner.get(v.certificateNo);
    if (owner && owner !== project.id) {
      p.add(
        r.row,
        'certificate_no',
        `Số giấy chứng nhận ${v.certificateNo} thuộc dự án khác.`,
        `Certificate number ${v.certificateNo} belongs to another project.`,
      );
      continue;
    }
    if (!(await canWrite([project.zone_id]))) {
      outOfJurisdiction(p, r.row, 'project_code');
      continue;
    }
    const state = stateOf(project);
    const planned = planEntry(state, v, { today, rates });
    if (!planned.ok) {
      for (const f of planned.problems)
        p.list.push({ row: r.row, column: LEDGER_FIELDS[f.field] ?? f.field, message: f.message });
      continue;
    }
    const id = randomUUID();
    planned.next.entries.set(id, {
      kind: planned.entry.kind,
      countsAs: planned.entry.countsAs,
      effectiveDate: planned.entry.effectiveDate,
      seq: planned.entry.seq,
    });
    states.set(project.id, planned.next);
    certs.set(key, {
      id,
      project_id: project.id,
      kind: v.kind,
      capital_change: planned.entry.capitalChange,
      certificate_date: v.certificateDate,
    });
    certOwner.set(v.certificateNo, project.id);
    inserts.push({ ...ledgerRow(project, planned.entry, ctx.actor?.id ?? null), id } as ReturnType<
      typeof ledgerRow
    >);
  }
  opts.onProgress?.({ phase: 'validate', done: rows.length, total: rows.length });
  return async () => {
    for (let i = 0; i < inserts.length; i += 1000) {
      await tx
        .insertInto('certificate_entries')
        .values(inserts.slice(i, i + 1000))
        .execute();
      opts.onProgress?.({ phase: 'write', done: Math.min(i + 1000, inserts.length), total: inserts.length });
    }
    return {
      created: inserts.length,
      updated: 0,
      unchanged,
      keys: inserts.map((e) => `${e.certificate_no}|${e.amendment_no}`),
    };
  };
};

const importPlans: Handler = async (ctx, tx, rows, p) => {
  const existing = new Map(
    (await tx.selectFrom('plans').selectAll().execute()).map((x) => [
      `${x.indicator}|${x.year_from}|${x.year_to}|${x.effective_from}`,
      x,
    ]),
  );
  const inserts: Record<string, unknown>[] = [];
  let unchanged = 0;
  if (rows.length && !(await jurisdiction(ctx, 'registry.plan.write')([]))) {
    outOfJurisdiction(p, rows[0]!.row, 'indicator');
    return null;
  }
  for (const r of rows) {
    const c = new Cells(r, p);
    const v = validate(
      PlanInput,
      {
        indicator: c.text('indicator') ?? '',
        yearFrom: c.int('year_from') ?? 0,
        yearTo: c.int('year_to'),
        value: c.decimal('value'),
        rangeLow: c.decimal('range_low'),
        rangeHigh: c.decimal('range_high'),
        decisionNo: c.text('decision_no'),
        decisionDate: c.date('decision_date'),
        decisionIssuer: c.text('decision_issuer'),
        effectiveFrom: c.date('effective_from') ?? '',
        source: c.text('source'),
        note: c.text('note'),
      },
      r,
      p,
      {
        indicator: 'indicator',
        yearFrom: 'year_from',
        yearTo: 'year_to',
        value: 'value',
        rangeLow: 'range_low',
        rangeHigh: 'range_high',
        effectiveFrom: 'effective_from',
        decisionDate: 'decision_date',
      },
    );
    if (!v) continue;
    const yearTo = v.yearTo ?? v.yearFrom;
    const key = `${v.indicator}|${v.yearFrom}|${yearTo}|${v.effectiveFrom}`;
    const prior = existing.get(key);
    if (prior) {
      if (
        same(prior.value, v.value ?? null) &&
        same(prior.range_low, v.rangeLow ?? null) &&
        same(prior.range_high, v.rangeHigh ?? null)
      )
        unchanged += 1;
      else
        p.add(
          r.row,
          'effective_from',
          'Kế hoạch áp dụng từ ngày này đã có giá trị khác; ghi bản điều chỉnh với ngày khác.',
          'A different plan applies from this date; record the revision with another date.',
        );
      continue;
    }
    const row = {
      indicator: v.indicator,
      year_from: v.yearFrom,
      year_to: yearTo,
      value: v.value ?? null,
      range_low: v.rangeLow ?? null,
      range_high: v.rangeHigh ?? null,
      unit: PLAN_INDICATORS[v.indicator],
      decision_no: v.decisionNo,
      decision_date: v.decisionDate ?? null,
      decision_issuer: v.decisionIssuer,
      effective_from: v.effectiveFrom,
      source: v.source,
      note: v.note,
      recorded_by: ctx.actor?.id ?? null,
    };
    existing.set(key, row as never);
    inserts.push(row);
  }
  return async () => {
    if (inserts.length)
      await tx
        .insertInto('plans')
        .values(inserts as never)
        .execute();
    return {
      created: inserts.length,
      updated: 0,
      unchanged,
      keys: inserts.map((x) => `${x.indicator}|${x.year_from}|${x.effective_from}`),
    };
  };
};

const importExchangeRates: Handler = async (ctx, tx, rows, p) => {
  const all = await tx.selectFrom('exchange_rates').selectAll().execute();
  const inserts: Record<string, unknown>[] = [];
  let unchanged = 0;
  if (rows.length && !(await jurisdiction(ctx, 'registry.plan.write')([]))) {
    outOfJurisdiction(p, rows[0]!.row, 'currency');
    return null;
  }
  const known: {
    currency: string;
    kind: string;
    valid_from: string;
    valid_to: string;
    vnd_per_unit: string;
  }[] = [...all];
  for (const r of rows) {
    const c = new Cells(r, p);
    const v = validate(
      ExchangeRateInput,
      {
        currency: c.text('currency') ?? '',
        kind: c.text('kind') ?? 'yearly_average',
        validFrom: c.date('valid_from') ?? '',
        validTo: c.date('valid_to') ?? '',
        vndPerUnit: c.decimal('vnd_per_unit') ?? '',
        source: c.text('source'),
        decisionNo: c.text('decision_no'),
      },
      r,
      p,
      {
        currency: 'currency',
        kind: 'kind',
        validFrom: 'valid_from',
        validTo: 'valid_to',
        vndPerUnit: 'vnd_per_unit',
      },
    );
    if (!v) continue;
    const same_ = known.find(
      (k) => k.currency === v.currency && k.kind === v.kind && k.valid_from === v.validFrom,
    );
    if (same_ && same_.valid_to === v.validTo && same(same_.vnd_per_unit, v.vndPerUnit)) {
      unchanged += 1;
      continue;
    }
    const overlap = known.find(
      (k) =>
        k.currency === v.currency &&
        k.kind === v.kind &&
        k.valid_from <= v.validTo &&
        k.valid_to >= v.validFrom,
    );
    if (overlap) {
      p.add(
        r.row,
        'valid_from',
        `Trùng thời gian với tỷ giá ${overlap.valid_from} – ${overlap.valid_to}.`,
        `Overlaps the rate ${overlap.valid_from} – ${overlap.valid_to}.`,
      );
      continue;
    }
    const row = {
      currency: v.currency,
      kind: v.kind,
      valid_from: v.validFrom,
      valid_to: v.validTo,
      vnd_per_unit: v.vndPerUnit,
      source: v.source,
      decision_no: v.decisionNo,
      recorded_by: ctx.actor?.id ?? null,
    };
    known.push(row);
    inserts.push(row);
  }
  return async () => {
    if (inserts.length)
      await tx
        .insertInto('exchange_rates')
        .values(inserts as never)
        .execute();
    return {
      created: inserts.length,
      updated: 0,
      unchanged,
      keys: inserts.map((x) => `${x.currency}|${x.valid_from}`),
    };
  };
};

const HANDLERS: Record<ImportEntity, Handler> = {
  zones: importZones,
  zone_events: importZoneEvents,
  zone_areas: importZoneAreas,
  enterprises: importEnterprises,
  projects: importProjects,
  ledger: importLedger,
  plans: importPlans,
  exchange_rates: importExchangeRates,
};

// ---------------------------------------------------------------------------------------------------
// The file

/** Checks the template mark, entity, version and headers; returns the data rows keyed by column. */
function readLayout(
  entity: ImportEntity,
  table: string[][],
  p: Problems,
): { version: number | null; rows: Row[] } {
  const format = FORMATS[entity];
  const mark = table[0] ?? [];
  if ((mark[0] ?? '').trim() !== TEMPLATE_MARK) {
    p.add(
      1,
      null,
      `Không phải mẫu nhập của HEZA: ô A1 phải là "${TEMPLATE_MARK}". Hãy tải mẫu mới.`,
      `Not a HEZA template: cell A1 must read "${TEMPLATE_MARK}". Download the template.`,
    );
    return { version: null, rows: [] };
  }
  if ((mark[1] ?? '').trim() !== entity) {
    p.add(
      1,
      null,
      `Mẫu này dành cho "${mark[1] ?? ''}", không phải "${entity}".`,
      `This template is for "${mark[1] ?? ''}", not "${entity}".`,
    );
    return { version: null, rows: [] };
  }
  const vm = /^v(\d+)$/.exec((mark[2] ?? '').trim());
  const version = vm ? Number(vm[1]) : null;
  if (version !== format.version) {
    p.add(
      1,
      null,
      `Phiên bản mẫu "${mark[2] ?? ''}" không được hỗ trợ (hỗ trợ: v${format.version}). Hãy tải mẫu mới.`,
      `Template version "${mark[2] ?? ''}" is not supported (supported: v${format.version}). Download the current template.`,
    );
    return { version, rows: [] };
  }
  const header = (table[1] ?? []).map(headerKey);
  const known = new Set(format.columns.map((c) => c.key));
  header.forEach((k, i) => {
    if (k && !known.has(k))
      p.add(
        2,
        k,
        `Cột "${table[1]?.[i] ?? k}" không có trong mẫu v${version}.`,
        `Column "${table[1]?.[i] ?? k}" is not in template v${version}.`,
      );
  });
  for (const col of format.columns) {
    if (col.required && !header.includes(col.key))
      p.add(2, col.key, `Thiếu cột bắt buộc "${col.vi}".`, `The required column "${col.en}" is missing.`);
  }
  const dup = header.filter((k, i) => k && header.indexOf(k) !== i);
  for (const k of new Set(dup)) p.add(2, k, `Cột "${k}" xuất hiện hai lần.`, `Column "${k}" appears twice.`);
  if (p.any) return { version, rows: [] };
  const rows: Row[] = [];
  for (let i = 2; i < table.length; i++) {
    const cells = table[i] ?? [];
    if (cells.every((v) => v.trim() === '')) continue;
    if (cells.length > header.length && cells.slice(header.length).some((v) => v.trim() !== '')) {
      p.add(
        i + 1,
        null,
        'Dòng có nhiều ô hơn số cột tiêu đề.',
        'The row has more cells than there are column headers.',
      );
      continue;
    }
    const byKey: Record<string, string> = {};
    header.forEach((k, j) => {
      byKey[k] = cells[j] ?? '';
    });
    rows.push({ row: i + 1, cells: byKey });
  }
  return { version, rows };
}

/**
 * Imports a spreadsheet (XLSX or CSV) of one entity. Every row is checked with the same rules as the API before
 * anything is written, and every problem is reported with its row and column; an accepted file is written in one
 * transaction with one audit row; rows whose natural key exists with the same values are left alone, so
 * importing the same file twice changes nothing. A dry run validates and reports without writing.
 */
export async function importRegistryFile(
  ctx: Ctx,
  entity: ImportEntity,
  file: Buffer,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const p = new Problems();
  const report = (version: number | null, rows: number, o?: Outcome): ImportReport => ({
    entity,
    templateVersion: version,
    dryRun: !!opts.dryRun,
    accepted: !p.any && !!o,
    rows,
    created: o?.created ?? 0,
    updated: o?.updated ?? 0,
    unchanged: o?.unchanged ?? 0,
    problems: p.list.map((x) => ({ ...x, message: pickMessage(x.message, ctx.lang) })),
  });
  let table: string[][];
  try {
    table = await readTable(file, opts.format);
  } catch (err) {
    if (!(err instanceof MalformedFileError)) throw err;
    p.add(
      err.row ?? 1,
      null,
      `Tệp hỏng hoặc sai định dạng: ${err.message}`,
      `The file is damaged or not in the expected format: ${err.message}`,
    );
    return report(null, 0);
  }
  const { version, rows } = readLayout(entity, table, p);
  if (p.any) return report(version, rows.length);
  let outcome: Outcome | undefined;
  try {
    await ctx.db.transaction().execute(async (tx) => {
      const write = await HANDLERS[entity](ctx, tx, rows, p, opts);
      if (p.any || !write) throw new Rollback();
      outcome = await write();
      if (opts.dryRun) throw new Rollback();
      await recordAudit(tx, ctx, {
        action: 'registry.import',
        entityType: 'import',
        entityId: entity,
        after: {
          entity,
          version,
          rows: rows.length,
          created: outcome.created,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
          keys: outcome.keys.slice(0, 1000),
        },
      });
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return report(version, rows.length, p.any ? undefined : outcome);
}
