import { bilingual } from '@heza/shared';
import { TemplateInput, type TemplateInput as TemplateInputType } from '@heza/shared/official-reports';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { authorize } from '../../../platform/auth/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { presentTemplate } from '../presenter.ts';
import { assertValidContent } from '../rules.ts';

/** Creates a report template; a slot naming an unknown figure is refused with the slot named. */
export async function createTemplate(ctx: Ctx, input: TemplateInputType) {
  authorize(ctx.actor, 'official_reports.template.write');
  const v = parseInput(TemplateInput, input);
  assertValidContent(v.content);
  return ctx.db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom('report_templates')
      .select('id')
      .where('code', '=', v.code)
      .executeTakeFirst();
    if (taken) {
      throw new AppError('CONFLICT', {
        params: { field: { vi: 'mã mẫu', en: 'template code' } },
        details: [
          {
            field: 'code',
            message: bilingual('Đã có mẫu báo cáo với mã này.', 'A template with this code exists.'),
          },
        ],
      });
    }
    const row = await tx
      .insertInto('report_templates')
      .values({
        code: v.code,
        name_vi: v.nameVi,
        name_en: v.nameEn,
        description_vi: v.descriptionVi,
        period_types: v.periodTypes,
        content: JSON.stringify(v.content),
        created_by: ctx.actor?.id ?? null,
        updated_by: ctx.actor?.id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentTemplate(row);
    await recordAudit(tx, ctx, {
      action: 'official_reports.template.create',
      entityType: 'report_template',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}
