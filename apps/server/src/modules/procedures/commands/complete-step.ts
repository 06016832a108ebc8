import { bilingual, type NoteInput } from '@heza/shared';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { assertStepActor, authorizeDossier, currentStepOf, lockDossier } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { getProcedureById } from '../catalogue.ts';
import type { ProceduresDeps } from '../deps.ts';
import { logDossierEvent } from '../events.ts';
import { noticeOf } from '../intake.ts';
import { assertTransition } from '../lifecycle.ts';
import { withOutbox } from '../notifications.ts';
import { presentDossier } from '../presenter.ts';
import { now } from '../time.ts';

/**
 * Completes the current step and hands the dossier to the next step's unit (logged in the control sheet).
 * After the last step the result must have been recorded; the dossier is then resolved (result_ready) and
 * the applicant told. A step assigned to someone else can only be completed by them or a leader.
 */
export async function completeStep(ctx: Ctx, deps: ProceduresDeps, id: string, input: NoteInput) {
  return withOutbox(ctx, deps, async (tx, outbox) => {
    const d = await lockDossier(tx, id);
    authorizeDossier(ctx.actor, 'procedures.dossier.process', d);
    assertTransition(d.status, 'complete_step');
    const step = await currentStepOf(tx, d);
    assertStepActor(ctx.actor, step);
    const actor = ctx.actor!;
    if (step.assignee_id && step.assignee_id !== actor.id && actor.role !== 'leader') {
      throw new AppError('CONFLICT', { params: { field: { vi: 'người xử lý', en: 'assignee' } } });
    }
    const next = await tx
      .selectFrom('dossier_steps')
      .selectAll()
      .where('dossier_id', '=', d.id)
      .where('position', '=', step.position + 1)
      .executeTakeFirst();
    if (!next && !d.result_file_id && !d.result_number) {
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'result',
            message: bilingual(
              'Cần ghi nhận kết quả (tệp hoặc số văn bản) trước khi hoàn thành bước cuối.',
              'Record the result (file or document number) before completing the last step.',
            ),
          },
        ],
      });
    }
    const at = now();
    await tx
      .updateTable('dossier_steps')
      .set({
        completed_at: at,
        completed_by: actor.id,
        note: input.note ?? null,
        assignee_id: step.assignee_id ?? actor.id,
      })
      .where('dossier_id', '=', d.id)
      .where('position', '=', step.position)
      .execute();
    if (next) {
      await tx
        .updateTable('dossier_steps')
        .set({ started_at: at })
        .where('dossier_id', '=', d.id)
        .where('position', '=', next.position)
        .execute();
    }
    const updated = await tx
      .updateTable('dossiers')
      .set(
        next
          ? { current_step: next.position, updated_at: at }
          : { status: 'result_ready', current_step: null, finished_at: at, updated_at: at },
      )
      .where('id', '=', d.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logDossierEvent(tx, ctx, d.id, {
      event: next ? 'hand_over' : 'result_ready',
      at,
      fromStatus: d.status,
      toStatus: updated.status,
      fromUnit: step.unit,
      toUnit: next ? next.unit : 'office',
      note: input.note ?? null,
      data: { completedStep: step.key, nextStep: next?.key ?? null },
    });
    await auditDossier(tx, ctx, 'complete_step', d, updated, { step: step.key });
    if (!next)
      await outbox.dossier(tx, 'result_ready', noticeOf(updated, await getProcedureById(tx, d.procedure_id)));
    return presentDossier(tx, updated);
  });
}
