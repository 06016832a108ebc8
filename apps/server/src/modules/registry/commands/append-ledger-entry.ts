import { bilingual } from '@heza/shared';
import {
  LedgerEntryInput,
  type LedgerEntryInput as LedgerEntryInputType,
  todayVn,
} from '@heza/shared/registry';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { RateBook } from '../fx.ts';
import { type LedgerState, type PlannedEntry, planEntry, replayLedger } from '../ledger-rules.ts';
import { getLedgerEntry, PROJECT_ENTITY } from '../queries.ts';
import { assertCan } from '../scope.ts';
import { invalid, prefixed } from './errors.ts';

const CERTIFICATE_LABEL = { vi: 'số giấy chứng nhận', en: 'certificate number' };

/** The project's classification that each entry copies (figures by zone, country, sector and type). */
export interface ProjectClassification {
  id: string;
  zone_id: string;
  investment_type: string;
  country_code: string;
  vsic_code: string;
  currency: string;
}

/** Replays a project's stored entries into the state the next entry is checked against. */
export async function loadLedgerState(tx: Tx, projectId: string, currency: string): Promise<LedgerState> {
  const stored = await tx
    .selectFrom('certificate_entries')
    .select([
      'id',
      'seq',
      'kind',
      'counts_as',
      'certificate_date',
      'effective_date',
      'capital_after',
      'after_usd',
      'after_vnd',
    ])
    .where('project_id', '=', projectId)
    .orderBy('seq')
    .execute();
  return replayLedger(currency, stored);
}

/** Problems when a certificate number and amendment are already in the ledger, or belong to another project. */
export async function certificateProblems(
  tx: Tx,
  projectId: string,
  certificateNo: string,
  amendmentNo: number,
): Promise<FieldProblem[]> {
  const rows = await tx
    .selectFrom('certificate_entries')
    .select(['project_id', 'amendment_no'])
    .where('certificate_no', '=', certificateNo)
    .execute();
  if (rows.some((r) => r.amendment_no === amendmentNo)) {
    return [
      {
        field: 'certificateNo',
        message: bilingual(
          `Giấy chứng nhận số ${certificateNo} (lần ${amendmentNo}) đã được ghi vào sổ.`,
          `Certificate ${certificateNo} (amendment ${amendmentNo}) is already in the ledger.`,
        ),
      },
    ];
  }
  if (rows.some((r) => r.project_id !== projectId)) {
    return [
      {
        field: 'certificateNo',
        message: bilingual(
          `Số giấy chứng nhận ${certificateNo} đã thuộc về một dự án khác.`,
          `Certificate number ${certificateNo} belongs to another project.`,
        ),
      },
    ];
  }
  return [];
}

/** The row to insert for a planned entry of a project. */
export function ledgerRow(
  p: ProjectClassification,
  e: PlannedEntry,
  recordedBy: string | null,
  isDemo = false,
) {
  return {
    project_id: p.id,
    seq: e.seq,
    kind: e.kind,
    certificate_no: e.certificateNo,
    amendment_no: e.amendmentNo,
    certificate_date: e.certificateDate,
    effective_date: e.effectiveDate,
    counts_as: e.countsAs,
    corrects_entry_id: e.correctsEntryId,
    currency: e.currency,
    capital_before: e.capitalBefore,
    capital_change: e.capitalChange,
    capital_after: e.capitalAfter,
    change_usd: e.changeUsd,
    change_vnd: e.changeVnd,
    after_usd: e.afterUsd,
    after_vnd: e.afterVnd,
    deal_value: e.dealValue,
    deal_value_usd: e.dealValueUsd,
    deal_value_vnd: e.dealValueVnd,
    fx_source: e.fxSource,
    fx_rate_id: e.fxRateId,
    fx_vnd_per_usd: e.fxVndPerUsd,
    zone_id: p.zone_id,
    investment_type: p.investment_type,
    country_code: p.country_code,
    vsic_code: p.vsic_code,
    reason: e.reason,
    note: e.note,
    is_demo: isDemo,
    recorded_by: recordedBy,
  };
}

/**
 * Checks and inserts one entry for a project inside the caller's transaction (the project row must already be
 * locked). Problems are thrown with their field names prefixed by `prefix` when given.
 */
export async function insertLedgerEntry(
  ctx: Ctx,
  tx: Tx,
  project: ProjectClassification,
  v: ReturnType<typeof LedgerEntryInput.parse>,
  prefix?: string,
) {
  const state = await loadLedgerState(tx, project.id, project.currency);
  const dup = await certificateProblems(tx, project.id, v.certificateNo, v.amendmentNo);
  if (dup.length) {
    throw new AppError('CONFLICT', {
      params: { field: CERTIFICATE_LABEL },
      details: prefix ? prefixed(dup, prefix) : dup,
    });
  }
  const planned = planEntry(state, v, { today: todayVn(), rates: await RateBook.load(tx) });
  if (!planned.ok) throw invalid(prefix ? prefixed(planned.problems, prefix) : planned.problems);
  const row = await tx
    .insertInto('certificate_entries')
    .values(ledgerRow(project, planned.entry, ctx.actor?.id ?? null))
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(tx, ctx, {
    action: 'registry.ledger.append',
    entityType: 'project',
    entityId: project.id,
    after: { entryId: row.id, ...planned.entry },
  });
  return row.id;
}

/**
 * Appends one certificate event to a project's immutable ledger: new registration, adjustment, share purchase,
 * termination, transfer in/out, or a correction of an earlier entry. The project row is locked so concurrent
 * appends are checked in turn against the same running capital.
 */
export async function appendLedgerEntry(ctx: Ctx, projectId: string, input: LedgerEntryInputType) {
  const v = parseInput(LedgerEntryInput, input);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const project = await tx
      .selectFrom('investment_projects')
      .select(['id', 'zone_id', 'enterprise_id', 'investment_type', 'country_code', 'vsic_code', 'currency'])
      .where('id', '=', projectId)
      .forUpdate()
      .executeTakeFirst();
    if (!project) throw new AppError('NOT_FOUND', { params: { entity: PROJECT_ENTITY } });
    await assertCan(ctx, 'registry.project.write', [project.zone_id]);
    return insertLedgerEntry(ctx, tx, project, v);
  });
  return getLedgerEntry(ctx.db, id);
}
