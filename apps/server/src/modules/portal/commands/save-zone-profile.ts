import { bilingual } from '@heza/shared';
import {
  PORTAL_LANGS,
  ZoneProfileInput,
  type ZoneProfileInput as ZoneProfileInputType,
} from '@heza/shared/portal';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { clearPortalCaches } from '../cache.ts';
import { getZoneProfile } from '../queries.ts';
import { sanitizeContent } from '../sanitize.ts';
import { isSectorCode } from '../sectors.ts';

/**
 * Writes the portal's view of a zone: listed or hidden, target sectors (VSIC sections or divisions), the
 * description per language (sanitised) and names in languages the registry does not hold.
 */
export async function saveZoneProfile(ctx: Ctx, zoneId: string, input: ZoneProfileInputType) {
  const v = parseInput(ZoneProfileInput, input);
  const unknown = (v.targetSectors ?? []).filter((s) => !isSectorCode(s));
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'targetSectors',
          message: bilingual(
            `Không có mã ngành ${unknown.join(', ')}.`,
            `Unknown sector ${unknown.join(', ')}.`,
          ),
        },
      ],
    });
  const removed: string[] = [];
  await ctx.db.transaction().execute(async (tx) => {
    const zone = await tx.selectFrom('zones').select('id').where('id', '=', zoneId).executeTakeFirst();
    if (!zone) throw new AppError('NOT_FOUND', { params: { entity: { vi: 'khu', en: 'Zone' } } });
    const before = await tx
      .selectFrom('portal_zone_profiles')
      .selectAll()
      .where('zone_id', '=', zoneId)
      .forUpdate()
      .executeTakeFirst();
    const descriptions = { ...((before?.descriptions ?? {}) as Record<string, string>) };
    for (const l of PORTAL_LANGS) {
      const text = v.descriptions?.[l];
      if (text === undefined) continue;
      const clean = sanitizeContent(text);
      removed.push(...clean.removed);
      if (clean.html) descriptions[l] = clean.html;
      else delete descriptions[l];
    }
    const names = { ...((before?.names ?? {}) as Record<string, string>) };
    for (const l of PORTAL_LANGS) {
      const name = v.names?.[l];
      if (name === undefined) continue;
      if (name) names[l] = name;
      else delete names[l];
    }
    const values = {
      listed: v.listed ?? before?.listed ?? true,
      target_sectors: v.targetSectors ?? before?.target_sectors ?? [],
      descriptions: JSON.stringify(descriptions),
      names: JSON.stringify(names),
      updated_by: ctx.actor?.id ?? null,
      updated_at: new Date(),
    };
    const after = await tx
      .insertInto('portal_zone_profiles')
      .values({ zone_id: zoneId, ...values })
      .onConflict((oc) => oc.column('zone_id').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'portal.zone_profile.save',
      entityType: 'zone',
      entityId: zoneId,
      before,
      after,
    });
  });
  clearPortalCaches(ctx.db);
  return { ...(await getZoneProfile(ctx.db, zoneId)), removed: [...new Set(removed)].sort() };
}
