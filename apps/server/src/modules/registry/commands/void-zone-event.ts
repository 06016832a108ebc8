import { VoidInput } from '@heza/shared/registry';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { presentZoneEvent } from '../presenter.ts';
import { EVENT_ENTITY } from '../queries.ts';
import { assertCan } from '../scope.ts';

/**
 * Voids a wrong lifecycle event: it stays in the timeline, marked void with the reason, and no longer counts.
 * Events are never edited or deleted (history is kept); record the right one afterwards.
 */
export async function voidZoneEvent(ctx: Ctx, zoneId: string, eventId: string, input: VoidInput) {
  const v = parseInput(VoidInput, input);
  return ctx.db.transaction().execute(async (tx) => {
    const event = await tx
      .selectFrom('zone_events')
      .selectAll()
      .where('id', '=', eventId)
      .where('zone_id', '=', zoneId)
      .forUpdate()
      .executeTakeFirst();
    if (!event) throw new AppError('NOT_FOUND', { params: { entity: EVENT_ENTITY } });
    await assertCan(ctx, 'registry.zone.write', [zoneId]);
    if (event.voided_at) throw new AppError('INVALID_STATE');
    const row = await tx
      .updateTable('zone_events')
      .set({ voided_at: new Date(), voided_by: ctx.actor?.id ?? null, void_reason: v.reason })
      .where('id', '=', eventId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentZoneEvent(row);
    await recordAudit(tx, ctx, {
      action: 'registry.zone.event.void',
      entityType: 'zone',
      entityId: zoneId,
      before: presentZoneEvent(event),
      after: view,
    });
    return view;
  });
}
