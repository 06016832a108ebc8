import {
  IconBriefcase,
  IconBuildingBank,
  IconBuildingCommunity,
  IconBuildingFactory2,
  IconBuildingSkyscraper,
  IconCalendar,
  IconChartBar,
  IconChartLine,
  IconChecklist,
  IconFileDescription,
  IconFileImport,
  IconFolders,
  IconForms,
  IconGauge,
  IconHistory,
  IconInbox,
  IconLayoutDashboard,
  IconListDetails,
  IconMap,
  IconMapPin,
  IconMathFunction,
  IconMessageReport,
  IconPhoto,
  IconReportAnalytics,
  IconSettings,
  IconStack2,
  IconTable,
  IconTargetArrow,
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
      {
        kind: 'link',
        labelKey: 'nav.investmentStats',
        to: '/registry/stats',
        icon: IconChartLine,
        permission: PERMISSIONS.statsRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.plans',
        to: '/registry/plans',
        icon: IconTargetArrow,
        permission: PERMISSIONS.planRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.registryImport',
        to: '/registry/import',
        icon: IconFileImport,
        permission: PERMISSIONS.registryImport,
      },
    ],
  },
  {
    kind: 'group',
    labelKey: 'nav.reporting',
    items: [
      {
        kind: 'link',
        labelKey: 'nav.myReports',
        to: '/reporting',
        icon: IconReportAnalytics,
        permission: PERMISSIONS.reportRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.submissions',
        to: '/reporting/submissions',
        icon: IconInbox,
        permission: PERMISSIONS.reportReview,
      },
      {
        kind: 'link',
        labelKey: 'nav.completeness',
        to: '/reporting/completeness',
        icon: IconChecklist,
        permission: PERMISSIONS.reportMonitor,
      },
      {
        kind: 'link',
        labelKey: 'nav.indicators',
        to: '/reporting/indicators',
        icon: IconListDetails,
        permission: PERMISSIONS.reportMonitor,
      },
      {
        kind: 'link',
        labelKey: 'nav.reportingForms',
        to: '/reporting/forms',
        icon: IconForms,
        permission: PERMISSIONS.reportMonitor,
      },
      {
        kind: 'link',
        labelKey: 'nav.validationRules',
        to: '/reporting/rules',
        icon: IconMathFunction,
        permission: PERMISSIONS.reportMonitor,
      },
      {
        kind: 'link',
        labelKey: 'nav.reportingImport',
        to: '/reporting/import',
        icon: IconFileImport,
        permission: PERMISSIONS.reportImport,
      },
    ],
  },
  {
    kind: 'group',
    labelKey: 'nav.analytics',
    items: [
      {
        kind: 'link',
        labelKey: 'nav.leaderDashboard',
        to: '/analytics/dashboard',
        icon: IconGauge,
        permission: PERMISSIONS.analyticsRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.pivot',
        to: '/analytics',
        icon: IconTable,
        permission: PERMISSIONS.analyticsRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.indicatorMap',
        to: '/analytics/map',
        icon: IconMap,
        permission: PERMISSIONS.analyticsRead,
      },
    ],
  },
  {
    kind: 'link',
    labelKey: 'nav.officialReports',
    to: '/official-reports',
    icon: IconFileDescription,
    permission: PERMISSIONS.officialReportRead,
  },
  {
    kind: 'group',
    labelKey: 'nav.procedures',
    items: [
      {
        kind: 'link',
        labelKey: 'nav.proceduresCatalogue',
        to: '/procedures/catalogue',
        icon: IconStack2,
        permission: PERMISSIONS.procedureCatalogueRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.dossiers',
        to: '/procedures/dossiers',
        icon: IconFolders,
        permission: PERMISSIONS.dossierRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.proceduresQueue',
        to: '/procedures/queue',
        icon: IconInbox,
        permission: PERMISSIONS.dossierProcess,
      },
      {
        kind: 'link',
        labelKey: 'nav.counterIntake',
        to: '/procedures/counter',
        icon: IconBuildingBank,
        permission: PERMISSIONS.dossierIntake,
      },
      {
        kind: 'link',
        labelKey: 'nav.proceduresStatistics',
        to: '/procedures/statistics',
        icon: IconChartBar,
        permission: PERMISSIONS.procedureStatsRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.proceduresScorecard',
        to: '/procedures/scorecard',
        icon: IconGauge,
        permission: PERMISSIONS.procedureStatsRead,
      },
    ],
  },
  {
    kind: 'group',
    labelKey: 'nav.feedback',
    items: [
      {
        kind: 'link',
        labelKey: 'nav.feedbackInbox',
        to: '/feedback',
        icon: IconMessageReport,
        permission: PERMISSIONS.feedbackRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.feedbackStatistics',
        to: '/feedback/statistics',
        icon: IconChartLine,
        permission: PERMISSIONS.feedbackStatsRead,
      },
    ],
  },
  {
    kind: 'group',
    labelKey: 'nav.portal',
    items: [
      {
        kind: 'link',
        labelKey: 'nav.portalContent',
        to: '/portal/content',
        icon: IconWorld,
        permission: PERMISSIONS.portalContentRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.portalImages',
        to: '/portal/images',
        icon: IconPhoto,
        permission: PERMISSIONS.portalContentRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.portalZones',
        to: '/portal/zones',
        icon: IconMapPin,
        permission: PERMISSIONS.portalContentRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.portalStatistics',
        to: '/portal/statistics',
        icon: IconChartBar,
        permission: PERMISSIONS.portalStatisticsRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.portalSettings',
        to: '/portal/settings',
        icon: IconSettings,
        permission: PERMISSIONS.portalContentRead,
      },
    ],
  },
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
      {
        kind: 'link',
        labelKey: 'nav.calendar',
        to: '/admin/calendar',
        icon: IconCalendar,
        permission: PERMISSIONS.calendarRead,
      },
      {
        kind: 'link',
        labelKey: 'nav.agency',
        to: '/admin/agency',
        icon: IconBuildingCommunity,
        permission: PERMISSIONS.procedureCatalogueWrite,
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
