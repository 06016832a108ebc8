import {
  EnterpriseUpdateInput,
  type EnterpriseUpdateInput as EnterpriseUpdateInputType,
} from '@heza/shared/registry';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { ENTERPRISE_ENTITY, getEnterprise } from '../queries.ts';
import { assertCan, enterpriseZoneIds } from '../scope.ts';
import { checkZonesExist } from './create-enterprise.ts';

/**
 * Changes an enterprise's profile. The zones of its projects always stay linked (jurisdiction follows the
 * projects), whatever zone list is sent.
 */
export async function updateEnterprise(ctx: Ctx, id: string, input: EnterpriseUpdateInputType) {
  const v = parseInput(EnterpriseUpdateInput, input);
  await ctx.db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('enterprises')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', { params: { entity: ENTERPRISE_ENTITY } });
    const currentZones = await enterpriseZoneIds(tx, id);
    await assertCan(ctx, 'registry.enterprise.write', currentZones, id);
    const before = await getEnterprise(tx, id);
    if (v.zoneIds) {
      await checkZonesExist(tx, v.zoneIds, 'zoneIds');
      const added = v.zoneIds.filter((z) => !currentZones.includes(z));
      if (added.length) await assertCan(ctx, 'registry.enterprise.write', added);
      const projectZones = await tx
        .selectFrom('investment_projects')
        .select('zone_id')
        .where('enterprise_id', '=', id)
        .execute();
      const keep = [...new Set([...v.zoneIds, ...projectZones.map((p) => p.zone_id)])];
      await tx.deleteFrom('enterprise_zones').where('enterprise_id', '=', id).execute();
      if (keep.length)
        await tx
          .insertInto('enterprise_zones')
          .values(keep.map((zone_id) => ({ enterprise_id: id, zone_id })))
          .execute();
    }
    await tx
      .updateTable('enterprises')
      .set({
        ...(v.nameVi !== undefined && { name_vi: v.nameVi }),
        ...(v.nameEn !== undefined && { name_en: v.nameEn }),
        ...(v.ownership !== undefined && { ownership: v.ownership }),
        ...(v.investorCountries !== undefined && { investor_countries: [...new Set(v.investorCountries)] }),
        ...(v.address !== undefined && { address: v.address }),
        ...(v.contacts !== undefined && { contacts: JSON.stringify(v.contacts) }),
        ...(v.status !== undefined && { status: v.status }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const after = await getEnterprise(tx, id);
    await recordAudit(tx, ctx, {
      action: 'registry.enterprise.update',
      entityType: 'enterprise',
      entityId: id,
      before,
      after,
    });
  });
  return getEnterprise(ctx.db, id);
}
