import type { NoteInput } from '@heza/shared';
import type { Ctx } from '../../../platform/context.ts';
import { assertOneStop, authorizeDossier, lockDossier } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { logDossierEvent } from '../events.ts';
import { assertTransition } from '../lifecycle.ts';
import { presentDossier } from '../presenter.ts';
import { now } from '../time.ts';

/** Archives a closed dossier (returned, stopped, refused or withdrawn). */
export async function archiveDossier(ctx: Ctx, id: string, input: NoteInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const d = await lockDossier(tx, id);
    authorizeDossier(ctx.actor, 'procedures.dossier.intake', d);
    assertTransition(d.status, 'archive');
    assertOneStop(ctx.actor);
    const at = now();
    const updated = await tx
      .updateTable('dossiers')
      .set({ status: 'archived', archived_at: at, updated_at: at })
      .where('id', '=', d.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logDossierEvent(tx, ctx, d.id, {
      event: 'archive',
      at,
      fromStatus: d.status,
      toStatus: 'archived',
      note: input.note ?? null,
    });
    await auditDossier(tx, ctx, 'archive', d, updated);
    return presentDossier(tx, updated);
  });
}
