import type { ReasonInput } from '@heza/shared';
import type { Ctx } from '../../../platform/context.ts';
import { assertResponsible, authorizeDossier, lockDossier } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { getProcedureById } from '../catalogue.ts';
import type { ProceduresDeps } from '../deps.ts';
import { logDossierEvent } from '../events.ts';
import { noticeOf } from '../intake.ts';
import { assertTransition } from '../lifecycle.ts';
import { withOutbox } from '../notifications.ts';
import { presentDossier } from '../presenter.ts';
import { now } from '../time.ts';

/** Stops processing a received dossier (form 05, TT 03/2025), with the reason and its legal basis. */
export async function stopDossier(ctx: Ctx, deps: ProceduresDeps, id: string, input: ReasonInput) {
  return withOutbox(ctx, deps, async (tx, outbox) => {
    const d = await lockDossier(tx, id);
    authorizeDossier(ctx.actor, 'procedures.dossier.process', d);
    assertTransition(d.status, 'stop');
    await assertResponsible(tx, ctx.actor, d);
    const at = now();
    const reason = input.legalBasis ? `${input.reason} (${input.legalBasis})` : input.reason;
    const updated = await tx
      .updateTable('dossiers')
      .set({
        status: 'stopped',
        closed_at: at,
        close_reason: reason,
        paused_remaining_days: null,
        updated_at: at,
      })
      .where('id', '=', d.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logDossierEvent(tx, ctx, d.id, {
      event: 'stop',
      at,
      fromStatus: d.status,
      toStatus: 'stopped',
      note: reason,
    });
    await auditDossier(tx, ctx, 'stop', d, updated);
    await outbox.dossier(
      tx,
      'stopped',
      noticeOf(updated, await getProcedureById(tx, d.procedure_id), { reason }),
    );
    return presentDossier(tx, updated);
  });
}
