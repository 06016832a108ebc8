import type { RouteFeedbackInput } from '@heza/shared';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { now } from '../../procedures/time.ts';
import { assertRoutes, assertStatus, authorizeFeedback, lockFeedback, logFeedbackEvent } from '../access.ts';
import { presentFeedback } from '../presenter.ts';

/** Re-routes an open item to the unit that should answer it (the response date does not move). */
export async function routeFeedback(ctx: Ctx, id: string, input: RouteFeedbackInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const f = await lockFeedback(tx, id);
    authorizeFeedback(ctx.actor, 'feedback.item.process', f);
    assertRoutes(ctx.actor, f);
    assertStatus(f, ['received', 'in_progress']);
    const at = now();
    const updated = await tx
      .updateTable('feedback_items')
      .set({ unit: input.unit, status: 'received', assignee_id: null, updated_at: at })
      .where('id', '=', f.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logFeedbackEvent(tx, ctx.actor, f.id, {
      event: 'route',
      at,
      fromStatus: f.status,
      toStatus: 'received',
      fromUnit: f.unit,
      toUnit: input.unit,
      note: input.note ?? null,
    });
    await recordAudit(tx, ctx, {
      action: 'feedback.item.route',
      entityType: 'feedback',
      entityId: f.id,
      before: { unit: f.unit },
      after: { unit: input.unit },
    });
    return presentFeedback(tx, updated);
  });
}
