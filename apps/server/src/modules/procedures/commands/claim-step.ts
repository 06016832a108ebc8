import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { assertStepActor, authorizeDossier, currentStepOf, lockDossier } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { logDossierEvent } from '../events.ts';
import { assertTransition } from '../lifecycle.ts';
import { presentDossier } from '../presenter.ts';
import { now } from '../time.ts';

/** Assign-to-self: the actor takes the current step of a dossier in their unit's queue. */
export async function claimStep(ctx: Ctx, id: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const d = await lockDossier(tx, id);
    authorizeDossier(ctx.actor, 'procedures.dossier.process', d);
    assertTransition(d.status, 'claim');
    const step = await currentStepOf(tx, d);
    assertStepActor(ctx.actor, step);
    if (step.assignee_id && step.assignee_id !== ctx.actor!.id) {
      throw new AppError('CONFLICT', { params: { field: { vi: 'người xử lý', en: 'assignee' } } });
    }
    const at = now();
    await tx
      .updateTable('dossier_steps')
      .set({ assignee_id: ctx.actor!.id })
      .where('dossier_id', '=', d.id)
      .where('position', '=', step.position)
      .execute();
    await logDossierEvent(tx, ctx, d.id, {
      event: 'claim',
      at,
      toUnit: step.unit,
      assigneeId: ctx.actor!.id,
    });
    await auditDossier(tx, ctx, 'claim', d, d, { step: step.key, assignee: ctx.actor!.id });
    return presentDossier(tx, d);
  });
}
