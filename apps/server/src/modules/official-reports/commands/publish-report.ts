import { WorkflowInput, type WorkflowInput as WorkflowInputType } from '@heza/shared/official-reports';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { authorize } from '../../../platform/auth/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { getReport } from '../queries.ts';
import { assertTransition, lockReport } from '../rules.ts';

/** Publishes an issued report (the portal lists published reports); nothing else about it changes. */
export async function publishReport(ctx: Ctx, id: string, input: WorkflowInputType) {
  authorize(ctx.actor, 'official_reports.report.publish');
  const v = parseInput(WorkflowInput, input);
  await ctx.db.transaction().execute(async (tx) => {
    const before = await lockReport(tx, id, v.version);
    assertTransition(before.status, 'publish');
    const now = new Date();
    await tx
      .updateTable('official_reports')
      .set({
        status: 'published',
        published_at: now,
        published_by: ctx.actor?.id ?? null,
        version: before.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'official_reports.report.publish',
      entityType: 'official_report',
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: 'published', version: before.version + 1 },
    });
  });
  return getReport(ctx, id);
}
