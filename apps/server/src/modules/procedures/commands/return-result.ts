import type { ReturnInput } from '@heza/shared';
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

/** The one-stop hands the result back: online, at the counter or by post (being late never stops this). */
export async function returnResult(ctx: Ctx, deps: ProceduresDeps, id: string, input: ReturnInput) {
  return withOutbox(ctx, deps, async (tx, outbox) => {
    const d = await lockDossier(tx, id);
    authorizeDossier(ctx.actor, 'procedures.dossier.intake', d);
    assertTransition(d.status, 'return_result');
    assertOneStop(ctx.actor);
    const at = now();
    const updated = await tx
      .updateTable('dossiers')
      .set({
        status: 'returned',
        returned_at: at,
        returned_by_method: input.method,
        return_note: input.note ?? null,
        updated_at: at,
      })
      .where('id', '=', d.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logDossierEvent(tx, ctx, d.id, {
      event: 'return_result',
      at,
      fromStatus: d.status,
      toStatus: 'returned',
      fromUnit: 'office',
      note: input.note ?? null,
      data: { method: input.method },
    });
    await auditDossier(tx, ctx, 'return_result', d, updated, { method: input.method });
    await outbox.dossier(tx, 'returned', noticeOf(updated, await getProcedureById(tx, d.procedure_id)));
    return presentDossier(tx, updated);
  });
}
