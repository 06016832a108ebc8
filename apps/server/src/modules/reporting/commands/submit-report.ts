import { bilingual, type Period, periodEnd, periodId, periodStart } from '@heza/shared';
import { EntrySubmitInput, type EntrySubmitInput as EntrySubmitInputType } from '@heza/shared/reporting';
import type { EntryValueInput } from '@heza/shared/reporting-rules';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { assertEnterpriseAccess } from '../access.ts';
import { enterpriseDimsId } from '../dims.ts';
import {
  assertOpen,
  assertVersion,
  checkValues,
  findSubmission,
  storedValues,
  throwIfBlocking,
  toEntryValues,
  writeValues,
} from '../entries.ts';
import { type FormDef, getFormDef, isExpected } from '../forms.ts';
import { clock, formPeriod } from '../schedule.ts';

/** Where submitted values came from. */
export type SubmitSource = 'online' | 'staff' | 'import' | 'demo';

/** Throws VALIDATION_FAILED (field `enterpriseId`) unless the enterprise must report this form. */
export async function assertExpected(tx: Tx | Ctx['db'], def: FormDef, enterpriseId: string, row?: number) {
  if (await isExpected(tx, def.form, enterpriseId)) return;
  throw new AppError('VALIDATION_FAILED', {
    details: [
      {
        field: 'enterpriseId',
        message: bilingual(
          `Doanh nghiệp không thuộc đối tượng phải báo cáo theo biểu mẫu ${def.form.code}.`,
          `The enterprise is not among those that report form ${def.form.code}.`,
        ),
        ...(row !== undefined && { row }),
      },
    ],
  });
}

/**
 * The submission itself, inside the caller's transaction (the spreadsheet import submits many reports in one
 * transaction): checks the values in submit mode, records the submission (the first submission decides
 * timeliness), writes the changed values with their history and the audit row.
 */
export async function submitInTx(
  tx: Tx,
  ctx: Ctx,
  def: FormDef,
  enterpriseId: string,
  p: Period,
  opts: {
    values?: EntryValueInput[];
    version?: number;
    comment?: string | null;
    source: SubmitSource;
    row?: number;
  },
) {
  const today = clock.today();
  const current = await findSubmission(tx, def.form.id, enterpriseId, periodId(p));
  assertVersion(current, opts.version);
  const draftValues = (current?.draft as { values?: EntryValueInput[] } | null)?.values;
  const values =
    opts.values ?? draftValues ?? (current ? toEntryValues(def, await storedValues(tx, current.id)) : []);
  const { problems, parsed } = checkValues(def, p, values, 'submit', today);
  throwIfBlocking(problems, opts.row);
  const now = clock.now();
  const dims = current?.dims_id ?? (await enterpriseDimsId(tx, enterpriseId));
  const fields = {
    status: 'submitted',
    draft: null,
    draft_saved_at: null,
    dims_id: dims,
    submitted_at: now,
    submitted_by: ctx.actor?.id ?? null,
    last_source: opts.source,
    updated_at: now,
  };
  const row = current
    ? await tx
        .updateTable('report_submissions')
        .set({
          ...fields,
          first_submitted_at: current.first_submitted_at ?? now,
          version: current.version + 1,
        })
        .where('id', '=', current.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await tx
        .insertInto('report_submissions')
        .values({
          ...fields,
          form_id: def.form.id,
          enterprise_id: enterpriseId,
          period_id: periodId(p),
          period_start: periodStart(p),
          period_end: periodEnd(p),
          first_submitted_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
  const changes = await writeValues(
    tx,
    ctx,
    def,
    { ...row, dims_id: dims },
    parsed,
    opts.source,
    opts.comment ?? null,
  );
  await recordAudit(tx, ctx, {
    action: 'reporting.report.submit',
    entityType: 'report_submission',
    entityId: row.id,
    before: current ? { status: current.status, version: current.version } : undefined,
    after: { status: row.status, version: row.version, source: opts.source, changes },
  });
  return {
    submissionId: row.id,
    status: row.status as 'submitted',
    version: row.version,
    changes: changes.length,
    warnings: problems.filter((x) => x.severity === 'warning'),
  };
}

/**
 * Submits a report (form × enterprise × period), online by the enterprise or entered by staff on its behalf:
 * blocking problems (malformed values, missing values, breakdowns that do not add up, blocking rules) refuse
 * it and write nothing; warnings are returned. After the lock day it is refused unless an unlock exception
 * is in force. A submitted report can be corrected until the lock day (each change kept in the history).
 */
export async function submitReport(
  ctx: Ctx,
  key: { formId: string; enterpriseId: string; periodId: string },
  input: EntrySubmitInputType,
) {
  const v = parseInput(EntrySubmitInput, input);
  const def = await getFormDef(ctx.db, key.formId);
  await assertEnterpriseAccess(ctx, 'reporting.submission.write', key.enterpriseId);
  const today = clock.today();
  const p = formPeriod(def.form, key.periodId, 'period', today);
  await assertExpected(ctx.db, def, key.enterpriseId);
  await assertOpen(ctx.db, def.form, p, key.enterpriseId, today);
  const source: SubmitSource = ctx.actor?.role === 'enterprise' ? 'online' : 'staff';
  return ctx.db.transaction().execute((tx) =>
    submitInTx(tx, ctx, def, key.enterpriseId, p, {
      values: v.values,
      version: v.version,
      comment: v.comment,
      source,
    }),
  );
}
