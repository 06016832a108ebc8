import type { ProcedureView, ReasonInput } from '@heza/shared';
import type { Tx } from '../../../db/client.ts';
import type { Ctx } from '../../../platform/context.ts';
import { assertOneStop, authorizeDossier, type DossierRow, lockDossier } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { getProcedureById } from '../catalogue.ts';
import type { ProceduresDeps } from '../deps.ts';
import { logDossierEvent } from '../events.ts';
import { noticeOf } from '../intake.ts';
import { assertTransition } from '../lifecycle.ts';
import { type Outbox, withOutbox } from '../notifications.ts';
import { presentDossier } from '../presenter.ts';
import { now } from '../time.ts';

/** Refuses a dossier at intake (form 03) inside the caller's transaction, with the reason and its basis. */
export async function rejectInTx(
  tx: Tx,
  ctx: Ctx,
  outbox: Outbox,
  d: DossierRow,
  procedure: ProcedureView,
  input: ReasonInput,
): Promise<DossierRow> {
  const at = now();
  const reason = input.legalBasis ? `${input.reason} (${input.legalBasis})` : input.reason;
  const updated = await tx
    .updateTable('dossiers')
    .set({ status: 'rejected', closed_at: at, close_reason: reason, updated_at: at })
    .where('id', '=', d.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await logDossierEvent(tx, ctx, d.id, {
    event: 'reject',
    at,
    fromStatus: d.status,
    toStatus: 'rejected',
    note: reason,
  });
  await auditDossier(tx, ctx, 'reject', d, updated);
  await outbox.dossier(tx, 'rejected', noticeOf(updated, procedure, { reason }));
  return updated;
}

/** Refuses to accept a dossier that is outside the authority's remit or not acceptable (form 03). */
export async function rejectDossier(ctx: Ctx, deps: ProceduresDeps, id: string, input: ReasonInput) {
  return withOutbox(ctx, deps, async (tx, outbox) => {
    const d = await lockDossier(tx, id);
    authorizeDossier(ctx.actor, 'procedures.dossier.intake', d);
    assertTransition(d.status, 'reject');
    assertOneStop(ctx.actor);
    const updated = await rejectInTx(tx, ctx, outbox, d, await getProcedureById(tx, d.procedure_id), input);
    return presentDossier(tx, updated);
  });
}
