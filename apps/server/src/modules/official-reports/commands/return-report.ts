import { bilingual } from '@heza/shared';
import { WorkflowInput, type WorkflowInput as WorkflowInputType } from '@heza/shared/official-reports';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { authorize } from '../../../platform/auth/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validationError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { getReport } from '../queries.ts';
import { assertTransition, lockReport } from '../rules.ts';

/** Returns a submitted or approved report to its author as a draft, with the reviewer's comment. */
export async function returnReport(ctx: Ctx, id: string, input: WorkflowInputType) {
  authorize(ctx.actor, 'official_reports.report.approve');
  const v = parseInput(WorkflowInput, input);
  if (!v.comment) {
    throw validationError([
      { field: 'comment', message: bilingual('Ghi lý do trả lại.', 'Say why the report is returned.') },
    ]);
  }
  await ctx.db.transaction().execute(async (tx) => {
    const before = await lockReport(tx, id, v.version);
    assertTransition(before.status, 'return');
    const now = new Date();
    await tx
      .updateTable('official_reports')
      .set({
        status: 'draft',
        returned_at: now,
        returned_by: ctx.actor?.id ?? null,
        review_comment: v.comment,
        approved_at: null,
        approved_by: null,
        version: before.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'official_reports.report.return',
      entityType: 'official_report',
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: 'draft', version: before.version + 1, comment: v.comment },
    });
  });
  return getReport(ctx, id);
}
