import {
  type DossierSummary,
  type DossierView,
  type SupplementItem,
  type TrackView,
  toIsoDateVn,
} from '@heza/shared';
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { listFilter } from '../../platform/auth/policy.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { foldForSearch } from '../../platform/search.ts';
import { authorizeDossier, type DossierRow, ONE_STOP_UNIT } from './access.ts';
import { DOSSIER_CODE_PATTERN, sameSecret } from './code.ts';
import { CLOCK_RUNNING } from './lifecycle.ts';
import { isOverdue, presentDossier, presentDossierSummaries } from './presenter.ts';
import { now } from './time.ts';

/** Loads a dossier the actor may read, or throws NOT_FOUND / FORBIDDEN / OUT_OF_JURISDICTION. */
export async function getReadableDossier(ctx: Ctx, id: string): Promise<DossierRow> {
  const d = await ctx.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw notFound({ vi: 'hồ sơ', en: 'Dossier' });
  authorizeDossier(ctx.actor, 'procedures.dossier.read', d);
  return d;
}

/** One dossier with everything, for an actor who may read it. */
export async function getDossier(ctx: Ctx, id: string): Promise<DossierView> {
  return presentDossier(ctx.db, await getReadableDossier(ctx, id));
}

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** Lists dossiers the actor may read (their zones, their enterprise, or all), newest first. */
export async function listDossiers(
  ctx: Ctx,
  q: {
    page: number;
    pageSize: number;
    status?: string;
    procedureCode?: string;
    unit?: string;
    q?: string;
    overdue?: boolean;
  },
): Promise<Page<DossierSummary>> {
  const filter = listFilter(ctx.actor, 'procedures.dossier.read');
  let query = ctx.db.selectFrom('dossiers').innerJoin('procedures', 'procedures.id', 'dossiers.procedure_id');
  if (filter.kind === 'zones')
    query = query.where('dossiers.zone_id', 'in', filter.zoneIds.length ? filter.zoneIds : ['']);
  if (filter.kind === 'enterprise') query = query.where('dossiers.enterprise_id', '=', filter.enterpriseId);
  if (q.status) query = query.where('dossiers.status', '=', q.status);
  if (q.procedureCode) query = query.where('procedures.code', '=', q.procedureCode);
  if (q.unit) query = query.where('procedures.lead_unit', '=', q.unit);
  if (q.overdue) {
    query = query
      .where('dossiers.status', 'in', [...CLOCK_RUNNING])
      .where('dossiers.legal_due_date', '<', toIsoDateVn(now()));
  }
  if (q.q) {
    const needle = `%${foldForSearch(q.q)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`f_unaccent(dossiers.applicant_name)`, 'like', needle),
        eb(sql`lower(coalesce(dossiers.code, ''))`, 'like', needle),
        eb(sql`f_unaccent(dossiers.subject)`, 'like', needle),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('dossiers')
      .orderBy('dossiers.submitted_at', 'desc')
      .orderBy('dossiers.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: await presentDossierSummaries(ctx.db, rows),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * The actor's work queue, by unit and role, most urgent first: the one-stop sees submissions to check,
 * received dossiers to hand over and results to return, plus the steps of its own unit; a unit's staff
 * see the staff steps of their unit; leaders see the leader steps. `mine` keeps what is assigned to them.
 */
export async function workQueue(
  ctx: Ctx,
  q: { page: number; pageSize: number; mine?: boolean },
): Promise<Page<DossierSummary>> {
  const filter = listFilter(ctx.actor, 'procedures.dossier.read');
  const actor = ctx.actor!;
  let query = ctx.db
    .selectFrom('dossiers')
    .leftJoin('dossier_steps', (j) =>
      j
        .onRef('dossier_steps.dossier_id', '=', 'dossiers.id')
        .onRef('dossier_steps.position', '=', 'dossiers.current_step'),
    );
  if (filter.kind === 'zones')
    query = query.where('dossiers.zone_id', 'in', filter.zoneIds.length ? filter.zoneIds : ['']);
  if (filter.kind === 'enterprise') query = query.where('dossiers.enterprise_id', '=', filter.enterpriseId);
  query = query.where((eb) => {
    const stepOfMine =
      actor.role === 'leader'
        ? eb.and([eb('dossiers.status', '=', 'processing'), eb('dossier_steps.role', '=', 'leader')])
        : eb.and([
            eb('dossiers.status', '=', 'processing'),
            eb('dossier_steps.role', '=', 'staff'),
            eb('dossier_steps.unit', '=', actor.department ?? ''),
          ]);
    if (actor.role === 'staff' && actor.department === ONE_STOP_UNIT && !q.mine) {
      return eb.or([stepOfMine, eb('dossiers.status', 'in', ['submitted', 'received', 'result_ready'])]);
    }
    return stepOfMine;
  });
  if (q.mine) query = query.where('dossier_steps.assignee_id', '=', actor.id);
  const [rows, count] = await Promise.all([
    query
      .selectAll('dossiers')
      .orderBy(sql`coalesce(dossier_steps.due_date, dossiers.legal_due_date)`, (ob) => ob.asc().nullsLast())
      .orderBy('dossiers.submitted_at')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: await presentDossierSummaries(ctx.db, rows),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A secret nobody holds, so a lookup of an unknown code still spends the time of a comparison. */
const NO_SECRET = '!!!!';

/**
 * What the public tracking page needs of one dossier, read in one round trip (plus one for the open
 * supplement request of the few dossiers waiting for one). Holds the secret: never sent anywhere as is.
 */
export interface TrackingRecord {
  id: string;
  code: string;
  secret: string;
  status: string;
  procedure: { vi: string; en: string };
  receivedAt: Date | null;
  dueAt: Date | null;
  legalDueDate: string | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  steps: { vi: string; en: string; unit: string; done: boolean; position: number }[];
  currentStep: number | null;
  supplementRequested: string[];
}

/** Upper-cased, trimmed: the form in which codes are stored and cached. */
export function normaliseDossierCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The tracking record of a dossier code, or undefined (malformed or unknown code). */
export async function loadTrackingRecord(db: DbOrTx, code: string): Promise<TrackingRecord | undefined> {
  const normalised = normaliseDossierCode(code);
  if (!DOSSIER_CODE_PATTERN.test(normalised)) return undefined;
  // A plain join plans fastest.
  const rows = await db
    .selectFrom('dossiers')
    .innerJoin('procedures', 'procedures.id', 'dossiers.procedure_id')
    .leftJoin('dossier_steps', 'dossier_steps.dossier_id', 'dossiers.id')
    .select([
      'dossiers.id',
      'dossiers.code',
      'dossiers.status',
      'dossiers.tracking_secret',
      'dossiers.received_at',
      'dossiers.due_at',
      'dossiers.legal_due_date',
      'dossiers.finished_at',
      'dossiers.returned_at',
      'dossiers.current_step',
      'procedures.name_vi',
      'procedures.name_en',
      'dossier_steps.position',
      'dossier_steps.name_vi as step_vi',
      'dossier_steps.name_en as step_en',
      'dossier_steps.unit',
      'dossier_steps.completed_at',
    ])
    .where('dossiers.code', '=', normalised)
    .orderBy('dossier_steps.position')
    .execute();
  const d = rows[0];
  if (!d) return undefined;
  const waiting = d.status === 'appraisal_supplement' || d.status === 'intake_supplement';
  const open = waiting
    ? await db
        .selectFrom('dossier_supplements')
        .select('items')
        .where('dossier_id', '=', d.id)
        .where('fulfilled_at', 'is', null)
        .orderBy('number', 'desc')
        .executeTakeFirst()
    : undefined;
  return {
    id: d.id,
    code: d.code!,
    secret: d.tracking_secret,
    status: d.status,
    procedure: { vi: d.name_vi, en: d.name_en },
    receivedAt: d.received_at,
    dueAt: d.due_at,
    legalDueDate: d.legal_due_date,
    finishedAt: d.finished_at,
    returnedAt: d.returned_at,
    currentStep: d.current_step,
    steps: rows
      .filter((s) => s.position !== null)
      .map((s) => ({
        vi: s.step_vi!,
        en: s.step_en!,
        unit: s.unit!,
        done: s.completed_at !== null,
        position: s.position!,
      })),
    supplementRequested: ((open?.items as SupplementItem[] | undefined) ?? []).map((i) => i.name),
  };
}

/**
 * The public view of a tracking record for a visitor holding `secret`, or undefined. A missing record and a
 * wrong secret give the same answer after the same work (a constant-time comparison either way). Shows
 * progress only, no personal data; "overdue" is decided now, not when the record was read.
 */
export function trackingView(
  record: TrackingRecord | undefined,
  secret: string,
  at: Date = now(),
): (TrackView & { id: string }) | undefined {
  const ok = sameSecret(secret, record?.secret ?? NO_SECRET);
  if (!record || !ok) return undefined;
  return {
    id: record.id,
    code: record.code,
    procedure: record.procedure,
    status: record.status as TrackView['status'],
    receivedAt: record.receivedAt?.toISOString() ?? null,
    dueAt: record.dueAt?.toISOString() ?? null,
    finishedAt: record.finishedAt?.toISOString() ?? null,
    returnedAt: record.returnedAt?.toISOString() ?? null,
    overdue: isOverdue({ status: record.status, legal_due_date: record.legalDueDate }, at),
    steps: record.steps.map((s) => ({
      name: { vi: s.vi, en: s.en },
      unit: s.unit,
      done: s.done,
      current: s.position === record.currentStep,
    })),
    supplementRequested: record.supplementRequested,
  };
}

/**
 * Public tracking by dossier code and the 4-character secret of the receipt, straight from the database.
 * The public pages go through the tracking cache (`tracking-cache.ts`) instead.
 */
export async function trackDossier(
  db: DbOrTx,
  code: string,
  secret: string,
): Promise<(TrackView & { id: string }) | undefined> {
  return trackingView(await loadTrackingRecord(db, code), secret);
}

/** A dossier by id for an applicant holding its secret (guest supplements, form downloads); else NOT_FOUND. */
export async function getDossierWithSecret(db: DbOrTx, id: string, secret: string): Promise<DossierRow> {
  const d = await db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
  const ok = sameSecret(secret, d?.tracking_secret ?? NO_SECRET);
  if (!d || !ok) throw notFound({ vi: 'hồ sơ', en: 'Dossier' });
  return d;
}

/** Throws NOT_FOUND unless the file belongs to the dossier (one of its documents or its result). */
export async function assertDossierFile(db: DbOrTx, d: DossierRow, fileId: string): Promise<void> {
  if (d.result_file_id === fileId) return;
  const doc = await db
    .selectFrom('dossier_documents')
    .select('id')
    .where('dossier_id', '=', d.id)
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  if (!doc) throw new AppError('NOT_FOUND', { params: { entity: { vi: 'tệp', en: 'File' } } });
}
