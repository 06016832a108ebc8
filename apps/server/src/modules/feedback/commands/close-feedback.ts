import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { now } from '../../procedures/time.ts';
import { assertHandles, assertStatus, authorizeFeedback, lockFeedback, logFeedbackEvent } from '../access.ts';
import { presentFeedback } from '../presenter.ts';

/** Closes an answered item (the requester may still rate it, and reopen it within the reopening period). */
export async function closeFeedback(ctx: Ctx, id: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const f = await lockFeedback(tx, id);
    authorizeFeedback(ctx.actor, 'feedback.item.process', f);
    assertHandles(ctx.actor, f);
    assertStatus(f, ['answered']);
    const at = now();
    const updated = await tx
      .updateTable('feedback_items')
      .set({ status: 'closed', closed_at: at, updated_at: at })
      .where('id', '=', f.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logFeedbackEvent(tx, ctx.actor, f.id, {
      event: 'close',
      at,
      fromStatus: f.status,
      toStatus: 'closed',
    });
    await recordAudit(tx, ctx, {
      action: 'feedback.item.close',
      entityType: 'feedback',
      entityId: f.id,
      before: { status: f.status },
      after: { status: 'closed' },
    });
    return presentFeedback(tx, updated);
  });
}
