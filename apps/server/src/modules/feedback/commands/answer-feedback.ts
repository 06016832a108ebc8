import type { AnswerFeedbackInput } from '@heza/shared';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { ProceduresDeps } from '../../procedures/deps.ts';
import { withOutbox } from '../../procedures/notifications.ts';
import { now } from '../../procedures/time.ts';
import { assertHandles, assertStatus, authorizeFeedback, lockFeedback, logFeedbackEvent } from '../access.ts';
import { requesterText } from '../intake.ts';
import { presentFeedback } from '../presenter.ts';

/**
 * Answers an item: the answer goes to the requester, and, when marked public, is published on the portal
 * with the question as edited for publication (never the requester's identity).
 */
export async function answerFeedback(ctx: Ctx, deps: ProceduresDeps, id: string, input: AnswerFeedbackInput) {
  return withOutbox(ctx, deps, async (tx, outbox) => {
    const f = await lockFeedback(tx, id);
    authorizeFeedback(ctx.actor, 'feedback.item.process', f);
    assertHandles(ctx.actor, f);
    assertStatus(f, ['received', 'in_progress']);
    const at = now();
    const updated = await tx
      .updateTable('feedback_items')
      .set({
        status: 'answered',
        answer: input.answer,
        answered_at: at,
        answered_by: ctx.actor!.id,
        assignee_id: f.assignee_id ?? ctx.actor!.id,
        is_public: input.public,
        public_question: input.public
          ? (input.publicQuestion ?? f.public_question ?? f.body)
          : f.public_question,
        published_at: input.public ? at : null,
        updated_at: at,
      })
      .where('id', '=', f.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logFeedbackEvent(tx, ctx.actor, f.id, {
      event: 'answer',
      at,
      fromStatus: f.status,
      toStatus: 'answered',
    });
    await recordAudit(tx, ctx, {
      action: 'feedback.item.answer',
      entityType: 'feedback',
      entityId: f.id,
      before: { status: f.status, answer: f.answer },
      after: { status: 'answered', answer: input.answer, public: input.public },
    });
    const m = requesterText('answered', updated, deps.publicUrl);
    await outbox.notify(
      tx,
      'feedback',
      'answered',
      m.subject,
      m.text,
      { email: f.requester_email, phone: f.requester_phone },
      f.id,
    );
    return presentFeedback(tx, updated);
  });
}
