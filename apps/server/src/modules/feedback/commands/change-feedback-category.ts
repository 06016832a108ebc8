import { bilingual } from '@heza/shared';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { now } from '../../procedures/time.ts';
import { assertRoutes, assertStatus, authorizeFeedback, lockFeedback, logFeedbackEvent } from '../access.ts';
import { presentFeedback } from '../presenter.ts';

/**
 * Corrects the category of an open item (a requester's wrong choice), by those who may route it: the
 * item's unit, the one-stop (triage) or a leader. The unit and the response date do not move: routing to
 * the category's unit is a separate, explicit step, and the date given to the requester stays.
 */
export async function changeFeedbackCategory(ctx: Ctx, id: string, categoryCode: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const f = await lockFeedback(tx, id);
    authorizeFeedback(ctx.actor, 'feedback.item.process', f);
    assertRoutes(ctx.actor, f);
    assertStatus(f, ['received', 'in_progress']);
    const category = await tx
      .selectFrom('feedback_categories')
      .select(['code', 'active'])
      .where('code', '=', categoryCode)
      .executeTakeFirst();
    if (!category?.active)
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'categoryCode',
            message: bilingual(
              'Lĩnh vực không tồn tại hoặc đã ngừng sử dụng.',
              'Unknown or inactive category.',
            ),
          },
        ],
      });
    if (category.code === f.category_code) return presentFeedback(tx, f);
    const at = now();
    const updated = await tx
      .updateTable('feedback_items')
      .set({ category_code: category.code, updated_at: at })
      .where('id', '=', f.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logFeedbackEvent(tx, ctx.actor, f.id, {
      event: 'category',
      at,
      note: `${f.category_code} → ${category.code}`,
    });
    await recordAudit(tx, ctx, {
      action: 'feedback.item.category',
      entityType: 'feedback',
      entityId: f.id,
      before: { category: f.category_code },
      after: { category: category.code },
    });
    return presentFeedback(tx, updated);
  });
}
