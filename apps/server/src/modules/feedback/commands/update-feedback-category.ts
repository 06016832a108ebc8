import type { FeedbackCategoryInput, FeedbackCategoryView } from '@heza/shared';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { presentCategory } from '../queries.ts';

/** Creates or changes a category: its names, the unit it routes to and its response time (working days). */
export async function updateFeedbackCategory(
  ctx: Ctx,
  code: string,
  input: FeedbackCategoryInput,
): Promise<FeedbackCategoryView> {
  return ctx.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('feedback_categories')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirst();
    const values = {
      name_vi: input.nameVi,
      name_en: input.nameEn,
      unit: input.unit,
      response_days: input.responseDays,
      active: input.active,
    };
    const row = await tx
      .insertInto('feedback_categories')
      .values({ code, ...values })
      .onConflict((oc) => oc.column('code').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'feedback.category.update',
      entityType: 'feedback_category',
      entityId: code,
      before: before ?? null,
      after: row,
    });
    return presentCategory(row);
  });
}
