import {
  IconBriefcase,
  IconBuildingFactory2,
  IconBuildingSkyscraper,
  IconFileDescription,
  IconHistory,
  IconLayoutDashboard,
  IconReportAnalytics,
  IconStack2,
  IconUsers,
  IconWorld,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type vi from '../i18n/vi.json';
import type { Role, User } from '../lib/api-types';
import { hasPermission, PERMISSIONS } from '../lib/permissions';

export type NavLabelKey = `nav.${keyof typeof vi.nav}`;
type Icon = ComponentType<{ size?: number | string; stroke?: number; 'aria-hidden'?: boolean }>;

export interface NavLinkEntry {
  kind: 'link';
  labelKey: NavLabelKey;
  to: string;
  icon: Icon;
  /** Read permission that makes the entry visible; none = every signed-in user. */
  permission?: string;
}

/** A module that is announced but not built yet: shown greyed out, not clickable. */
export interface NavComingSoonEntry {
  kind: 'soon';
  labelKey: NavLabelKey;
  icon: Icon;
  /** Roles that will use the module. */
  roles: readonly Role[];
}

export interface NavGroupEntry {
  kind: 'group';
  labelKey: NavLabelKey;
  items: NavLinkEntry[];
}

export type NavEntry = NavLinkEntry | NavComingSoonEntry | NavGroupEntry;

const ALL_ROLES: readonly Role[] = ['admin', 'leader', 'staff', 'enterprise'];
const AUTHORITY_ROLES: readonly Role[] = ['admin', 'leader', 'staff'];

/** The navbar, one entry per module of the capability map, in its order. */
export const NAVIGATION: readonly NavEntry[] = [
  { kind: 'link', labelKey: 'nav.dashboard', to: '/', icon: IconLayoutDashboard },
  {
    kind: 'group',
    labelKey: 'nav.registry',
    items: [
      {
        kind: 'link',
        labelKey: 'nav.zones',
        to: '/registry/zones',
        icon: IconBuildingFactory2,
        permission: PERMISSIONS.zoneRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.enterprises',
        to: '/registry/enterprises',
        icon: IconBuildingSkyscraper,
        permission: PERMISSIONS.enterpriseRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.projects',
        to: '/registry/projects',
        icon: IconBriefcase,
        permission: PERMISSIONS.projectRead,
      },
    ],
  },
  { kind: 'soon', labelKey: 'nav.reporting', icon: IconReportAnalytics, roles: ALL_ROLES },
  { kind: 'soon', labelKey: 'nav.officialReports', icon: IconFileDescription, roles: AUTHORITY_ROLES },
  { kind: 'soon', labelKey: 'nav.procedures', icon: IconStack2, roles: ALL_ROLES },
  { kind: 'soon', labelKey: 'nav.portal', icon: IconWorld, roles: AUTHORITY_ROLES },
  {
    kind: 'group',
    labelKey: 'nav.admin',
    items: [
      {
        kind: 'link',
        labelKey: 'nav.users',
        to: '/admin/users',
        icon: IconUsers,
        permission: PERMISSIONS.userRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.audit',
        to: '/admin/audit',
        icon: IconHistory,
        permission: PERMISSIONS.auditRead,
      },
    ],
  },
];

function canSee(user: User, entry: NavLinkEntry): boolean {
  return !entry.permission || hasPermission(user, entry.permission);
}

/** The entries this user may see; groups with no visible item disappear. */
export function visibleNavigation(user: User, entries: readonly NavEntry[] = NAVIGATION): NavEntry[] {
  const result: NavEntry[] = [];
  for (const entry of entries) {
    if (entry.kind === 'link') {
      if (canSee(user, entry)) result.push(entry);
    } else if (entry.kind === 'soon') {
      if (entry.roles.includes(user.role)) result.push(entry);
    } else {
      const items = entry.items.filter((item) => canSee(user, item));
      if (items.length > 0) result.push({ ...entry, items });
    }
  }
  return result;
}

/** Whether a nav link is the current page (the dashboard only on "/", others for their sub-paths too). */
export function isActivePath(to: string, pathname: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}
