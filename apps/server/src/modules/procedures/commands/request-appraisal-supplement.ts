import { bilingual, type SupplementRequestInput, toIsoDateVn } from '@heza/shared';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { getCalendar } from '../../calendar/service.ts';
import { assertStepActor, authorizeDossier, currentStepOf, lockDossier } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { getProcedureById } from '../catalogue.ts';
import type { ProceduresDeps } from '../deps.ts';
import { logDossierEvent } from '../events.ts';
import { noticeOf } from '../intake.ts';
import { assertTransition } from '../lifecycle.ts';
import { withOutbox } from '../notifications.ts';
import { presentDossier } from '../presenter.ts';
import { now } from '../time.ts';

/**
 * A supplement request during appraisal (form 02, everything at once, with reasons and legal basis). The
 * clock stops; under the procedure's 'pause' rule the working days still left are kept and given back when
 * the supplement arrives, under 'restart' the full time limit starts again then.
 */
export async function requestAppraisalSupplement(
  ctx: Ctx,
  deps: ProceduresDeps,
  id: string,
  input: SupplementRequestInput,
) {
  return withOutbox(ctx, deps, async (tx, outbox) => {
    const d = await lockDossier(tx, id);
    authorizeDossier(ctx.actor, 'procedures.dossier.process', d);
    assertTransition(d.status, 'request_appraisal_supplement');
    const step = await currentStepOf(tx, d);
    assertStepActor(ctx.actor, step);
    if (input.items.length === 0) {
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'items',
            message: bilingual('Nêu ít nhất một nội dung cần bổ sung.', 'List at least one item.'),
          },
        ],
      });
    }
    const procedure = await getProcedureById(tx, d.procedure_id);
    const at = now();
    const calendar = await getCalendar(ctx.db, tx);
    const remaining =
      procedure.supplementClock === 'pause' && d.legal_due_date
        ? Math.max(0, calendar.workingDaysBetween(toIsoDateVn(at), d.legal_due_date))
        : null;
    const count = await tx
      .selectFrom('dossier_supplements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dossier_id', '=', d.id)
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('dossier_supplements')
      .values({
        dossier_id: d.id,
        number: Number(count.n) + 1,
        stage: 'appraisal',
        requested_at: at,
        requested_by: ctx.actor!.id,
        reason: input.reason,
        legal_basis: input.legalBasis ?? null,
        items: JSON.stringify(input.items),
        clock_rule: procedure.supplementClock,
        remaining_days: remaining,
      })
      .execute();
    const updated = await tx
      .updateTable('dossiers')
      .set({ status: 'appraisal_supplement', paused_remaining_days: remaining, updated_at: at })
      .where('id', '=', d.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logDossierEvent(tx, ctx, d.id, {
      event: 'request_appraisal_supplement',
      at,
      fromStatus: d.status,
      toStatus: 'appraisal_supplement',
      fromUnit: step.unit,
      note: input.reason,
      data: { items: input.items, clockRule: procedure.supplementClock, remainingDays: remaining },
    });
    await auditDossier(tx, ctx, 'request_appraisal_supplement', d, updated, { items: input.items });
    await outbox.dossier(
      tx,
      'appraisal_supplement',
      noticeOf(updated, procedure, {
        reason: input.reason,
        items: input.items.map((i) => `${i.name}: ${i.reason}`),
      }),
    );
    return presentDossier(tx, updated);
  });
}
