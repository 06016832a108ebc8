import { slugifyVi } from '@heza/shared';
import { ZoneInput, type ZoneInput as ZoneInputType } from '@heza/shared/registry';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { getZone } from '../queries.ts';
import { assertCan } from '../scope.ts';
import { duplicate, invalidField } from './errors.ts';

/** Checks the parent (an existing economic zone, not the zone itself) and the developer of a zone. */
export async function checkZoneReferences(
  tx: Tx,
  v: { parentId?: string | null; developerId?: string | null },
  selfId?: string,
) {
  if (v.parentId) {
    if (v.parentId === selfId)
      throw invalidField(
        'parentId',
        'Khu không thể là khu cha của chính nó.',
        'A zone cannot be its own parent.',
      );
    const parent = await tx
      .selectFrom('zones')
      .select(['kind', 'parent_id'])
      .where('id', '=', v.parentId)
      .executeTakeFirst();
    if (!parent) throw invalidField('parentId', 'Không tìm thấy khu cha.', 'The parent zone does not exist.');
    if (parent.kind !== 'economic_zone') {
      throw invalidField(
        'parentId',
        'Khu cha phải là một khu kinh tế.',
        'The parent zone must be an economic zone.',
      );
    }
  }
  if (v.developerId) {
    const dev = await tx
      .selectFrom('enterprises')
      .select('id')
      .where('id', '=', v.developerId)
      .executeTakeFirst();
    if (!dev)
      throw invalidField(
        'developerId',
        'Không tìm thấy doanh nghiệp phát triển hạ tầng.',
        'The developer does not exist.',
      );
  }
}

/**
 * Creates a zone (profile only; its lifecycle and areas are dated records added afterwards). Staff limited to
 * some zones may only create zones inside an economic zone of theirs.
 */
export async function createZone(ctx: Ctx, input: ZoneInputType) {
  const v = parseInput(ZoneInput, input);
  const code = v.code ?? slugifyVi(v.nameVi);
  const id = await ctx.db.transaction().execute(async (tx) => {
    await assertCan(ctx, 'registry.zone.write', v.parentId ? [v.parentId] : []);
    await checkZoneReferences(tx, v);
    const taken = await tx.selectFrom('zones').select('id').where('code', '=', code).executeTakeFirst();
    if (taken)
      throw duplicate(
        'code',
        { vi: 'mã khu', en: 'zone code' },
        `Mã khu "${code}" đã tồn tại.`,
        `Zone code "${code}" already exists.`,
      );
    const row = await tx
      .insertInto('zones')
      .values({
        code,
        name_vi: v.nameVi,
        name_en: v.nameEn,
        kind: v.kind,
        parent_id: v.parentId ?? null,
        model_type: v.modelType,
        developer_id: v.developerId ?? null,
        location: v.location ? JSON.stringify(v.location) : null,
        address: v.address,
        infrastructure: JSON.stringify(v.infrastructure),
        contacts: JSON.stringify(v.contacts),
        description_vi: v.descriptionVi,
        description_en: v.descriptionEn,
        source: v.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'registry.zone.create',
      entityType: 'zone',
      entityId: row.id,
      after: { code, ...v },
    });
    return row.id;
  });
  return getZone(ctx.db, id);
}
