import { type DossierSummary, type DossierView, type SupplementItem, toIsoDateVn } from '@heza/shared';
import type { DbOrTx } from '../../db/client.ts';
import { findStoredFiles } from '../../platform/files/files.ts';
import type { DossierRow } from './access.ts';
import { CLOCK_RUNNING, transitionsFrom } from './lifecycle.ts';
import { now } from './time.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** True when a dossier whose clock runs is past its legal due date (judged on Vietnam dates). */
export function isOverdue(d: Pick<DossierRow, 'status' | 'legal_due_date'>, at: Date = now()): boolean {
  return (
    (CLOCK_RUNNING as readonly string[]).includes(d.status) &&
    d.legal_due_date !== null &&
    toIsoDateVn(at) > d.legal_due_date
  );
}

/** Presents dossiers for lists and queues (three queries for any number of rows). */
export async function presentDossierSummaries(db: DbOrTx, rows: DossierRow[]): Promise<DossierSummary[]> {
  if (rows.length === 0) return [];
  const procIds = [...new Set(rows.map((r) => r.procedure_id))];
  const [procs, steps] = await Promise.all([
    db
      .selectFrom('procedures')
      .select(['id', 'code', 'name_vi', 'name_en'])
      .where('id', 'in', procIds)
      .execute(),
    db
      .selectFrom('dossier_steps')
      .leftJoin('users', 'users.id', 'dossier_steps.assignee_id')
      .selectAll('dossier_steps')
      .select('users.full_name as assignee_name')
      .where(
        'dossier_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute(),
  ]);
  const proc = new Map(procs.map((p) => [p.id, p]));
  const at = now();
  return rows.map((r) => {
    const p = proc.get(r.procedure_id)!;
    const step =
      r.current_step === null
        ? undefined
        : steps.find((s) => s.dossier_id === r.id && s.position === r.current_step);
    return {
      id: r.id,
      code: r.code,
      status: r.status as DossierSummary['status'],
      channel: r.channel,
      procedure: { id: p.id, code: p.code, name: { vi: p.name_vi, en: p.name_en } },
      applicantName: r.applicant_name,
      subject: r.subject,
      submittedAt: r.submitted_at.toISOString(),
      receivedAt: iso(r.received_at),
      dueAt: iso(r.due_at),
      legalDueDate: r.legal_due_date,
      finishedAt: iso(r.finished_at),
      overdue: isOverdue(r, at),
      currentStep: step
        ? {
            position: step.position,
            key: step.key,
            name: { vi: step.name_vi, en: step.name_en },
            unit: step.unit,
            role: step.role,
            dueDate: step.due_date,
            assignee: step.assignee_id ? { id: step.assignee_id, name: step.assignee_name ?? '' } : null,
          }
        : null,
    };
  });
}

/** Presents one dossier with its documents, steps, supplements, extensions and hand-over log. */
export async function presentDossier(db: DbOrTx, r: DossierRow): Promise<DossierView> {
  const [summary] = await presentDossierSummaries(db, [r]);
  const [procedure, docs, steps, supplements, extensions, events] = await Promise.all([
    db
      .selectFrom('procedures')
      .select(['time_limit_days', 'supplement_clock'])
      .where('id', '=', r.procedure_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('dossier_documents')
      .selectAll()
      .where('dossier_id', '=', r.id)
      .orderBy('provided_at')
      .orderBy('name')
      .execute(),
    db
      .selectFrom('dossier_steps')
      .leftJoin('users', 'users.id', 'dossier_steps.assignee_id')
      .selectAll('dossier_steps')
      .select('users.full_name as assignee_name')
      .where('dossier_id', '=', r.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('dossier_supplements')
      .selectAll()
      .where('dossier_id', '=', r.id)
      .orderBy('number')
      .execute(),
    db
      .selectFrom('dossier_extensions')
      .selectAll()
      .where('dossier_id', '=', r.id)
      .orderBy('number')
      .execute(),
    db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', r.id).orderBy('id').execute(),
  ]);
  const files = await findStoredFiles(
    db,
    docs.map((d) => d.file_id).filter((x): x is string => !!x),
  );
  return {
    ...summary!,
    officeCode: r.office_code,
    applicant: {
      kind: r.applicant_kind,
      name: r.applicant_name,
      idNumber: r.applicant_id_number,
      address: r.applicant_address,
      phone: r.applicant_phone,
      email: r.applicant_email,
    },
    setsCount: r.sets_count,
    returnMethod: r.return_method,
    returnAddress: r.return_address,
    enterpriseId: r.enterprise_id,
    zoneId: r.zone_id,
    countingFrom: r.counting_from,
    timeLimitDays: procedure.time_limit_days,
    supplementClock: procedure.supplement_clock,
    pausedRemainingDays: r.paused_remaining_days,
    trackingSecret: r.tracking_secret,
    result: { fileId: r.result_file_id, number: r.result_number, note: r.result_note },
    returnedAt: iso(r.returned_at),
    returnedByMethod: r.returned_by_method,
    closedAt: iso(r.closed_at),
    closeReason: r.close_reason,
    archivedAt: iso(r.archived_at),
    documents: docs.map((d) => {
      const f = d.file_id ? files.get(d.file_id) : undefined;
      return {
        id: d.id,
        documentKey: d.document_key,
        name: d.name,
        originals: d.originals,
        copies: d.copies,
        file: f ? { id: f.id, name: f.originalName, mediaType: f.mediaType, sizeBytes: f.sizeBytes } : null,
        supplementId: d.supplement_id,
        providedAt: d.provided_at.toISOString(),
      };
    }),
    steps: steps.map((s) => ({
      position: s.position,
      key: s.key,
      name: { vi: s.name_vi, en: s.name_en },
      unit: s.unit,
      role: s.role,
      days: s.days,
      dueDate: s.due_date,
      assignee: s.assignee_id ? { id: s.assignee_id, name: s.assignee_name ?? '' } : null,
      startedAt: iso(s.started_at),
      completedAt: iso(s.completed_at),
      note: s.note,
    })),
    supplements: supplements.map((s) => ({
      id: s.id,
      number: s.number,
      stage: s.stage,
      requestedAt: s.requested_at.toISOString(),
      reason: s.reason,
      legalBasis: s.legal_basis,
      items: s.items as SupplementItem[],
      clockRule: s.clock_rule,
      remainingDays: s.remaining_days,
      fulfilledAt: iso(s.fulfilled_at),
    })),
    extensions: extensions.map((e) => ({
      number: e.number,
      createdAt: e.created_at.toISOString(),
      reason: e.reason,
      previousDueAt: e.previous_due_at.toISOString(),
      newDueAt: e.new_due_at.toISOString(),
      signerName: e.signer_name,
      signerTitle: e.signer_title,
    })),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      actor: e.actor_label,
      event: e.event,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      fromUnit: e.from_unit,
      toUnit: e.to_unit,
      note: e.note,
    })),
    allowedTransitions: transitionsFrom(r.status),
  };
}
