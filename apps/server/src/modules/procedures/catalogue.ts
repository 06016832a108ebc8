import type { ProcedureSummary, ProcedureView } from '@heza/shared';
import { type Selectable, sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { foldForSearch } from '../../platform/search.ts';
import type { ProcedureTable } from './schema.ts';

type ProcedureRow = Selectable<ProcedureTable>;

/** Presents a procedure version in lists. */
export function presentProcedureSummary(p: ProcedureRow): ProcedureSummary {
  return {
    id: p.id,
    code: p.code,
    version: p.version,
    effectiveFrom: p.effective_from,
    effectiveTo: p.effective_to,
    name: { vi: p.name_vi, en: p.name_en },
    field: { code: p.field_code, vi: p.field_vi, en: p.field_en },
    leadUnit: p.lead_unit,
    timeLimitDays: p.time_limit_days,
    onlineLevel: p.online_level,
  };
}

/** Presents procedure versions with their documents, steps, fees and office (four queries for any number). */
export async function presentProcedures(db: DbOrTx, rows: ProcedureRow[]): Promise<ProcedureView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [docs, steps, fees, offices] = await Promise.all([
    db
      .selectFrom('procedure_documents')
      .selectAll()
      .where('procedure_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('procedure_steps')
      .selectAll()
      .where('procedure_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('procedure_fees')
      .selectAll()
      .where('procedure_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('one_stop_offices')
      .selectAll()
      .where('code', 'in', [...new Set(rows.map((r) => r.office_code))])
      .execute(),
  ]);
  const office = new Map(offices.map((o) => [o.code, o]));
  return rows.map((p) => ({
    ...presentProcedureSummary(p),
    cutoff: p.cutoff,
    supplementClock: p.supplement_clock,
    result: { vi: p.result_vi, en: p.result_en },
    legalBasis: p.legal_basis,
    note: p.note,
    office: {
      code: p.office_code,
      nameVi: office.get(p.office_code)?.name_vi ?? '',
      nameEn: office.get(p.office_code)?.name_en ?? '',
    },
    documents: docs
      .filter((d) => d.procedure_id === p.id)
      .map((d) => ({
        key: d.key,
        nameVi: d.name_vi,
        nameEn: d.name_en,
        originals: d.originals,
        copies: d.copies,
        required: d.required,
      })),
    steps: steps
      .filter((s) => s.procedure_id === p.id)
      .map((s) => ({
        key: s.key,
        nameVi: s.name_vi,
        nameEn: s.name_en,
        unit: s.unit as ProcedureView['steps'][number]['unit'],
        role: s.role,
        days: s.days,
      })),
    fees: fees
      .filter((f) => f.procedure_id === p.id)
      .map((f) => ({
        nameVi: f.name_vi,
        nameEn: f.name_en,
        amountVnd: f.amount_vnd,
        noteVi: f.note_vi,
        noteEn: f.note_en,
      })),
  }));
}

/** The version of a procedure in force on a date, or undefined. */
export async function findProcedureOn(
  db: DbOrTx,
  code: string,
  on: string,
): Promise<ProcedureRow | undefined> {
  return db
    .selectFrom('procedures')
    .selectAll()
    .where('code', '=', code)
    .where('effective_from', '<=', on)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', on)]))
    .executeTakeFirst();
}

/** The version of a procedure in force on a date, with everything; throws NOT_FOUND. */
export async function getProcedureOn(db: DbOrTx, code: string, on: string): Promise<ProcedureView> {
  const row = await findProcedureOn(db, code, on);
  if (!row) throw notFound({ vi: 'thủ tục hành chính', en: 'Procedure' });
  return (await presentProcedures(db, [row]))[0]!;
}

/** A procedure version by id, with everything; throws NOT_FOUND. */
export async function getProcedureById(db: DbOrTx, id: string): Promise<ProcedureView> {
  const row = await db.selectFrom('procedures').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ vi: 'thủ tục hành chính', en: 'Procedure' });
  return (await presentProcedures(db, [row]))[0]!;
}

/** The catalogue in force on a date, by field and code; searchable without diacritics. */
export async function listCatalogue(
  db: DbOrTx,
  q: { on: string; q?: string; field?: string; onlineLevel?: string },
): Promise<ProcedureSummary[]> {
  let query = db
    .selectFrom('procedures')
    .selectAll()
    .where('effective_from', '<=', q.on)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', q.on)]));
  if (q.field) query = query.where('field_code', '=', q.field);
  if (q.onlineLevel)
    query = query.where('online_level', '=', q.onlineLevel as ProcedureTable['online_level']);
  if (q.q) {
    const needle = `%${foldForSearch(q.q)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`f_unaccent(name_vi)`, 'like', needle),
        eb(sql`lower(name_en)`, 'like', needle),
        eb(sql`lower(code)`, 'like', needle),
      ]),
    );
  }
  const rows = await query.orderBy('field_code').orderBy('code').execute();
  return rows.map(presentProcedureSummary);
}

/** Every version of a procedure, newest first. */
export async function listProcedureVersions(db: DbOrTx, code: string): Promise<ProcedureView[]> {
  const rows = await db
    .selectFrom('procedures')
    .selectAll()
    .where('code', '=', code)
    .orderBy('version', 'desc')
    .execute();
  if (rows.length === 0) throw notFound({ vi: 'thủ tục hành chính', en: 'Procedure' });
  return presentProcedures(db, rows);
}
