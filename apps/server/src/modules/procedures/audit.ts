import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { DossierRow } from './access.ts';

/** The fields of a dossier that the audit trail keeps before and after a transition. */
function snapshot(d: DossierRow | null) {
  if (!d) return null;
  return {
    code: d.code,
    status: d.status,
    currentStep: d.current_step,
    countingFrom: d.counting_from,
    dueAt: d.due_at,
    legalDueDate: d.legal_due_date,
    finishedAt: d.finished_at,
    returnedAt: d.returned_at,
    closedAt: d.closed_at,
    closeReason: d.close_reason,
  };
}

/** Records a dossier transition in the audit trail (same transaction as the change). */
export async function auditDossier(
  tx: Tx,
  ctx: Ctx,
  action: string,
  before: DossierRow | null,
  after: DossierRow,
  extra?: Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, ctx, {
    action: `procedures.dossier.${action}`,
    entityType: 'dossier',
    entityId: after.id,
    before: snapshot(before),
    after: { ...snapshot(after), ...extra },
  });
}
