import { bilingual, type CounterFeedbackInput } from '@heza/shared';
import { authorize } from '../../../platform/auth/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { ProceduresDeps } from '../../procedures/deps.ts';
import { withOutbox } from '../../procedures/notifications.ts';
import { createFeedbackInTx } from '../intake.ts';
import { presentFeedback } from '../presenter.ts';

/** Records feedback brought to the counter (or by phone, letter) for a requester. */
export async function recordFeedback(ctx: Ctx, deps: ProceduresDeps, input: CounterFeedbackInput) {
  authorize(ctx.actor, 'feedback.item.intake');
  return withOutbox(ctx, deps, async (tx, outbox) => {
    if (input.dossierId) {
      const d = await tx
        .selectFrom('dossiers')
        .select('id')
        .where('id', '=', input.dossierId)
        .executeTakeFirst();
      if (!d) {
        throw new AppError('VALIDATION_FAILED', {
          details: [
            { field: 'dossierId', message: bilingual('Không tìm thấy hồ sơ.', 'Dossier not found.') },
          ],
        });
      }
    }
    const f = await createFeedbackInTx(tx, ctx, outbox, deps.publicUrl, {
      kind: input.kind,
      category_code: input.categoryCode,
      channel: 'counter',
      requester_name: input.requesterName,
      requester_organisation: input.requesterOrganisation ?? null,
      requester_email: input.requesterEmail ?? null,
      requester_phone: input.requesterPhone ?? null,
      enterprise_id: null,
      submitted_by: null,
      subject: input.subject,
      body: input.body,
      dossier_id: input.dossierId ?? null,
      procedure_code: input.procedureCode ?? null,
    });
    return presentFeedback(tx, f);
  });
}
