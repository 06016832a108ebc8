import type { ResultInput } from '@heza/shared';
import type { Ctx } from '../../../platform/context.ts';
import { assertStepActor, authorizeDossier, currentStepOf, lockDossier } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { logDossierEvent } from '../events.ts';
import { attachDocumentFiles } from '../intake.ts';
import { assertTransition } from '../lifecycle.ts';
import { presentDossier } from '../presenter.ts';
import { now } from '../time.ts';

/** Records the result of the procedure (the issued document: its file and/or number) on a processing dossier. */
export async function recordResult(ctx: Ctx, id: string, input: ResultInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const d = await lockDossier(tx, id);
    authorizeDossier(ctx.actor, 'procedures.dossier.process', d);
    assertTransition(d.status, 'record_result');
    const step = await currentStepOf(tx, d);
    assertStepActor(ctx.actor, step);
    if (input.fileId) await attachDocumentFiles(tx, ctx.actor, [{ fileId: input.fileId }]);
    const at = now();
    const updated = await tx
      .updateTable('dossiers')
      .set({
        result_file_id: input.fileId ?? d.result_file_id,
        result_number: input.resultNumber ?? d.result_number,
        result_note: input.note ?? d.result_note,
        updated_at: at,
      })
      .where('id', '=', d.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logDossierEvent(tx, ctx, d.id, {
      event: 'record_result',
      at,
      toUnit: step.unit,
      note: input.note ?? null,
      data: { fileId: updated.result_file_id, resultNumber: updated.result_number },
    });
    await auditDossier(tx, ctx, 'record_result', d, updated, {
      resultFileId: updated.result_file_id,
      resultNumber: updated.result_number,
    });
    return presentDossier(tx, updated);
  });
}
