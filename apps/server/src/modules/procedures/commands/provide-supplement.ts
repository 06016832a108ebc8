import type { ProvideSupplementInput } from '@heza/shared';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { getCalendar } from '../../calendar/service.ts';
import { assertOneStop, authorizeDossier, lockDossier } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { getProcedureById } from '../catalogue.ts';
import { sameSecret } from '../code.ts';
import type { ProceduresDeps } from '../deps.ts';
import { logDossierEvent } from '../events.ts';
import { attachDocumentFiles, insertDocuments, noticeOf } from '../intake.ts';
import { canTransition } from '../lifecycle.ts';
import { withOutbox } from '../notifications.ts';
import { presentDossier } from '../presenter.ts';
import { appointmentOf, now } from '../time.ts';

/**
 * The applicant answers a supplement request (online, by an enterprise account or a guest with the
 * receipt secret), or the counter records papers brought in (`via: 'counter'`). At intake the dossier goes
 * back to the intake check. During appraisal the procedure's clock rule applies: 'restart' gives the full
 * time limit again from the new deemed receipt date, 'pause' gives back the working days that were left;
 * the remaining steps' due dates and the appointment move accordingly.
 */
export async function provideSupplement(
  ctx: Ctx,
  deps: ProceduresDeps,
  id: string,
  input: ProvideSupplementInput,
  via: 'applicant' | 'counter',
) {
  return withOutbox(ctx, deps, async (tx, outbox) => {
    const d = await lockDossier(tx, id);
    if (via === 'counter') {
      authorizeDossier(ctx.actor, 'procedures.dossier.intake', d);
    } else if (ctx.actor) {
      authorizeDossier(ctx.actor, 'procedures.dossier.submit', d);
    } else if (!input.secret || !sameSecret(input.secret, d.tracking_secret)) {
      // The same answer as an unknown id: a wrong secret must not confirm that the dossier exists.
      throw notFound({ vi: 'hồ sơ', en: 'Dossier' });
    }
    const intake = canTransition(d.status, 'resubmit');
    if (!intake && !canTransition(d.status, 'provide_appraisal_supplement')) {
      throw new AppError('INVALID_STATE', { params: { status: d.status } });
    }
    if (via === 'counter') assertOneStop(ctx.actor);
    const procedure = await getProcedureById(tx, d.procedure_id);
    const supplement = await tx
      .selectFrom('dossier_supplements')
      .selectAll()
      .where('dossier_id', '=', d.id)
      .where('fulfilled_at', 'is', null)
      .orderBy('number', 'desc')
      .executeTakeFirstOrThrow();
    const at = now();
    await attachDocumentFiles(tx, ctx.actor, input.documents);
    await insertDocuments(tx, d.id, procedure, input.documents, at, supplement.id);
    await tx
      .updateTable('dossier_supplements')
      .set({ fulfilled_at: at })
      .where('id', '=', supplement.id)
      .execute();

    let updated = d;
    if (intake) {
      updated = await tx
        .updateTable('dossiers')
        .set({ status: 'submitted', updated_at: at })
        .where('id', '=', d.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    } else {
      const calendar = await getCalendar(ctx.db, tx);
      const total =
        supplement.clock_rule === 'pause' ? (d.paused_remaining_days ?? 0) : procedure.timeLimitDays;
      const appt = appointmentOf(calendar, at, total, procedure.cutoff);
      const steps = await tx
        .selectFrom('dossier_steps')
        .select(['position', 'days', 'completed_at'])
        .where('dossier_id', '=', d.id)
        .orderBy('position')
        .execute();
      // Each remaining step keeps its share: it is due when the days of the steps after it are still left.
      let after = 0;
      for (const s of [...steps].reverse()) {
        if (s.completed_at) break;
        const due = calendar.addWorkingDays(appt.countingFrom, Math.max(0, total - after));
        await tx
          .updateTable('dossier_steps')
          .set({ due_date: due })
          .where('dossier_id', '=', d.id)
          .where('position', '=', s.position)
          .execute();
        after += s.days;
      }
      updated = await tx
        .updateTable('dossiers')
        .set({
          status: 'processing',
          counting_from: appt.countingFrom,
          legal_due_date: appt.dueDate,
          due_at: appt.dueAt,
          paused_remaining_days: null,
          updated_at: at,
        })
        .where('id', '=', d.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    await logDossierEvent(tx, ctx, d.id, {
      event: 'provide_supplement',
      at,
      fromStatus: d.status,
      toStatus: updated.status,
      note: input.note ?? null,
      data: {
        supplement: supplement.number,
        clockRule: supplement.clock_rule,
        legalDueDate: updated.legal_due_date,
      },
    });
    await auditDossier(tx, ctx, 'provide_supplement', d, updated, { via });
    await outbox.dossier(tx, 'supplement_received', noticeOf(updated, procedure));
    return presentDossier(tx, updated);
  });
}
