import { todayVn, ZoneEventInput, type ZoneEventInput as ZoneEventInputType } from '@heza/shared/registry';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { presentZoneEvent } from '../presenter.ts';
import { ZONE_ENTITY } from '../queries.ts';
import { assertCan } from '../scope.ts';
import { checkZoneEvent } from '../zone-rules.ts';
import { invalid } from './errors.ts';

/**
 * Appends a lifecycle event (with its deciding document) to a zone. The zone row is locked so two events for
 * the same zone are checked one after the other.
 */
export async function recordZoneEvent(ctx: Ctx, zoneId: string, input: ZoneEventInputType) {
  const v = parseInput(ZoneEventInput, input);
  return ctx.db.transaction().execute(async (tx) => {
    const zone = await tx
      .selectFrom('zones')
      .select('id')
      .where('id', '=', zoneId)
      .forUpdate()
      .executeTakeFirst();
    if (!zone) throw new AppError('NOT_FOUND', { params: { entity: ZONE_ENTITY } });
    await assertCan(ctx, 'registry.zone.write', [zoneId]);
    const live = await tx
      .selectFrom('zone_events')
      .select(['status', 'event_date as eventDate'])
      .where('zone_id', '=', zoneId)
      .where('voided_at', 'is', null)
      .execute();
    const problems = checkZoneEvent(live, v, todayVn());
    if (problems.length) throw invalid(problems);
    const row = await tx
      .insertInto('zone_events')
      .values({
        zone_id: zoneId,
        status: v.status,
        event_date: v.eventDate,
        decision_no: v.decisionNo,
        decision_date: v.decisionDate ?? null,
        decision_issuer: v.decisionIssuer,
        note: v.note,
        recorded_by: ctx.actor?.id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentZoneEvent(row);
    await recordAudit(tx, ctx, {
      action: 'registry.zone.event.record',
      entityType: 'zone',
      entityId: zoneId,
      after: view,
    });
    return view;
  });
}
