import {
  bilingual,
  type DossierDocumentInput,
  type ProcedureDocument,
  type ProcedureView,
  type SupplementItem,
} from '@heza/shared';
import type { Tx } from '../../db/client.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { attachFiles, findStoredFiles } from '../../platform/files/files.ts';
import { getCalendar } from '../calendar/service.ts';
import type { DossierRow } from './access.ts';
import { nextDossierCode } from './code.ts';
import { logDossierEvent } from './events.ts';
import type { DossierNotice, Outbox } from './notifications.ts';
import { appointmentOf } from './time.ts';

/** How documents are handed in: online (each one a file) or on paper at the counter. */
export type IntakeMode = 'online' | 'paper';

/** Where a dossier's files are attached (stored_files.attached_to). */
export const DOSSIER_FILES = 'procedures.dossier';

/**
 * The completeness check against the catalogue: which required documents are missing. Online, each must
 * come as a file; on paper, with at least the originals required and as many papers as originals plus
 * copies (an original may stand in for a copy).
 */
export function missingDocuments(
  procedure: Pick<ProcedureView, 'documents'>,
  given: readonly DossierDocumentInput[],
  mode: IntakeMode,
): ProcedureDocument[] {
  return procedure.documents.filter((doc) => {
    if (!doc.required) return false;
    const mine = given.filter((g) => g.documentKey === doc.key);
    if (mode === 'online') return !mine.some((g) => g.fileId);
    const originals = mine.reduce((n, g) => n + g.originals, 0);
    const papers = mine.reduce((n, g) => n + g.originals + g.copies, 0);
    const files = mine.some((g) => g.fileId);
    return !(files || (originals >= doc.originals && papers >= doc.originals + doc.copies && papers > 0));
  });
}

/** A supplement item for a missing catalogue document. */
export function missingItem(doc: ProcedureDocument): SupplementItem {
  return {
    documentKey: doc.key,
    name: doc.nameVi,
    reason: `Chưa có trong hồ sơ (cần ${doc.originals} bản chính, ${doc.copies} bản sao)`,
  };
}

/** The problems (one per missing or unknown document) that refuse an incomplete submission. */
export function documentProblems(
  procedure: Pick<ProcedureView, 'documents'>,
  given: readonly DossierDocumentInput[],
  mode: IntakeMode,
): FieldProblem[] {
  const known = new Set(procedure.documents.map((d) => d.key));
  const problems: FieldProblem[] = [];
  given.forEach((g, i) => {
    if (g.documentKey && !known.has(g.documentKey)) {
      problems.push({
        field: `documents.${i}.documentKey`,
        message: bilingual(
          `Giấy tờ "${g.documentKey}" không thuộc thủ tục này.`,
          `Document "${g.documentKey}" is not part of this procedure.`,
        ),
      });
    }
  });
  for (const doc of missingDocuments(procedure, given, mode)) {
    problems.push({
      field: `documents.${doc.key}`,
      message: bilingual(
        mode === 'online'
          ? `Thiếu tệp: ${doc.nameVi}.`
          : `Thiếu: ${doc.nameVi} (cần ${doc.originals} bản chính, ${doc.copies} bản sao).`,
        mode === 'online'
          ? `Missing file: ${doc.nameEn}.`
          : `Missing: ${doc.nameEn} (${doc.originals} original(s), ${doc.copies} copy(ies) required).`,
      ),
    });
  }
  return problems;
}

/**
 * Checks that the files given exist and were uploaded by the same person (a guest's uploads have no
 * uploader), then attaches them to the dossier area so they cannot be reused elsewhere.
 */
export async function attachDocumentFiles(
  tx: Tx,
  actor: Actor | null,
  docs: readonly { fileId?: string | null }[],
) {
  const ids = docs.map((d) => d.fileId).filter((x): x is string => !!x);
  if (ids.length === 0) return;
  const files = await findStoredFiles(tx, ids);
  const problems: FieldProblem[] = [];
  docs.forEach((d, i) => {
    if (!d.fileId) return;
    const f = files.get(d.fileId);
    // Staff may attach files they scanned for the applicant; others only their own uploads.
    const ownerOk = f && (actor?.role === 'staff' || (f.uploadedBy ?? null) === (actor?.id ?? null));
    if (!f || !ownerOk) {
      problems.push({
        field: `documents.${i}.fileId`,
        message: bilingual('Không tìm thấy tệp đã tải lên.', 'The uploaded file was not found.'),
      });
    }
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', { details: problems });
  await attachFiles(tx, ids, DOSSIER_FILES);
}

/** Records the documents handed in (names copied from the catalogue, so later versions do not rename them). */
export async function insertDocuments(
  tx: Tx,
  dossierId: string,
  procedure: Pick<ProcedureView, 'documents'>,
  docs: readonly DossierDocumentInput[],
  at: Date,
  supplementId: string | null = null,
): Promise<void> {
  if (docs.length === 0) return;
  const names = new Map(procedure.documents.map((d) => [d.key, d.nameVi]));
  await tx
    .insertInto('dossier_documents')
    .values(
      docs.map((d) => ({
        dossier_id: dossierId,
        document_key: d.documentKey ?? null,
        name: d.name ?? (d.documentKey ? (names.get(d.documentKey) ?? d.documentKey) : ''),
        originals: d.originals,
        copies: d.copies,
        file_id: d.fileId ?? null,
        supplement_id: supplementId,
        provided_at: at,
      })),
    )
    .execute();
}

/** The notice of a dossier for the outbox. */
export function noticeOf(
  d: Pick<DossierRow, 'id' | 'code' | 'tracking_secret' | 'applicant_email' | 'applicant_phone' | 'due_at'>,
  procedure: { name: { vi: string; en: string } },
  extra: { reason?: string | null; items?: string[] } = {},
): DossierNotice {
  return {
    id: d.id,
    code: d.code,
    trackingSecret: d.tracking_secret,
    procedureName: procedure.name,
    email: d.applicant_email,
    phone: d.applicant_phone,
    dueAt: d.due_at,
    ...extra,
  };
}

/**
 * Receives a complete dossier inside the caller's transaction: the dossier code from the day's sequence,
 * the appointment on the working-day calendar (cut-off and holidays included), the processing steps with
 * their due dates, the log entry and the applicant's notice (form 01).
 */
export async function receiveInTx(
  tx: Tx,
  ctx: Ctx,
  outbox: Outbox,
  d: DossierRow,
  procedure: ProcedureView,
  receivedAt: Date,
): Promise<DossierRow> {
  const calendar = await getCalendar(ctx.db, tx);
  const appt = appointmentOf(calendar, receivedAt, procedure.timeLimitDays, procedure.cutoff);
  const code = await nextDossierCode(tx, d.office_code, receivedAt);
  const updated = await tx
    .updateTable('dossiers')
    .set({
      status: 'received',
      code,
      received_at: receivedAt,
      received_by: ctx.actor?.id ?? null,
      counting_from: appt.countingFrom,
      due_at: appt.dueAt,
      legal_due_date: appt.dueDate,
      updated_at: new Date(),
    })
    .where('id', '=', d.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  let spent = 0;
  await tx
    .insertInto('dossier_steps')
    .values(
      procedure.steps.map((s, position) => {
        spent += s.days;
        return {
          dossier_id: d.id,
          position,
          key: s.key,
          name_vi: s.nameVi,
          name_en: s.nameEn,
          unit: s.unit,
          role: s.role,
          days: s.days,
          due_date: calendar.addWorkingDays(appt.countingFrom, spent),
        };
      }),
    )
    .execute();
  await logDossierEvent(tx, ctx, d.id, {
    event: 'receive',
    at: receivedAt,
    fromStatus: d.status,
    toStatus: 'received',
    toUnit: 'office',
    data: { code, countingFrom: appt.countingFrom, dueAt: appt.dueAt.toISOString() },
  });
  await outbox.dossier(tx, 'received', noticeOf(updated, procedure));
  return updated;
}
