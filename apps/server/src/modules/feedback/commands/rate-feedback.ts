import type { RateFeedbackInput } from '@heza/shared';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { sameSecret } from '../../procedures/code.ts';
import { now } from '../../procedures/time.ts';
import { assertStatus, authorizeFeedback, lockFeedback, logFeedbackEvent } from '../access.ts';

/** The requester rates the answer (1–5, with a comment); a later rating replaces the earlier one. */
export async function rateFeedback(ctx: Ctx, code: string, input: RateFeedbackInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('feedback_items')
      .select('id')
      .where('code', '=', code.trim().toUpperCase())
      .executeTakeFirst();
    if (!row) throw notFound({ vi: 'phản ánh, kiến nghị', en: 'Feedback item' });
    const f = await lockFeedback(tx, row.id);
    if (ctx.actor && !input.secret) authorizeFeedback(ctx.actor, 'feedback.item.read', f);
    else if (!input.secret || !sameSecret(input.secret, f.tracking_secret))
      throw notFound({ vi: 'phản ánh, kiến nghị', en: 'Feedback item' });
    assertStatus(f, ['answered', 'closed']);
    const at = now();
    await tx
      .updateTable('feedback_items')
      .set({ rating: input.rating, rating_comment: input.comment ?? null, rated_at: at, updated_at: at })
      .where('id', '=', f.id)
      .execute();
    await logFeedbackEvent(tx, ctx.actor, f.id, {
      event: 'rate',
      at,
      note: `${input.rating}/5${input.comment ? `: ${input.comment}` : ''}`,
    });
    await recordAudit(tx, ctx, {
      action: 'feedback.item.rate',
      entityType: 'feedback',
      entityId: f.id,
      before: { rating: f.rating },
      after: { rating: input.rating },
    });
    return { code: f.code, rating: input.rating };
  });
}
