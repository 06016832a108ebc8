import type { ReasonInput } from '@heza/shared';
import type { Ctx } from '../../../platform/context.ts';
import { assertOneStop, authorizeDossier, lockDossier } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { getProcedureById } from '../catalogue.ts';
import type { ProceduresDeps } from '../deps.ts';
import { logDossierEvent } from '../events.ts';
import { noticeOf } from '../intake.ts';
import { assertTransition } from '../lifecycle.ts';
import { withOutbox } from '../notifications.ts';
import { presentDossier } from '../presenter.ts';
import { now } from '../time.ts';

/** Records the applicant's written request to withdraw a dossier that is not resolved yet. */
export async function withdrawDossier(ctx: Ctx, deps: ProceduresDeps, id: string, input: ReasonInput) {
  return withOutbox(ctx, deps, async (tx, outbox) => {
    const d = await lockDossier(tx, id);
    authorizeDossier(ctx.actor, 'procedures.dossier.intake', d);
    assertTransition(d.status, 'withdraw');
    assertOneStop(ctx.actor);
    const at = now();
    const updated = await tx
      .updateTable('dossiers')
      .set({
        status: 'withdrawn',
        closed_at: at,
        close_reason: input.reason,
        paused_remaining_days: null,
        updated_at: at,
      })
      .where('id', '=', d.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logDossierEvent(tx, ctx, d.id, {
      event: 'withdraw',
      at,
      fromStatus: d.status,
      toStatus: 'withdrawn',
      note: input.reason,
    });
    await auditDossier(tx, ctx, 'withdraw', d, updated);
    await outbox.dossier(
      tx,
      'withdrawn',
      noticeOf(updated, await getProcedureById(tx, d.procedure_id), { reason: input.reason }),
    );
    return presentDossier(tx, updated);
  });
}
