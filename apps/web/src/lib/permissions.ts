import type { User } from './api-types';

/** Action codes the web checks. The server is the authority; the web only hides what would be refused. */
export const PERMISSIONS = {
  userRead: 'accounts.user.read',
  userWrite: 'accounts.user.write',
  auditRead: 'audit.read',
  zoneRead: 'registry.zone.read',
  zoneWrite: 'registry.zone.write',
  enterpriseRead: 'registry.enterprise.read',
  projectRead: 'registry.project.read',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

export function hasPermission(
  user: Pick<User, 'permissions'> | null | undefined,
  permission: string,
): boolean {
  return !!user && user.permissions.includes(permission);
}
