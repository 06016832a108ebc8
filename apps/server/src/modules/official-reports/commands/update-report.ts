import {
  UpdateReportInput,
  type UpdateReportInput as UpdateReportInputType,
} from '@heza/shared/official-reports';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { authorize } from '../../../platform/auth/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { reportTitle } from '../compose.ts';
import { getReport } from '../queries.ts';
import { assertTransition, assertValidContent, lockReport } from '../rules.ts';

/** Edits a draft report (content, data date). Refused once submitted, and forever once issued. */
export async function updateReport(ctx: Ctx, id: string, input: UpdateReportInputType) {
  authorize(ctx.actor, 'official_reports.report.write');
  const v = parseInput(UpdateReportInput, input);
  if (v.content) assertValidContent(v.content);
  await ctx.db.transaction().execute(async (tx) => {
    const before = await lockReport(tx, id, v.version);
    assertTransition(before.status, 'edit');
    const content = v.content ?? before.content;
    await tx
      .updateTable('official_reports')
      .set({
        ...(v.content && {
          content: JSON.stringify(v.content),
          title: reportTitle(v.content, before.period_id),
        }),
        ...(v.dataAsOf !== undefined && { data_as_of: v.dataAsOf }),
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'official_reports.report.update',
      entityType: 'official_report',
      entityId: id,
      before: { version: before.version, dataAsOf: before.data_as_of, content: before.content },
      after: { version: before.version + 1, dataAsOf: v.dataAsOf ?? before.data_as_of, content },
    });
  });
  return getReport(ctx, id);
}
