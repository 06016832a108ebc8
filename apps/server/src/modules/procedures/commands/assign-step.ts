import { bilingual } from '@heza/shared';
import { findActor } from '../../../platform/auth/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { assertStepActor, authorizeDossier, currentStepOf, lockDossier, mayWorkOnStep } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { logDossierEvent } from '../events.ts';
import { assertTransition } from '../lifecycle.ts';
import { presentDossier } from '../presenter.ts';
import { now } from '../time.ts';

/** Assigns the current step to a person of its unit (by a colleague of that unit or a leader). */
export async function assignStep(ctx: Ctx, id: string, userId: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const d = await lockDossier(tx, id);
    authorizeDossier(ctx.actor, 'procedures.dossier.process', d);
    assertTransition(d.status, 'assign');
    const step = await currentStepOf(tx, d);
    assertStepActor(ctx.actor, step);
    const target = await findActor(tx, userId);
    if (!target || !mayWorkOnStep(target, step) || !target.permissions.has('procedures.dossier.process')) {
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'userId',
            message: bilingual(
              'Người được giao phải là cán bộ của đơn vị phụ trách bước này.',
              'The assignee must work in the unit responsible for this step.',
            ),
          },
        ],
      });
    }
    const at = now();
    await tx
      .updateTable('dossier_steps')
      .set({ assignee_id: userId })
      .where('dossier_id', '=', d.id)
      .where('position', '=', step.position)
      .execute();
    await logDossierEvent(tx, ctx, d.id, { event: 'assign', at, toUnit: step.unit, assigneeId: userId });
    await auditDossier(tx, ctx, 'assign', d, d, { step: step.key, assignee: userId });
    return presentDossier(tx, d);
  });
}
