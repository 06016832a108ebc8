import type { NoteInput } from '@heza/shared';
import type { Ctx } from '../../../platform/context.ts';
import { assertOneStop, authorizeDossier, lockDossier, ONE_STOP_UNIT } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { logDossierEvent } from '../events.ts';
import { assertTransition } from '../lifecycle.ts';
import { presentDossier } from '../presenter.ts';
import { now } from '../time.ts';

/** The one-stop hands a received dossier over to the unit of its first processing step. */
export async function transferDossier(ctx: Ctx, id: string, input: NoteInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const d = await lockDossier(tx, id);
    authorizeDossier(ctx.actor, 'procedures.dossier.intake', d);
    assertTransition(d.status, 'transfer');
    assertOneStop(ctx.actor);
    const at = now();
    const first = await tx
      .updateTable('dossier_steps')
      .set({ started_at: at })
      .where('dossier_id', '=', d.id)
      .where('position', '=', 0)
      .returningAll()
      .executeTakeFirstOrThrow();
    const updated = await tx
      .updateTable('dossiers')
      .set({ status: 'processing', current_step: 0, updated_at: at })
      .where('id', '=', d.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logDossierEvent(tx, ctx, d.id, {
      event: 'transfer',
      at,
      fromStatus: d.status,
      toStatus: 'processing',
      fromUnit: ONE_STOP_UNIT,
      toUnit: first.unit,
      note: input.note ?? null,
    });
    await auditDossier(tx, ctx, 'transfer', d, updated);
    return presentDossier(tx, updated);
  });
}
