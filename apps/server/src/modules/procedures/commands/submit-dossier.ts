import { bilingual, type SubmitDossierInput, toIsoDateVn } from '@heza/shared';
import { authorize } from '../../../platform/auth/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';
import { auditDossier } from '../audit.ts';
import { findProcedureOn, presentProcedures } from '../catalogue.ts';
import { newTrackingSecret } from '../code.ts';
import type { ProceduresDeps } from '../deps.ts';
import { logDossierEvent } from '../events.ts';
import { attachDocumentFiles, documentProblems, insertDocuments, noticeOf } from '../intake.ts';
import { withOutbox } from '../notifications.ts';
import { assertZone, procedureProblem } from '../references.ts';
import { now } from '../time.ts';

/**
 * Submits a dossier online, by an enterprise account or by a guest (who must give an e-mail and a phone).
 * The submission must carry a file for every required document (else VALIDATION_FAILED listing all of them,
 * nothing written); it then waits for the one-stop intake check, which receives it, asks for a supplement or
 * refuses it.
 */
export async function submitDossier(
  ctx: Ctx,
  deps: ProceduresDeps,
  input: SubmitDossierInput,
): Promise<{ id: string; status: 'submitted'; trackingSecret: string }> {
  // Signed-in users submit for their enterprise; staff file dossiers at the counter instead.
  if (ctx.actor) authorize(ctx.actor, 'procedures.dossier.submit');
  const at = now();
  const row = await findProcedureOn(ctx.db, input.procedureCode, toIsoDateVn(at));
  if (!row) throw procedureProblem(input.procedureCode);
  const [procedure] = await presentProcedures(ctx.db, [row]);
  const problems: FieldProblem[] = [];
  if (procedure!.onlineLevel === 'none') {
    problems.push({
      field: 'procedureCode',
      message: bilingual(
        'Thủ tục này chỉ nộp trực tiếp tại Bộ phận Một cửa.',
        'This procedure is filed at the one-stop counter only.',
      ),
    });
  }
  if (!ctx.actor) {
    if (!input.applicant.email)
      problems.push({
        field: 'applicant.email',
        message: bilingual('Vui lòng nhập email để nhận thông báo.', 'Please give an e-mail for notices.'),
      });
    if (!input.applicant.phone)
      problems.push({
        field: 'applicant.phone',
        message: bilingual('Vui lòng nhập số điện thoại.', 'Please give a phone number.'),
      });
  }
  problems.push(...documentProblems(procedure!, input.documents, 'online'));
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
        channel: 'online',
        applicant_kind: input.applicant.kind,
        applicant_name: input.applicant.name,
        applicant_id_number: input.applicant.idNumber ?? null,
        applicant_address: input.applicant.address ?? null,
        applicant_phone: input.applicant.phone ?? null,
        applicant_email: input.applicant.email ?? ctx.actor?.email ?? null,
        subject: input.subject,
        sets_count: input.setsCount,
        return_method: input.returnMethod,
        return_address: input.returnAddress ?? null,
        enterprise_id: ctx.actor?.enterpriseId ?? null,
        zone_id: input.zoneId ?? null,
        submitted_by: ctx.actor?.id ?? null,
        tracking_secret: newTrackingSecret(),
        submitted_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertDocuments(tx, d.id, procedure!, input.documents, at);
    await logDossierEvent(tx, ctx, d.id, { event: 'submit', at, toStatus: 'submitted', toUnit: 'office' });
    await auditDossier(tx, ctx, 'submit', null, d, { channel: 'online' });
    await outbox.dossier(tx, 'submitted', noticeOf(d, procedure!));
    return { id: d.id, status: 'submitted' as const, trackingSecret: d.tracking_secret };
  });
}
