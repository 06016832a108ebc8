import { ZoneUpdateInput, type ZoneUpdateInput as ZoneUpdateInputType } from '@heza/shared/registry';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { getZone, ZONE_ENTITY } from '../queries.ts';
import { assertCan } from '../scope.ts';
import { checkZoneReferences } from './create-zone.ts';

/** Changes a zone's profile (names, kind, parent, model, developer, location, contacts…); audited before/after. */
export async function updateZone(ctx: Ctx, id: string, input: ZoneUpdateInputType) {
  const v = parseInput(ZoneUpdateInput, input);
  await ctx.db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('zones')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', { params: { entity: ZONE_ENTITY } });
    await assertCan(ctx, 'registry.zone.write', [id]);
    if (v.parentId) await assertCan(ctx, 'registry.zone.write', [v.parentId]);
    await checkZoneReferences(tx, v, id);
    const changes = {
      ...(v.nameVi !== undefined && { name_vi: v.nameVi }),
      ...(v.nameEn !== undefined && { name_en: v.nameEn }),
      ...(v.kind !== undefined && { kind: v.kind }),
      ...(v.parentId !== undefined && { parent_id: v.parentId }),
      ...(v.modelType !== undefined && { model_type: v.modelType }),
      ...(v.developerId !== undefined && { developer_id: v.developerId }),
      ...(v.location !== undefined && { location: v.location ? JSON.stringify(v.location) : null }),
      ...(v.address !== undefined && { address: v.address }),
      ...(v.infrastructure !== undefined && { infrastructure: JSON.stringify(v.infrastructure) }),
      ...(v.contacts !== undefined && { contacts: JSON.stringify(v.contacts) }),
      ...(v.descriptionVi !== undefined && { description_vi: v.descriptionVi }),
      ...(v.descriptionEn !== undefined && { description_en: v.descriptionEn }),
      ...(v.source !== undefined && { source: v.source }),
    };
    const after = await tx
      .updateTable('zones')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'registry.zone.update',
      entityType: 'zone',
      entityId: id,
      before: current,
      after,
    });
  });
  return getZone(ctx.db, id);
}
