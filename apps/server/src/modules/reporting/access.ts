/**
 * Record-level permissions of reporting: a report belongs to an enterprise, and an enterprise to zones (its
 * declared zones, its projects' zones and its main zone, each with its parent zones). Staff reach the
 * enterprises of their zones; enterprise users only their own enterprise.
 */
import type { DbOrTx } from '../../db/client.ts';
import { authorize } from '../../platform/auth/policy.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import {
  authorizeInZones,
  enterpriseZoneIds,
  type RegistryFilter,
  registryFilter,
} from '../registry/scope.ts';

/** Every zone an enterprise is linked to, including its main zone. */
export async function zonesOfEnterprise(db: DbOrTx, enterpriseId: string): Promise<string[]> {
  const [linked, main] = await Promise.all([
    enterpriseZoneIds(db, enterpriseId),
    db.selectFrom('enterprises').select('main_zone_id').where('id', '=', enterpriseId).executeTakeFirst(),
  ]);
  return main?.main_zone_id ? [...new Set([...linked, main.main_zone_id])] : linked;
}

/**
 * Throws unless the actor may do `action` on this enterprise's reports. Work no person started (seed, jobs:
 * a system context) is not limited by a jurisdiction.
 */
export async function assertEnterpriseAccess(ctx: Ctx, action: string, enterpriseId: string): Promise<void> {
  if (!ctx.actor && (ctx as { systemLabel?: string }).systemLabel) return;
  await authorizeInZones(
    ctx.db,
    ctx.actor,
    action,
    await zonesOfEnterprise(ctx.db, enterpriseId),
    enterpriseId,
  );
}

/** How lists of reports are narrowed for the actor: all, some zones (children included) or one enterprise. */
export async function reportingFilter(ctx: Ctx, action: string): Promise<RegistryFilter> {
  if (!ctx.actor && (ctx as { systemLabel?: string }).systemLabel) return { kind: 'all' };
  return registryFilter(ctx.db, ctx.actor, action);
}

/** Throws unless the actor may do `action` at all (system contexts may). For authority-wide records. */
export function assertAllowed(ctx: Ctx, action: string): void {
  if (!ctx.actor && (ctx as { systemLabel?: string }).systemLabel) return;
  authorize(ctx.actor, action);
}

/**
 * Throws unless the actor's permission for `action` reaches every enterprise (scope 'all', or a jurisdiction
 * over all zones): for acts that concern every enterprise of a form at once.
 */
export function assertAllEnterprises(ctx: Ctx, action: string): void {
  if (!ctx.actor && (ctx as { systemLabel?: string }).systemLabel) return;
  const scope = authorize(ctx.actor, action);
  if (scope === 'all' || (scope === 'jurisdiction' && ctx.actor!.zoneScope === 'all')) return;
  throw new AppError('OUT_OF_JURISDICTION');
}
