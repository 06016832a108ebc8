import {
  PortalSettingsInput,
  type PortalSettingsInput as PortalSettingsInputType,
} from '@heza/shared/portal';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { clearPortalCaches } from '../cache.ts';
import { loadSettings } from '../site.ts';

/** Writes the portal's settings (the authority's name and contact; the map's basemap). */
export async function saveSettings(ctx: Ctx, input: PortalSettingsInputType) {
  const v = parseInput(PortalSettingsInput, input);
  clearPortalCaches(ctx.db);
  const current = await loadSettings(ctx.db);
  await ctx.db.transaction().execute(async (tx) => {
    const writes: [string, unknown][] = [];
    if (v.site)
      writes.push([
        'portal.site',
        { ...current.site, ...v.site, name: { ...current.site.name, ...(v.site.name ?? {}) } },
      ]);
    if (v.basemap)
      writes.push([
        'portal.basemap',
        { kind: v.basemap.kind, url: v.basemap.url ?? null, attribution: v.basemap.attribution ?? null },
      ]);
    for (const [key, value] of writes) {
      await tx
        .insertInto('platform_settings')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: new Date() }),
        )
        .execute();
    }
    await recordAudit(tx, ctx, {
      action: 'portal.settings.save',
      entityType: 'platform_settings',
      before: current,
      after: v,
    });
  });
  clearPortalCaches(ctx.db);
  return loadSettings(ctx.db);
}
