import { bilingual, type ReopenFeedbackInput } from '@heza/shared';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { sameSecret } from '../../procedures/code.ts';
import type { ProceduresDeps } from '../../procedures/deps.ts';
import { withOutbox } from '../../procedures/notifications.ts';
import { now } from '../../procedures/time.ts';
import {
  assertHandles,
  assertStatus,
  authorizeFeedback,
  type FeedbackRow,
  lockFeedback,
  logFeedbackEvent,
} from '../access.ts';
import { requesterText, responseWindow } from '../intake.ts';

/** How long after the answer the requester may reopen an item on their own (staff may at any time). */
export const REOPEN_DAYS = 30;

/** True when the requester may still reopen the item. */
export function requesterMayReopen(
  f: Pick<FeedbackRow, 'status' | 'answered_at'>,
  at: Date = now(),
): boolean {
  return (
    (f.status === 'answered' || f.status === 'closed') &&
    f.answered_at !== null &&
    at.getTime() - f.answered_at.getTime() <= REOPEN_DAYS * 86_400_000
  );
}

/**
 * Reopens an answered item: by the requester (code and secret, within REOPEN_DAYS of the answer) or by
 * staff of its unit. It gets a new response date; a published answer is withdrawn until it is re-answered.
 */
export async function reopenFeedback(
  ctx: Ctx,
  deps: ProceduresDeps,
  code: string,
  input: ReopenFeedbackInput,
  by: 'requester' | 'staff',
) {
  return withOutbox(ctx, deps, async (tx, outbox) => {
    const row = await tx
      .selectFrom('feedback_items')
      .select('id')
      .where('code', '=', code.trim().toUpperCase())
      .executeTakeFirst();
    if (!row) throw notFound({ vi: 'phản ánh, kiến nghị', en: 'Feedback item' });
    const f = await lockFeedback(tx, row.id);
    if (by === 'staff') {
      authorizeFeedback(ctx.actor, 'feedback.item.process', f);
      assertHandles(ctx.actor, f);
    } else if (ctx.actor && !input.secret) {
      authorizeFeedback(ctx.actor, 'feedback.item.read', f);
    } else if (!input.secret || !sameSecret(input.secret, f.tracking_secret)) {
      throw notFound({ vi: 'phản ánh, kiến nghị', en: 'Feedback item' });
    }
    assertStatus(f, ['answered', 'closed']);
    if (by === 'requester' && !requesterMayReopen(f)) {
      throw new AppError('INVALID_STATE', {
        details: [
          {
            field: 'reason',
            message: bilingual(
              `Chỉ mở lại được trong ${REOPEN_DAYS} ngày sau khi có trả lời; vui lòng gửi phản ánh mới.`,
              `An item can be reopened within ${REOPEN_DAYS} days of the answer; please send new feedback.`,
            ),
          },
        ],
      });
    }
    const category = await tx
      .selectFrom('feedback_categories')
      .select('response_days')
      .where('code', '=', f.category_code)
      .executeTakeFirstOrThrow();
    const at = now();
    const window = await responseWindow(ctx, tx, at, category.response_days);
    const updated = await tx
      .updateTable('feedback_items')
      .set({
        status: 'in_progress',
        reopen_count: f.reopen_count + 1,
        counting_from: window.countingFrom,
        due_date: window.dueDate,
        is_public: false,
        published_at: null,
        closed_at: null,
        updated_at: at,
      })
      .where('id', '=', f.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logFeedbackEvent(tx, ctx.actor, f.id, {
      event: 'reopen',
      at,
      fromStatus: f.status,
      toStatus: 'in_progress',
      note: input.reason,
    });
    await recordAudit(tx, ctx, {
      action: 'feedback.item.reopen',
      entityType: 'feedback',
      entityId: f.id,
      before: { status: f.status, dueDate: f.due_date },
      after: { status: 'in_progress', dueDate: window.dueDate, by, reason: input.reason },
    });
    const m = requesterText('reopened', updated, deps.publicUrl);
    await outbox.notify(
      tx,
      'feedback',
      'reopened',
      m.subject,
      m.text,
      { email: f.requester_email, phone: f.requester_phone },
      f.id,
    );
    return { code: f.code, status: 'in_progress' as const, dueDate: window.dueDate };
  });
}
