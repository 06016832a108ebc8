import { todayVn, ZoneAreaInput, type ZoneAreaInput as ZoneAreaInputType } from '@heza/shared/registry';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { presentZoneArea } from '../presenter.ts';
import { ZONE_ENTITY } from '../queries.ts';
import { assertCan } from '../scope.ts';
import { invalidField } from './errors.ts';

/**
 * Records a zone's areas as of a date (total, industrial land, leasable, leased). A correction for the same
 * date is a newer record; the older one stays in the history.
 */
export async function recordZoneArea(ctx: Ctx, zoneId: string, input: ZoneAreaInputType) {
  const v = parseInput(ZoneAreaInput, input);
  if (v.asOf > todayVn())
    throw invalidField(
      'asOf',
      'Ngày số liệu không được ở tương lai.',
      'The as-of date cannot be in the future.',
    );
  return ctx.db.transaction().execute(async (tx) => {
    const zone = await tx.selectFrom('zones').select('id').where('id', '=', zoneId).executeTakeFirst();
    if (!zone) throw new AppError('NOT_FOUND', { params: { entity: ZONE_ENTITY } });
    await assertCan(ctx, 'registry.zone.write', [zoneId]);
    const row = await tx
      .insertInto('zone_area_records')
      .values({
        zone_id: zoneId,
        as_of: v.asOf,
        total_area_ha: v.totalAreaHa,
        industrial_land_ha: v.industrialLandHa ?? null,
        leasable_ha: v.leasableHa ?? null,
        leased_ha: v.leasedHa ?? null,
        source: v.source,
        note: v.note,
        recorded_by: ctx.actor?.id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentZoneArea(row);
    await recordAudit(tx, ctx, {
      action: 'registry.zone.area.record',
      entityType: 'zone',
      entityId: zoneId,
      after: view,
    });
    return view;
  });
}
