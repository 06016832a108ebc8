import type { UserView } from '@heza/shared';
import type { DbOrTx } from '../../db/client.ts';

type UserRow = {
  id: string;
  email: string;
  full_name: string;
  role: string;
  department: string | null;
  zone_scope: string | null;
  enterprise_id: string | null;
  locale: string;
  active: boolean;
  locked_until: Date | null;
  last_login_at: Date | null;
};

/** Presents users with their zones, enterprise and permissions, loading the related rows in three queries. */
export async function presentUsers(db: DbOrTx, rows: UserRow[]): Promise<UserView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const enterpriseIds = [...new Set(rows.map((r) => r.enterprise_id).filter((x): x is string => !!x))];
  const roles = [...new Set(rows.map((r) => r.role))];
  const [zones, enterprises, perms] = await Promise.all([
    db
      .selectFrom('user_zones')
      .innerJoin('zones', 'zones.id', 'user_zones.zone_id')
      .select(['user_zones.user_id', 'zones.id', 'zones.name_vi'])
      .where('user_zones.user_id', 'in', ids)
      .orderBy('zones.name_vi')
      .execute(),
    enterpriseIds.length
      ? db.selectFrom('enterprises').select(['id', 'name_vi']).where('id', 'in', enterpriseIds).execute()
      : Promise.resolve([]),
    db
      .selectFrom('role_permissions')
      .select(['role', 'action'])
      .where('role', 'in', roles)
      .orderBy('action')
      .execute(),
  ]);
  const enterpriseName = new Map(enterprises.map((e) => [e.id, e.name_vi]));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    fullName: r.full_name,
    role: r.role as UserView['role'],
    department: r.department,
    zoneScope: r.zone_scope as UserView['zoneScope'],
    zones: zones.filter((z) => z.user_id === r.id).map((z) => ({ id: z.id, name: z.name_vi })),
    enterprise: r.enterprise_id
      ? { id: r.enterprise_id, name: enterpriseName.get(r.enterprise_id) ?? '' }
      : null,
    locale: r.locale === 'en' ? 'en' : 'vi',
    permissions: perms.filter((p) => p.role === r.role).map((p) => p.action),
    active: r.active,
    lockedUntil:
      r.locked_until && r.locked_until.getTime() > Date.now() ? r.locked_until.toISOString() : null,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
  }));
}

export const USER_COLUMNS = [
  'id',
  'email',
  'full_name',
  'role',
  'department',
  'zone_scope',
  'enterprise_id',
  'locale',
  'active',
  'locked_until',
  'last_login_at',
] as const;

/** Presents one user. */
export async function presentUser(db: DbOrTx, row: UserRow): Promise<UserView> {
  return (await presentUsers(db, [row]))[0]!;
}
