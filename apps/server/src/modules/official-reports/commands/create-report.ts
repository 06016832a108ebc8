import { bilingual, parsePeriod, periodEnd } from '@heza/shared';
import {
  CreateReportInput,
  type CreateReportInput as CreateReportInputType,
  type ReportContent,
} from '@heza/shared/official-reports';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { authorize } from '../../../platform/auth/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { notFound, validationError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { reportTitle } from '../compose.ts';
import { getReport } from '../queries.ts';
import { assertPeriodAllowed } from '../rules.ts';

/**
 * Creates a draft report from a template for a period. Its content is the template's, with each narrative
 * block carried forward from the latest earlier report of the same template (issued ones first) as the
 * starting text. A correction of an issued report starts from that report's content instead.
 */
export async function createReport(ctx: Ctx, input: CreateReportInputType) {
  authorize(ctx.actor, 'official_reports.report.write');
  const v = parseInput(CreateReportInput, input);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const template = await tx
      .selectFrom('report_templates')
      .selectAll()
      .where('code', '=', v.templateCode)
      .executeTakeFirst();
    if (!template?.active) throw notFound({ vi: 'mẫu báo cáo', en: 'report template' });
    assertPeriodAllowed(v.periodId, template.period_types);
    let content = template.content as ReportContent;
    if (v.correctsReportId) {
      const corrected = await tx
        .selectFrom('official_reports')
        .select(['status', 'content', 'template_id'])
        .where('id', '=', v.correctsReportId)
        .executeTakeFirst();
      if (!corrected) throw notFound({ vi: 'báo cáo được đính chính', en: 'corrected report' });
      if (
        (corrected.status !== 'issued' && corrected.status !== 'published') ||
        corrected.template_id !== template.id
      ) {
        throw validationError([
          {
            field: 'correctsReportId',
            message: bilingual(
              'Chỉ đính chính báo cáo đã ban hành của cùng mẫu.',
              'Only an issued report of the same template can be corrected.',
            ),
          },
        ]);
      }
      content = corrected.content as ReportContent;
    } else {
      content = await carryForward(tx, template.id, v.periodId, content);
    }
    const row = await tx
      .insertInto('official_reports')
      .values({
        template_id: template.id,
        template_version: template.version,
        period_id: v.periodId,
        data_as_of: v.dataAsOf,
        status: 'draft',
        title: reportTitle(content, v.periodId),
        content: JSON.stringify(content),
        corrects_report_id: v.correctsReportId ?? null,
        created_by: ctx.actor?.id ?? null,
      })
      .returning(['id', 'title', 'period_id', 'status'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'official_reports.report.create',
      entityType: 'official_report',
      entityId: row.id,
      after: {
        ...row,
        template: template.code,
        dataAsOf: v.dataAsOf,
        correctsReportId: v.correctsReportId ?? null,
      },
    });
    return row.id;
  });
  return getReport(ctx, id);
}

/** The template content with narratives replaced by those of the latest earlier report of the template. */
async function carryForward(
  tx: Tx,
  templateId: string,
  periodId: string,
  content: ReportContent,
): Promise<ReportContent> {
  const end = periodEnd(parsePeriod(periodId));
  const previous = await tx
    .selectFrom('official_reports')
    .select(['content', 'period_id', 'status', 'updated_at'])
    .where('template_id', '=', templateId)
    .execute();
  // The latest earlier period; among its reports the issued one, else the last edited.
  const rank = (r: (typeof previous)[number]) =>
    [
      periodEnd(parsePeriod(r.period_id)),
      r.status === 'issued' || r.status === 'published' ? 1 : 0,
      r.updated_at.getTime(),
    ] as const;
  const earlier = previous
    .filter((r) => periodEnd(parsePeriod(r.period_id)) < end)
    .sort((a, b) => {
      const [ea, ia, ua] = rank(a);
      const [eb, ib, ub] = rank(b);
      return eb.localeCompare(ea) || ib - ia || ub - ua;
    })[0];
  if (!earlier) return content;
  const texts = new Map<string, string>();
  for (const item of (earlier.content as ReportContent).body)
    if (item.kind === 'narrative') texts.set(item.id, item.text);
  return {
    ...content,
    body: content.body.map((item) =>
      item.kind === 'narrative' && texts.has(item.id) ? { ...item, text: texts.get(item.id)! } : item,
    ),
  };
}
