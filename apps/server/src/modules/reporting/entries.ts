/**
 * One report = form × enterprise × period. This file holds what the entry commands share: the report's state
 * (submission, submitted values, lock), the lock check with unlock exceptions, the checks of the values, and
 * writing submitted values with one history row per changed value — always inside the caller's transaction.
 */
import {
  bilingual,
  formatDateVi,
  type Lang,
  type Period,
  periodEnd,
  periodId,
  periodLabel,
  pickMessage,
} from '@heza/shared';
import { cmp, rational, toPlainDecimal } from '@heza/shared/exact';
import type { EntryProblem, EntryValueInput, ParsedEntry } from '@heza/shared/reporting-rules';
import { checkEntry } from '@heza/shared/reporting-rules';
import type { Selectable } from 'kysely';
import type { DbOrTx, Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { entryDefinition, type FormDef, type FormRow } from './forms.ts';
import { clock, lockDate } from './schedule.ts';
import type { ReportSubmissionTable } from './schema.ts';

export type SubmissionRow = Selectable<ReportSubmissionTable>;
export const REPORT_ENTITY = { vi: 'báo cáo', en: 'Report' };

/** A submitted value as stored. */
export interface StoredValue {
  indicator_id: number;
  combo: string;
  value: string;
  is_estimate: boolean;
  weight: string | null;
}

/** The submission of a report, if any. */
export async function findSubmission(db: DbOrTx, formId: string, enterpriseId: string, period: string) {
  return db
    .selectFrom('report_submissions')
    .selectAll()
    .where('form_id', '=', formId)
    .where('enterprise_id', '=', enterpriseId)
    .where('period_id', '=', period)
    .executeTakeFirst();
}

/** The submitted values of a submission. */
export async function storedValues(db: DbOrTx, submissionId: string): Promise<StoredValue[]> {
  return db
    .selectFrom('report_values')
    .select(['indicator_id', 'combo', 'value', 'is_estimate', 'weight'])
    .where('submission_id', '=', submissionId)
    .execute();
}

/** The unlock exception in force for this report today, if any (its last open day). */
export async function unlockedUntil(
  db: DbOrTx,
  formId: string,
  period: string,
  enterpriseId: string,
  today = clock.today(),
): Promise<string | null> {
  const row = await db
    .selectFrom('report_unlocks')
    .select('open_until')
    .where('form_id', '=', formId)
    .where('period_id', '=', period)
    .where((eb) => eb.or([eb('enterprise_id', '=', enterpriseId), eb('enterprise_id', 'is', null)]))
    .where('revoked_at', 'is', null)
    .where('open_until', '>=', today)
    .orderBy('open_until', 'desc')
    .executeTakeFirst();
  return row?.open_until ?? null;
}

/** Whether the report can still be changed today: before the lock day, or under an unlock exception. */
export async function lockState(
  db: DbOrTx,
  form: FormRow,
  p: Period,
  enterpriseId: string,
  today = clock.today(),
) {
  const lock = lockDate(form, p);
  if (today <= lock) return { locked: false, lockDate: lock, unlockedUntil: null as string | null };
  const until = await unlockedUntil(db, form.id, periodId(p), enterpriseId, today);
  return { locked: until === null, lockDate: lock, unlockedUntil: until };
}

/** Throws INVALID_STATE (naming the period) when the report is locked. */
export async function assertOpen(
  db: DbOrTx,
  form: FormRow,
  p: Period,
  enterpriseId: string,
  today = clock.today(),
) {
  const state = await lockState(db, form, p, enterpriseId, today);
  if (!state.locked) return state;
  throw new AppError('INVALID_STATE', {
    details: [
      {
        field: 'period',
        message: bilingual(
          `Kỳ ${periodLabel(p, 'vi')} đã khóa số liệu từ sau ngày ${formatDateVi(state.lockDate)} (ngày khóa số liệu; hạn nộp là ngày khác, sớm hơn). Liên hệ Ban Quản lý để được mở khóa.`,
          `${periodLabel(p, 'en')} is locked: the lock day was ${state.lockDate} (the due day is another, earlier date). Ask the authority to unlock it.`,
        ),
      },
    ],
  });
}

/** Values shaped for the shared checks from stored rows (ids → codes). */
export function toEntryValues(def: FormDef, rows: StoredValue[]): EntryValueInput[] {
  return rows.flatMap((r) => {
    const ind = def.catalogue.byId.get(r.indicator_id);
    return ind
      ? [{ indicator: ind.code, combo: r.combo, value: trimValue(r.value), estimate: r.is_estimate }]
      : [];
  });
}

/** "1200.500000" → "1200.5". */
export function trimValue(v: string): string {
  return v.includes('.') ? v.replace(/\.?0+$/, '') : v;
}

/** Runs the shared checks for a period. */
export function checkValues(
  def: FormDef,
  p: Period,
  values: EntryValueInput[],
  mode: 'draft' | 'submit',
  today = clock.today(),
) {
  return checkEntry(entryDefinition(def), values, {
    mode,
    periodEnded: today > periodEnd(p),
    periodLabelVi: periodLabel(p, 'vi'),
    periodLabelEn: periodLabel(p, 'en'),
    periodEndText: formatDateVi(periodEnd(p)),
  });
}

/** Problems with their messages in the request's language (errors are localised by the error handler). */
export function localiseProblems<T extends { message: string }>(problems: T[], lang: Lang): T[] {
  return problems.map((p) => ({ ...p, message: pickMessage(p.message, lang) }));
}

/** Throws VALIDATION_FAILED with every blocking problem (row-numbered for imports). */
export function throwIfBlocking(problems: EntryProblem[], row?: number) {
  const blocking = problems.filter((p) => p.severity === 'blocking');
  if (!blocking.length) return;
  throw new AppError('VALIDATION_FAILED', {
    details: blocking.map((p) => ({ field: p.field, message: p.message, ...(row !== undefined && { row }) })),
  });
}

/** Checks the version the client edited against the stored one (optimistic concurrency). */
export function assertVersion(current: SubmissionRow | undefined, version: number | undefined) {
  if (version === undefined) return;
  const now = current?.version ?? 0;
  if (version !== now) {
    throw new AppError('CONFLICT', {
      params: { field: { vi: 'phiên bản', en: 'version' } },
      details: [
        {
          field: 'version',
          message: bilingual(
            'Báo cáo vừa được người khác thay đổi; tải lại để xem số liệu mới nhất.',
            'The report was changed by someone else meanwhile; reload it to see the latest values.',
          ),
        },
      ],
    });
  }
}

/**
 * Makes the stored values of a submission equal to `parsed`: inserts, updates and deletes only what changed
 * and appends one history row per change (value, estimate flag, before and after). Returns the changes.
 */
export async function writeValues(
  tx: Tx,
  ctx: Ctx & { systemLabel?: string },
  def: FormDef,
  submission: {
    id: string;
    enterprise_id: string;
    period_start: string;
    period_end: string;
    dims_id: number;
  },
  parsed: ParsedEntry,
  source: 'online' | 'staff' | 'import' | 'demo',
  comment: string | null,
) {
  const current = await storedValues(tx, submission.id);
  const byKey = new Map(current.map((c) => [`${c.indicator_id}|${c.combo}`, c]));
  const now = clock.now();
  const common = {
    submission_id: submission.id,
    enterprise_id: submission.enterprise_id,
    period_start: submission.period_start,
    period_end: submission.period_end,
    dims_id: submission.dims_id,
  };
  const upserts: {
    indicator_id: number;
    combo: string;
    value: string;
    is_estimate: boolean;
    weight: string | null;
  }[] = [];
  const history: {
    indicator_id: number;
    combo: string;
    value: string | null;
    is_estimate: boolean | null;
    previous_value: string | null;
    previous_is_estimate: boolean | null;
  }[] = [];
  const seen = new Set<string>();
  // A weighted average's value carries the weight of its report (average income: the report's labour), so the
  // rollup can add value × weight row by row.
  const weightOf = (indicatorId: number | null) => {
    if (indicatorId === null) return null;
    const code = def.catalogue.byId.get(indicatorId)?.code;
    const w = code ? parsed.get(`${code}|`) : undefined;
    return w ? toPlainDecimal(w.value, 6) : null;
  };
  for (const v of parsed.values()) {
    const ind = def.catalogue.byCode.get(v.indicator)!;
    const key = `${ind.id}|${v.combo}`;
    seen.add(key);
    const old = byKey.get(key);
    const text = toPlainDecimal(v.value, 6);
    const weight = v.combo === '' ? weightOf(ind.weightIndicatorId) : null;
    const sameValue = old && cmp(rational(old.value), v.value) === 0 && old.is_estimate === v.estimate;
    const sameWeight =
      (old?.weight ?? null) === null
        ? weight === null
        : weight !== null && cmp(rational(old!.weight!), rational(weight)) === 0;
    if (sameValue && sameWeight) continue;
    upserts.push({ indicator_id: ind.id, combo: v.combo, value: text, is_estimate: v.estimate, weight });
    // A change of weight alone is not a change of the value: no history row for it.
    if (sameValue) continue;
    history.push({
      indicator_id: ind.id,
      combo: v.combo,
      value: text,
      is_estimate: v.estimate,
      previous_value: old?.value ?? null,
      previous_is_estimate: old?.is_estimate ?? null,
    });
  }
  const removed = current.filter((c) => !seen.has(`${c.indicator_id}|${c.combo}`));
  for (const r of removed) {
    history.push({
      indicator_id: r.indicator_id,
      combo: r.combo,
      value: null,
      is_estimate: null,
      previous_value: r.value,
      previous_is_estimate: r.is_estimate,
    });
  }
  if (removed.length) {
    for (const r of removed) {
      await tx
        .deleteFrom('report_values')
        .where('submission_id', '=', submission.id)
        .where('indicator_id', '=', r.indicator_id)
        .where('combo', '=', r.combo)
        .execute();
    }
  }
  if (upserts.length) {
    await tx
      .insertInto('report_values')
      .values(upserts.map((u) => ({ ...common, ...u, updated_at: now })))
      .onConflict((oc) =>
        oc.columns(['submission_id', 'indicator_id', 'combo']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          is_estimate: eb.ref('excluded.is_estimate'),
          weight: eb.ref('excluded.weight'),
          dims_id: eb.ref('excluded.dims_id'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  if (history.length) {
    await tx
      .insertInto('report_value_history')
      .values(
        history.map((h) => ({
          ...common,
          ...h,
          changed_at: now,
          changed_by: ctx.actor?.id ?? null,
          changed_by_label: ctx.actor?.email ?? ctx.systemLabel ?? null,
          source,
          comment,
        })),
      )
      .execute();
  }
  return history.map((h) => ({
    indicator: def.catalogue.byId.get(h.indicator_id)?.code ?? String(h.indicator_id),
    combo: h.combo,
    from: h.previous_value === null ? null : trimValue(h.previous_value),
    to: h.value === null ? null : trimValue(h.value),
    estimate: h.is_estimate,
  }));
}
