import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { authorize, listFilter } from '../../platform/auth/policy.ts';
import type { Actor, Ctx } from '../../platform/context.ts';

/** How a registry list is narrowed for an actor: no filter, to zones (children included), or to one enterprise. */
export type RegistryFilter =
  | { kind: 'all' }
  | { kind: 'zones'; zoneIds: string[] }
  | { kind: 'enterprise'; enterpriseId: string };

/**
 * A zone and its ancestors (a park and the economic zone it lies in): jurisdiction over an economic zone covers
 * the parks inside it, so records are checked against the whole chain.
 */
export async function zoneChain(db: DbOrTx, zoneIds: readonly string[]): Promise<string[]> {
  if (zoneIds.length === 0) return [];
  const rows = await sql<{ id: string }>`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from zones where id = any(${[...zoneIds]}::uuid[])
      union all
      select z.id, z.parent_id, c.depth + 1 from zones z join chain c on z.id = c.parent_id where c.depth < 10
    )
    select distinct id from chain`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** The zones and every zone nested inside them (what "my zones" covers in lists). */
export async function zonesWithDescendants(db: DbOrTx, zoneIds: readonly string[]): Promise<string[]> {
  if (zoneIds.length === 0) return [];
  const rows = await sql<{ id: string }>`
    with recursive tree(id, depth) as (
      select id, 0 from zones where id = any(${[...zoneIds]}::uuid[])
      union all
      select z.id, t.depth + 1 from zones z join tree t on z.parent_id = t.id where t.depth < 10
    )
    select distinct id from tree`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** `listFilter` with the actor's zones widened to the zones nested in them. */
export async function registryFilter(
  db: DbOrTx,
  actor: Actor | null,
  action: string,
): Promise<RegistryFilter> {
  const f = listFilter(actor, action);
  if (f.kind !== 'zones') return f;
  return { kind: 'zones', zoneIds: await zonesWithDescendants(db, f.zoneIds) };
}

/** Throws unless the actor may do `action` on a record located in these zones (ancestors included). */
export async function authorizeInZones(
  db: DbOrTx,
  actor: Actor | null,
  action: string,
  zoneIds: readonly string[],
  enterpriseId?: string | null,
) {
  authorize(actor, action, { zoneIds: await zoneChain(db, zoneIds), enterpriseId: enterpriseId ?? null });
}

/** The zones an enterprise is linked to: its declared zones and the zones of its projects. */
export async function enterpriseZoneIds(db: DbOrTx, enterpriseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('enterprise_zones')
    .select('zone_id')
    .where('enterprise_id', '=', enterpriseId)
    .union(db.selectFrom('investment_projects').select('zone_id').where('enterprise_id', '=', enterpriseId))
    .execute();
  return rows.map((r) => r.zone_id);
}

/** An id no row has, for "match nothing" filters. */
export const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Record-level permission check used by the registry's commands (so the spreadsheet import, which calls the
 * same rules, checks every row's zone too). Work that no person started (CLI, seed: a system context with no
 * actor) is not limited by a jurisdiction; a request without an actor never gets this far (the route guard).
 */
export async function assertCan(
  ctx: Ctx,
  action: string,
  zoneIds: readonly string[],
  enterpriseId?: string | null,
): Promise<void> {
  if (!ctx.actor && (ctx as { systemLabel?: string }).systemLabel) return;
  await authorizeInZones(ctx.db, ctx.actor, action, zoneIds, enterpriseId);
}
