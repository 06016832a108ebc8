import { bilingual, type ExtensionInput } from '@heza/shared';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';
import { getCalendar } from '../../calendar/service.ts';
import { assertResponsible, authorizeDossier, lockDossier } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { getProcedureById } from '../catalogue.ts';
import type { ProceduresDeps } from '../deps.ts';
import { logDossierEvent } from '../events.ts';
import { noticeOf } from '../intake.ts';
import { assertTransition } from '../lifecycle.ts';
import { withOutbox } from '../notifications.ts';
import { presentDossier } from '../presenter.ts';
import { now, vnInstant } from '../time.ts';

/**
 * The apology and extension letter (form 04) of a dossier that will be late: the new appointment (a later
 * working day), the reason and the signer are recorded with the history of extensions, and the applicant
 * is told. The legal due date does not move: a dossier finished within an extension still counts as late.
 */
export async function extendDeadline(ctx: Ctx, deps: ProceduresDeps, id: string, input: ExtensionInput) {
  return withOutbox(ctx, deps, async (tx, outbox) => {
    const d = await lockDossier(tx, id);
    authorizeDossier(ctx.actor, 'procedures.dossier.process', d);
    assertTransition(d.status, 'extend');
    await assertResponsible(tx, ctx.actor, d);
    const calendar = await getCalendar(ctx.db, tx);
    const newDueAt = vnInstant(input.newDueDate, input.newDueTime);
    const problems: FieldProblem[] = [];
    if (!d.due_at || newDueAt.getTime() <= d.due_at.getTime()) {
      problems.push({
        field: 'newDueDate',
        message: bilingual(
          'Ngày hẹn mới phải sau ngày hẹn hiện tại.',
          'The new appointment must be later than the current one.',
        ),
      });
    }
    if (!calendar.isWorkingDay(input.newDueDate)) {
      problems.push({
        field: 'newDueDate',
        message: bilingual(
          'Ngày hẹn mới phải là ngày làm việc.',
          'The new appointment must be on a working day.',
        ),
      });
    }
    if (problems.length) throw new AppError('VALIDATION_FAILED', { details: problems });
    const at = now();
    const count = await tx
      .selectFrom('dossier_extensions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dossier_id', '=', d.id)
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('dossier_extensions')
      .values({
        dossier_id: d.id,
        number: Number(count.n) + 1,
        created_at: at,
        created_by: ctx.actor!.id,
        reason: input.reason,
        previous_due_at: d.due_at!,
        new_due_at: newDueAt,
        signer_name: input.signerName,
        signer_title: input.signerTitle,
      })
      .execute();
    const updated = await tx
      .updateTable('dossiers')
      .set({ due_at: newDueAt, updated_at: at })
      .where('id', '=', d.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logDossierEvent(tx, ctx, d.id, {
      event: 'extend',
      at,
      note: input.reason,
      data: { previousDueAt: d.due_at!.toISOString(), newDueAt: newDueAt.toISOString() },
    });
    await auditDossier(tx, ctx, 'extend', d, updated, { reason: input.reason });
    await outbox.dossier(
      tx,
      'extended',
      noticeOf(updated, await getProcedureById(tx, d.procedure_id), { reason: input.reason }),
    );
    return presentDossier(tx, updated);
  });
}
