import { periodEnd, periodId, periodStart } from '@heza/shared';
import { EntrySaveInput, type EntrySaveInput as EntrySaveInputType } from '@heza/shared/reporting';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { assertEnterpriseAccess } from '../access.ts';
import { assertOpen, assertVersion, checkValues, findSubmission, throwIfBlocking } from '../entries.ts';
import { getFormDef } from '../forms.ts';
import { clock, formPeriod } from '../schedule.ts';
import { assertExpected } from './submit-report.ts';

/**
 * Saves the values typed so far as the report's working copy (draft). Malformed values are refused; missing
 * values, breakdowns and rules are only reported (they block the submission, not the draft). A draft is never
 * read by analytics: a submitted report keeps counting with its submitted values until it is submitted again.
 */
export async function saveReportDraft(
  ctx: Ctx,
  key: { formId: string; enterpriseId: string; periodId: string },
  input: EntrySaveInputType,
) {
  const v = parseInput(EntrySaveInput, input);
  const def = await getFormDef(ctx.db, key.formId);
  await assertEnterpriseAccess(ctx, 'reporting.submission.write', key.enterpriseId);
  const today = clock.today();
  const p = formPeriod(def.form, key.periodId, 'period', today);
  await assertExpected(ctx.db, def, key.enterpriseId);
  await assertOpen(ctx.db, def.form, p, key.enterpriseId, today);
  const { problems } = checkValues(def, p, v.values, 'draft', today);
  throwIfBlocking(problems);
  return ctx.db.transaction().execute(async (tx) => {
    const current = await findSubmission(tx, def.form.id, key.enterpriseId, periodId(p));
    assertVersion(current, v.version);
    const draft = JSON.stringify({ values: v.values });
    const now = clock.now();
    const row = current
      ? await tx
          .updateTable('report_submissions')
          .set({ draft, draft_saved_at: now, version: current.version + 1, updated_at: now })
          .where('id', '=', current.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await tx
          .insertInto('report_submissions')
          .values({
            form_id: def.form.id,
            enterprise_id: key.enterpriseId,
            period_id: periodId(p),
            period_start: periodStart(p),
            period_end: periodEnd(p),
            status: 'draft',
            draft,
            draft_saved_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'reporting.report.save_draft',
      entityType: 'report_submission',
      entityId: row.id,
      before: current ? { status: current.status, version: current.version } : undefined,
      after: { status: row.status, version: row.version, values: v.values.length },
    });
    return { submissionId: row.id, version: row.version, problems };
  });
}
