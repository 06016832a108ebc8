import { WorkflowInput, type WorkflowInput as WorkflowInputType } from '@heza/shared/official-reports';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { authorize } from '../../../platform/auth/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { computeFigures } from '../figures/compute.ts';
import { getReport } from '../queries.ts';
import { assertTransition, lockReport } from '../rules.ts';

/**
 * Submits a draft for review. The figures as they are now are kept with it, so the reviewer later sees which
 * figures changed since the draft was written.
 */
export async function submitReport(ctx: Ctx, id: string, input: WorkflowInputType) {
  authorize(ctx.actor, 'official_reports.report.submit');
  const v = parseInput(WorkflowInput, input);
  await ctx.db.transaction().execute(async (tx) => {
    const before = await lockReport(tx, id, v.version);
    assertTransition(before.status, 'submit');
    const figures = await computeFigures(tx, { periodId: before.period_id, asOf: before.data_as_of });
    const now = new Date();
    await tx
      .updateTable('official_reports')
      .set({
        status: 'submitted',
        submitted_at: now,
        submitted_by: ctx.actor?.id ?? null,
        draft_figures: JSON.stringify(figures),
        draft_figures_at: now,
        version: before.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'official_reports.report.submit',
      entityType: 'official_report',
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: 'submitted', version: before.version + 1 },
    });
  });
  return getReport(ctx, id);
}
