import { bilingual, type PublishFeedbackInput } from '@heza/shared';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { now } from '../../procedures/time.ts';
import { assertHandles, authorizeFeedback, lockFeedback, logFeedbackEvent } from '../access.ts';
import { presentFeedback } from '../presenter.ts';

/** Publishes an answered item on the portal (or withdraws it), with the question as edited for publication. */
export async function publishFeedback(ctx: Ctx, id: string, input: PublishFeedbackInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const f = await lockFeedback(tx, id);
    authorizeFeedback(ctx.actor, 'feedback.item.process', f);
    assertHandles(ctx.actor, f);
    if (!f.answer) {
      throw new AppError('INVALID_STATE', {
        details: [
          {
            field: 'public',
            message: bilingual(
              'Chỉ công khai được khi đã có trả lời.',
              'Only an answered item can be published.',
            ),
          },
        ],
      });
    }
    const at = now();
    const updated = await tx
      .updateTable('feedback_items')
      .set({
        is_public: input.public,
        public_question: input.publicQuestion ?? f.public_question ?? f.body,
        published_at: input.public ? (f.published_at ?? at) : null,
        updated_at: at,
      })
      .where('id', '=', f.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logFeedbackEvent(tx, ctx.actor, f.id, { event: input.public ? 'publish' : 'unpublish', at });
    await recordAudit(tx, ctx, {
      action: 'feedback.item.publish',
      entityType: 'feedback',
      entityId: f.id,
      before: { public: f.is_public },
      after: { public: input.public },
    });
    return presentFeedback(tx, updated);
  });
}
