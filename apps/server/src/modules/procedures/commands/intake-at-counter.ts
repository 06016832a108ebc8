import { bilingual, type CounterIntakeInput, toIsoDateVn } from '@heza/shared';
import { authorize } from '../../../platform/auth/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';
import { assertOneStop } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { findProcedureOn, presentProcedures } from '../catalogue.ts';
import { newTrackingSecret } from '../code.ts';
import type { ProceduresDeps } from '../deps.ts';
import { logDossierEvent } from '../events.ts';
import { attachDocumentFiles, documentProblems, insertDocuments, receiveInTx } from '../intake.ts';
import { withOutbox } from '../notifications.ts';
import { presentDossier } from '../presenter.ts';
import { assertZone, procedureProblem } from '../references.ts';
import { now } from '../time.ts';
import { rejectInTx } from './reject-dossier.ts';
import { intakeSupplementInTx } from './request-intake-supplement.ts';

/** How far back a counter officer may date a receipt (a paper dossier typed in after the applicant left). */
const MAX_BACKDATE_MS = 7 * 24 * 3_600_000;

/**
 * Intake at the one-stop counter (or of a dossier that came by post): records the dossier and the decision
 * taken on it in one transaction: receive it (complete: code, receipt, appointment, form 01), ask for a
 * supplement (form 02, everything missing at once) or refuse it (form 03). Receiving an incomplete dossier
 * is refused with every missing document named, and nothing is written.
 */
export async function intakeAtCounter(ctx: Ctx, deps: ProceduresDeps, input: CounterIntakeInput) {
  authorize(ctx.actor, 'procedures.dossier.intake', input.zoneId ? { zoneIds: [input.zoneId] } : undefined);
  assertOneStop(ctx.actor);
  const at = now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : at;
  const problems: FieldProblem[] = [];
  if (receivedAt.getTime() > at.getTime() + 60_000 || receivedAt.getTime() < at.getTime() - MAX_BACKDATE_MS) {
    problems.push({
      field: 'receivedAt',
      message: bilingual(
        'Thời điểm tiếp nhận phải trong 7 ngày qua và không ở tương lai.',
        'The receipt time must be within the last 7 days and not in the future.',
      ),
    });
  }
  const row = await findProcedureOn(ctx.db, input.procedureCode, toIsoDateVn(receivedAt));
  if (!row) throw procedureProblem(input.procedureCode);
  const [procedure] = await presentProcedures(ctx.db, [row]);
  if (input.decision === 'receive') problems.push(...documentProblems(procedure!, input.documents, 'paper'));
  if (input.decision === 'request_supplement' && !input.supplement)
    problems.push({
      field: 'supplement',
      message: bilingual('Nêu nội dung cần bổ sung.', 'Say what must be supplemented.'),
    });
  if (input.decision === 'reject' && !input.rejection)
    problems.push({
      field: 'rejection',
      message: bilingual('Nêu lý do từ chối.', 'Give the reason for refusing.'),
    });
  if (problems.length) throw new AppError('VALIDATION_FAILED', { details: problems });

  return withOutbox(ctx, deps, async (tx, outbox) => {
    if (input.zoneId) await assertZone(tx, input.zoneId);
    await attachDocumentFiles(tx, ctx.actor, input.documents);
    const d = await tx
      .insertInto('dossiers')
      .values({
        procedure_id: procedure!.id,
        office_code: procedure!.office.code,
        status: 'submitted',
        channel: input.channel,
        applicant_kind: input.applicant.kind,
        applicant_name: input.applicant.name,
        applicant_id_number: input.applicant.idNumber ?? null,
        applicant_address: input.applicant.address ?? null,
        applicant_phone: input.applicant.phone ?? null,
        applicant_email: input.applicant.email ?? null,
        subject: input.subject,
        sets_count: input.setsCount,
        return_method: input.returnMethod,
        return_address: input.returnAddress ?? null,
        zone_id: input.zoneId ?? null,
        tracking_secret: newTrackingSecret(),
        submitted_at: receivedAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertDocuments(tx, d.id, procedure!, input.documents, receivedAt);
    await logDossierEvent(tx, ctx, d.id, {
      event: 'submit',
      at: receivedAt,
      toStatus: 'submitted',
      toUnit: 'office',
      data: { channel: input.channel },
    });
    await auditDossier(tx, ctx, 'submit', null, d, { channel: input.channel });
    let result = d;
    if (input.decision === 'receive') {
      result = await receiveInTx(tx, ctx, outbox, d, procedure!, receivedAt);
      await auditDossier(tx, ctx, 'receive', d, result);
    } else if (input.decision === 'request_supplement') {
      result = await intakeSupplementInTx(tx, ctx, outbox, d, procedure!, input.supplement!, 'paper');
    } else {
      result = await rejectInTx(tx, ctx, outbox, d, procedure!, input.rejection!);
    }
    return presentDossier(tx, result);
  });
}
