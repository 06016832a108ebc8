import { ProjectUpdateInput, type ProjectUpdateInput as ProjectUpdateInputType } from '@heza/shared/registry';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { getProject, PROJECT_ENTITY } from '../queries.ts';
import { assertCan } from '../scope.ts';
import { checkVsic, checkZoneExists, resolveCountry } from './create-project.ts';

/**
 * Changes a project's profile. Ledger entries already recorded keep the classification they were recorded
 * under; a move between zones managed by different authorities is a transfer_out / transfer_in in the ledger.
 */
export async function updateProject(ctx: Ctx, id: string, input: ProjectUpdateInputType) {
  const v = parseInput(ProjectUpdateInput, input);
  if (v.vsicCode) checkVsic(v.vsicCode);
  await ctx.db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('investment_projects')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', { params: { entity: PROJECT_ENTITY } });
    await assertCan(ctx, 'registry.project.write', [current.zone_id]);
    if (v.zoneId && v.zoneId !== current.zone_id) {
      await checkZoneExists(tx, v.zoneId);
      await assertCan(ctx, 'registry.project.write', [v.zoneId]);
    }
    const investors = v.investors ?? (current.investors as { country: string }[]);
    const country =
      v.countryCode !== undefined || v.investors !== undefined
        ? resolveCountry(current.investment_type, v.countryCode ?? current.country_code, investors)
        : current.country_code;
    const before = await getProject(tx, id);
    await tx
      .updateTable('investment_projects')
      .set({
        ...(v.nameVi !== undefined && { name_vi: v.nameVi }),
        ...(v.nameEn !== undefined && { name_en: v.nameEn }),
        ...(v.zoneId !== undefined && { zone_id: v.zoneId }),
        ...(v.investors !== undefined && { investors: JSON.stringify(v.investors) }),
        ...(v.vsicCode !== undefined && { vsic_code: v.vsicCode }),
        ...(v.objectives !== undefined && { objectives: v.objectives }),
        ...(v.landAreaHa !== undefined && { land_area_ha: v.landAreaHa }),
        country_code: country,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (v.zoneId) {
      await tx
        .insertInto('enterprise_zones')
        .values({ enterprise_id: current.enterprise_id, zone_id: v.zoneId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    const { ledger: _b, ...beforeProfile } = before;
    const { ledger: _a, ...afterProfile } = await getProject(tx, id);
    await recordAudit(tx, ctx, {
      action: 'registry.project.update',
      entityType: 'project',
      entityId: id,
      before: beforeProfile,
      after: afterProfile,
    });
  });
  return getProject(ctx.db, id);
}
