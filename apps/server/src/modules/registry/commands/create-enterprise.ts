import { EnterpriseInput, type EnterpriseInput as EnterpriseInputType } from '@heza/shared/registry';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { getEnterprise } from '../queries.ts';
import { assertCan } from '../scope.ts';
import { duplicate, invalidField } from './errors.ts';

/** Throws naming `field` unless every zone id exists. */
export async function checkZonesExist(tx: Tx, zoneIds: readonly string[], field: string) {
  if (zoneIds.length === 0) return;
  const found = await tx
    .selectFrom('zones')
    .select('id')
    .where('id', 'in', [...zoneIds])
    .execute();
  if (found.length !== new Set(zoneIds).size)
    throw invalidField(field, 'Có khu không tồn tại.', 'A zone does not exist.');
}

/** Throws CONFLICT naming taxCode when another enterprise has it. */
export async function checkTaxCodeFree(tx: Tx, taxCode: string) {
  const taken = await tx
    .selectFrom('enterprises')
    .select('id')
    .where('tax_code', '=', taxCode)
    .executeTakeFirst();
  if (taken) {
    throw duplicate(
      'taxCode',
      { vi: 'mã số thuế', en: 'tax code' },
      `Mã số thuế ${taxCode} đã có trong sổ doanh nghiệp.`,
      `Tax code ${taxCode} is already registered.`,
    );
  }
}

/**
 * Registers an enterprise: the one profile (tax code, names, FDI or domestic, investor countries, zones,
 * contacts) that every later module reuses. Staff need at least one of its zones in their jurisdiction.
 */
export async function createEnterprise(ctx: Ctx, input: EnterpriseInputType) {
  const v = parseInput(EnterpriseInput, input);
  const id = await ctx.db.transaction().execute(async (tx) => {
    await assertCan(ctx, 'registry.enterprise.write', v.zoneIds);
    await checkZonesExist(tx, v.zoneIds, 'zoneIds');
    await checkTaxCodeFree(tx, v.taxCode);
    const row = await tx
      .insertInto('enterprises')
      .values({
        tax_code: v.taxCode,
        name_vi: v.nameVi,
        name_en: v.nameEn,
        ownership: v.ownership,
        investor_countries: [...new Set(v.investorCountries)],
        address: v.address,
        contacts: JSON.stringify(v.contacts),
        status: v.status,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const zoneIds = [...new Set(v.zoneIds)];
    if (zoneIds.length) {
      await tx
        .insertInto('enterprise_zones')
        .values(zoneIds.map((zone_id) => ({ enterprise_id: row.id, zone_id })))
        .execute();
    }
    await recordAudit(tx, ctx, {
      action: 'registry.enterprise.create',
      entityType: 'enterprise',
      entityId: row.id,
      after: v,
    });
    return row.id;
  });
  return getEnterprise(ctx.db, id);
}
