import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { now } from '../../procedures/time.ts';
import { assertHandles, assertStatus, authorizeFeedback, lockFeedback, logFeedbackEvent } from '../access.ts';
import { presentFeedback } from '../presenter.ts';

/** The actor takes an item of their unit: it is now in progress and assigned to them. */
export async function takeFeedback(ctx: Ctx, id: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const f = await lockFeedback(tx, id);
    authorizeFeedback(ctx.actor, 'feedback.item.process', f);
    assertHandles(ctx.actor, f);
    assertStatus(f, ['received', 'in_progress']);
    const at = now();
    const updated = await tx
      .updateTable('feedback_items')
      .set({ status: 'in_progress', assignee_id: ctx.actor!.id, updated_at: at })
      .where('id', '=', f.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logFeedbackEvent(tx, ctx.actor, f.id, {
      event: 'take',
      at,
      fromStatus: f.status,
      toStatus: 'in_progress',
      toUnit: f.unit,
    });
    await recordAudit(tx, ctx, {
      action: 'feedback.item.take',
      entityType: 'feedback',
      entityId: f.id,
      before: { status: f.status },
      after: { status: 'in_progress', assignee: ctx.actor!.id },
    });
    return presentFeedback(tx, updated);
  });
}
