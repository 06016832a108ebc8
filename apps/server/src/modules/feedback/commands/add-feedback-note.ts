import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { now } from '../../procedures/time.ts';
import { assertHandles, authorizeFeedback, lockFeedback } from '../access.ts';
import { presentFeedback } from '../presenter.ts';

/** Adds an internal note (never shown to the requester or on the portal). */
export async function addFeedbackNote(ctx: Ctx, id: string, body: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const f = await lockFeedback(tx, id);
    authorizeFeedback(ctx.actor, 'feedback.item.process', f);
    assertHandles(ctx.actor, f);
    await tx
      .insertInto('feedback_notes')
      .values({
        feedback_id: f.id,
        at: now(),
        author_id: ctx.actor!.id,
        author_label: ctx.actor!.fullName,
        body,
      })
      .execute();
    await recordAudit(tx, ctx, {
      action: 'feedback.item.note',
      entityType: 'feedback',
      entityId: f.id,
      after: { note: body },
    });
    return presentFeedback(tx, f);
  });
}
