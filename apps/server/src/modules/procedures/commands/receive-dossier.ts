import type { NoteInput } from '@heza/shared';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { assertOneStop, authorizeDossier, lockDossier } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { getProcedureById } from '../catalogue.ts';
import type { ProceduresDeps } from '../deps.ts';
import { documentProblems, receiveInTx } from '../intake.ts';
import { assertTransition } from '../lifecycle.ts';
import { withOutbox } from '../notifications.ts';
import { presentDossier } from '../presenter.ts';
import { now } from '../time.ts';

/**
 * The intake check accepts a submitted dossier: it must be complete against the catalogue (else
 * VALIDATION_FAILED listing what is missing, nothing written); it gets its code, the receipt and the
 * appointment (form 01).
 */
export async function receiveDossier(ctx: Ctx, deps: ProceduresDeps, id: string, input: NoteInput) {
  return withOutbox(ctx, deps, async (tx, outbox) => {
    const d = await lockDossier(tx, id);
    authorizeDossier(ctx.actor, 'procedures.dossier.intake', d);
    assertTransition(d.status, 'receive');
    assertOneStop(ctx.actor);
    const procedure = await getProcedureById(tx, d.procedure_id);
    const given = await tx
      .selectFrom('dossier_documents')
      .select(['document_key', 'originals', 'copies', 'file_id'])
      .where('dossier_id', '=', d.id)
      .execute();
    const problems = documentProblems(
      procedure,
      given.map((g) => ({
        documentKey: g.document_key,
        originals: g.originals,
        copies: g.copies,
        fileId: g.file_id,
      })),
      d.channel === 'online' ? 'online' : 'paper',
    );
    if (problems.length) throw new AppError('VALIDATION_FAILED', { details: problems });
    const updated = await receiveInTx(tx, ctx, outbox, d, procedure, now());
    await auditDossier(tx, ctx, 'receive', d, updated, { note: input.note ?? null });
    return presentDossier(tx, updated);
  });
}
