import { bilingual } from '@heza/shared';
import {
  UpdateTemplateInput,
  type UpdateTemplateInput as UpdateTemplateInputType,
} from '@heza/shared/official-reports';
import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { authorize } from '../../../platform/auth/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { presentTemplate } from '../presenter.ts';
import { assertValidContent } from '../rules.ts';

/**
 * Edits a template (a new version). Reports already made from it keep their own copy of the content, so an
 * edit changes only the reports created afterwards.
 */
export async function updateTemplate(ctx: Ctx, code: string, input: UpdateTemplateInputType) {
  authorize(ctx.actor, 'official_reports.template.write');
  const v = parseInput(UpdateTemplateInput, input);
  assertValidContent(v.content);
  return ctx.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('report_templates')
      .selectAll()
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound({ vi: 'mẫu báo cáo', en: 'report template' });
    if (before.version !== v.version) {
      throw new AppError('CONFLICT', {
        params: { field: { vi: 'phiên bản', en: 'version' } },
        details: [
          {
            field: 'version',
            message: bilingual(
              'Mẫu vừa được người khác sửa; tải lại để xem bản mới nhất.',
              'Someone else changed the template meanwhile; reload it.',
            ),
          },
        ],
      });
    }
    const row = await tx
      .updateTable('report_templates')
      .set({
        name_vi: v.nameVi,
        name_en: v.nameEn,
        description_vi: v.descriptionVi,
        period_types: v.periodTypes,
        content: JSON.stringify(v.content),
        ...(v.active !== undefined && { active: v.active }),
        version: sql<number>`version + 1`,
        updated_at: new Date(),
        updated_by: ctx.actor?.id ?? null,
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentTemplate(row);
    await recordAudit(tx, ctx, {
      action: 'official_reports.template.update',
      entityType: 'report_template',
      entityId: row.id,
      before: presentTemplate(before),
      after: view,
    });
    return view;
  });
}
