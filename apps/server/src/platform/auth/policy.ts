import type { Scope } from '@heza/shared';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';

/** What a permission is checked against: the zones a record belongs to and/or its enterprise. */
export interface ResourceScope {
  zoneIds?: readonly string[];
  enterpriseId?: string | null;
}

export type PolicyDecision =
  | { allowed: true; scope: Scope }
  | { allowed: false; reason: 'AUTH_REQUIRED' | 'FORBIDDEN' | 'OUT_OF_JURISDICTION' };

/**
 * The one policy function: may `actor` do `action` (on `resource`)? Permissions are data
 * (role × action → scope); the scope decides how far they reach:
 * - `all`: any record;
 * - `jurisdiction`: records in the actor's zones (all zones when the staff member covers all of them);
 * - `own_enterprise`: records of the actor's enterprise only.
 * Without a resource the question is "may the actor do this at all" (lists are then filtered by `listFilter`).
 */
export function decide(actor: Actor | null, action: string, resource?: ResourceScope): PolicyDecision {
  if (!actor) return { allowed: false, reason: 'AUTH_REQUIRED' };
  const scope = actor.permissions.get(action);
  if (!scope) return { allowed: false, reason: 'FORBIDDEN' };
  if (!resource || scope === 'all') return { allowed: true, scope };
  if (scope === 'jurisdiction') {
    if (actor.zoneScope === 'all') return { allowed: true, scope };
    const zones = resource.zoneIds ?? [];
    const mine = new Set(actor.zoneIds);
    return zones.some((z) => mine.has(z))
      ? { allowed: true, scope }
      : { allowed: false, reason: 'OUT_OF_JURISDICTION' };
  }
  // own_enterprise
  return actor.enterpriseId !== null && resource.enterpriseId === actor.enterpriseId
    ? { allowed: true, scope }
    : { allowed: false, reason: 'OUT_OF_JURISDICTION' };
}

/** Throws the matching AppError unless `decide` allows the action. */
export function authorize(actor: Actor | null, action: string, resource?: ResourceScope): Scope {
  const d = decide(actor, action, resource);
  if (!d.allowed) throw new AppError(d.reason);
  return d.scope;
}

/**
 * How a list must be narrowed for this actor and action: no filter, to some zones, or to one enterprise.
 * Throws when the actor may not do the action at all.
 */
export function listFilter(
  actor: Actor | null,
  action: string,
): { kind: 'all' } | { kind: 'zones'; zoneIds: string[] } | { kind: 'enterprise'; enterpriseId: string } {
  const scope = authorize(actor, action);
  const a = actor!;
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'jurisdiction')
    return a.zoneScope === 'all' ? { kind: 'all' } : { kind: 'zones', zoneIds: a.zoneIds };
  return { kind: 'enterprise', enterpriseId: a.enterpriseId ?? '00000000-0000-0000-0000-000000000000' };
}

/** Loads an actor (permissions and zones included) for a user id; undefined when the user does not exist. */
export async function findActor(db: DbOrTx, userId: string): Promise<Actor | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'full_name', 'role', 'department', 'zone_scope', 'enterprise_id', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user?.active) return undefined;
  const [perms, zones] = await Promise.all([
    db.selectFrom('role_permissions').select(['action', 'scope']).where('role', '=', user.role).execute(),
    db.selectFrom('user_zones').select('zone_id').where('user_id', '=', userId).execute(),
  ]);
  return {
    id: user.id,
    email: user.email,
    fullName: user.full_name,
    role: user.role as Actor['role'],
    department: user.department,
    zoneScope: user.zone_scope as Actor['zoneScope'],
    zoneIds: zones.map((z) => z.zone_id),
    enterpriseId: user.enterprise_id,
    permissions: new Map(perms.map((p) => [p.action, p.scope as Scope])),
  };
}
