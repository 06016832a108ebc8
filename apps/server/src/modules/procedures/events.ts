import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';

/** One entry of the hand-over log (phiếu kiểm soát quá trình giải quyết hồ sơ, form 06). */
export interface DossierEvent {
  event: string;
  at: Date;
  fromStatus?: string | null;
  toStatus?: string | null;
  fromUnit?: string | null;
  toUnit?: string | null;
  assigneeId?: string | null;
  note?: string | null;
  data?: unknown;
}

/** Appends an entry to a dossier's hand-over log inside the caller's transaction. */
export async function logDossierEvent(
  tx: Tx,
  ctx: Pick<Ctx, 'actor'> & { systemLabel?: string },
  dossierId: string,
  e: DossierEvent,
): Promise<void> {
  await tx
    .insertInto('dossier_events')
    .values({
      dossier_id: dossierId,
      at: e.at,
      actor_id: ctx.actor?.id ?? null,
      actor_label: ctx.actor ? ctx.actor.fullName : (ctx.systemLabel ?? 'applicant'),
      event: e.event,
      from_status: e.fromStatus ?? null,
      to_status: e.toStatus ?? null,
      from_unit: e.fromUnit ?? null,
      to_unit: e.toUnit ?? null,
      assignee_id: e.assigneeId ?? null,
      note: e.note ?? null,
      data: e.data === undefined ? null : JSON.stringify(e.data),
    })
    .execute();
}
