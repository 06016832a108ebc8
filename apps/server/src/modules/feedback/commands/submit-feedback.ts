import { bilingual, type SubmitFeedbackInput } from '@heza/shared';
import { authorize } from '../../../platform/auth/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';
import type { ProceduresDeps } from '../../procedures/deps.ts';
import { withOutbox } from '../../procedures/notifications.ts';
import { trackDossier } from '../../procedures/queries.ts';
import { createFeedbackInTx } from '../intake.ts';

/**
 * Feedback or a petition from the portal: by a guest (who gives an e-mail or a phone to get the answer) or
 * a signed-in enterprise user; a dossier is referred to by its code and lookup key, like public tracking.
 */
export async function submitFeedback(ctx: Ctx, deps: ProceduresDeps, input: SubmitFeedbackInput) {
  if (ctx.actor) authorize(ctx.actor, 'feedback.item.read');
  const problems: FieldProblem[] = [];
  if (!ctx.actor && !input.requesterEmail && !input.requesterPhone) {
    problems.push({
      field: 'requesterEmail',
      message: bilingual(
        'Vui lòng để lại email hoặc số điện thoại để nhận trả lời.',
        'Please give an e-mail or a phone for the answer.',
      ),
    });
  }
  let dossierId: string | null = null;
  if (input.dossierCode) {
    const found = await trackDossier(ctx.db, input.dossierCode, input.dossierSecret ?? '');
    if (!found) {
      problems.push({
        field: 'dossierCode',
        message: bilingual(
          'Không tìm thấy hồ sơ với mã và mã tra cứu này.',
          'No dossier matches this code and lookup key.',
        ),
      });
    } else dossierId = found.id;
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', { details: problems });
  return withOutbox(ctx, deps, async (tx, outbox) => {
    const f = await createFeedbackInTx(tx, ctx, outbox, deps.publicUrl, {
      kind: input.kind,
      category_code: input.categoryCode,
      channel: 'portal',
      requester_name: input.requesterName,
      requester_organisation: input.requesterOrganisation ?? null,
      requester_email: input.requesterEmail ?? ctx.actor?.email ?? null,
      requester_phone: input.requesterPhone ?? null,
      enterprise_id: ctx.actor?.enterpriseId ?? null,
      submitted_by: ctx.actor?.id ?? null,
      subject: input.subject,
      body: input.body,
      dossier_id: dossierId,
      procedure_code: input.procedureCode ?? null,
    });
    return { id: f.id, code: f.code, trackingSecret: f.tracking_secret, dueDate: f.due_date };
  });
}
