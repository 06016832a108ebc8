import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { AccountPage } from '../features/account/pages/account-page';
import { agencyRoutes } from '../features/agency/routes';
import { ForgotPasswordPage } from '../features/auth/pages/forgot-password-page';
import { LoginPage } from '../features/auth/pages/login-page';
import { ResetPasswordPage } from '../features/auth/pages/reset-password-page';
import { calendarRoutes } from '../features/calendar/routes';
import { DashboardPage } from '../features/dashboard/pages/dashboard-page';
import { feedbackRoutes } from '../features/feedback/routes';
import { proceduresRoutes } from '../features/procedures/routes';
import { reportingAdminRoutes } from '../features/reporting/admin/routes';
import { PERMISSIONS } from '../lib/permissions';
import { AppLayout } from './app-layout';
import { RedirectIfSignedIn, RequireAuth, RequirePermission } from './guards';
import { NotFoundPage } from './not-found-page';
import { RouteErrorPage } from './route-error-page';

// Administration screens (and the date pickers they use) load only when opened.
const UsersPage = lazy(() =>
  import('../features/users/pages/users-page').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/pages/audit-page').then((m) => ({ default: m.AuditPage })),
);
// The registry's screens (with the shared zod schemas and, for maps, MapLibre) load only when opened.
const ZonesPage = lazy(() =>
  import('../features/registry/pages/zones-page').then((m) => ({ default: m.ZonesPage })),
);
const ZoneDetailPage = lazy(() =>
  import('../features/registry/pages/zone-detail-page').then((m) => ({ default: m.ZoneDetailPage })),
);
const ZonesMapPage = lazy(() =>
  import('../features/registry/pages/zones-map-page').then((m) => ({ default: m.ZonesMapPage })),
);
const ZonesSummaryPage = lazy(() =>
  import('../features/registry/pages/zones-summary-page').then((m) => ({ default: m.ZonesSummaryPage })),
);
const EnterprisesPage = lazy(() =>
  import('../features/registry/pages/enterprises-page').then((m) => ({ default: m.EnterprisesPage })),
);
const EnterpriseDetailPage = lazy(() =>
  import('../features/registry/pages/enterprise-detail-page').then((m) => ({
    default: m.EnterpriseDetailPage,
  })),
);
const ProjectsPage = lazy(() =>
  import('../features/registry/pages/projects-page').then((m) => ({ default: m.ProjectsPage })),
);
const ProjectDetailPage = lazy(() =>
  import('../features/registry/pages/project-detail-page').then((m) => ({ default: m.ProjectDetailPage })),
);
const InvestmentStatsPage = lazy(() =>
  import('../features/registry/pages/investment-stats-page').then((m) => ({
    default: m.InvestmentStatsPage,
  })),
);
const PlansPage = lazy(() =>
  import('../features/registry/pages/plans-page').then((m) => ({ default: m.PlansPage })),
);
const ImportPage = lazy(() =>
  import('../features/registry/pages/import-page').then((m) => ({ default: m.ImportPage })),
);

// The portal's staff screens (content management, images, zones, statistics releases, settings).
const PortalContentPage = lazy(() =>
  import('../features/portal/pages/portal-content-page').then((m) => ({ default: m.PortalContentPage })),
);
const PortalContentEditPage = lazy(() =>
  import('../features/portal/pages/portal-content-edit-page').then((m) => ({
    default: m.PortalContentEditPage,
  })),
);
const PortalImagesPage = lazy(() =>
  import('../features/portal/pages/portal-images-page').then((m) => ({ default: m.PortalImagesPage })),
);
const PortalZonesPage = lazy(() =>
  import('../features/portal/pages/portal-zones-page').then((m) => ({ default: m.PortalZonesPage })),
);
const PortalStatisticsPage = lazy(() =>
  import('../features/portal/pages/portal-statistics-page').then((m) => ({
    default: m.PortalStatisticsPage,
  })),
);
const PortalSettingsPage = lazy(() =>
  import('../features/portal/pages/portal-settings-page').then((m) => ({ default: m.PortalSettingsPage })),
);

// Periodic reporting and analytics (ECharts and MapLibre load with the pages that draw them).
const MyReportsPage = lazy(() =>
  import('../features/reporting/pages/my-reports-page').then((m) => ({ default: m.MyReportsPage })),
);
const ReportEntryPage = lazy(() =>
  import('../features/reporting/pages/report-entry-page').then((m) => ({ default: m.ReportEntryPage })),
);
const SubmissionsPage = lazy(() =>
  import('../features/reporting/pages/submissions-page').then((m) => ({ default: m.SubmissionsPage })),
);
const CompletenessPage = lazy(() =>
  import('../features/reporting/pages/completeness-page').then((m) => ({ default: m.CompletenessPage })),
);
const PivotPage = lazy(() =>
  import('../features/analytics/pages/pivot-page').then((m) => ({ default: m.PivotPage })),
);
const LeadersDashboardPage = lazy(() =>
  import('../features/analytics/pages/dashboard-page').then((m) => ({ default: m.LeadersDashboardPage })),
);
const IndicatorMapPage = lazy(() =>
  import('../features/analytics/pages/map-page').then((m) => ({ default: m.IndicatorMapPage })),
);

// Official reports (the document editor and its previews) load only when opened.
const OfficialReportsPage = lazy(() =>
  import('../features/official-reports/pages/reports-page').then((m) => ({ default: m.ReportsPage })),
);
const OfficialReportPage = lazy(() =>
  import('../features/official-reports/pages/report-page').then((m) => ({ default: m.ReportPage })),
);
const ReportTemplatesPage = lazy(() =>
  import('../features/official-reports/pages/templates-page').then((m) => ({ default: m.TemplatesPage })),
);
const ReportTemplatePage = lazy(() =>
  import('../features/official-reports/pages/template-page').then((m) => ({ default: m.TemplatePage })),
);

/** A page behind a read permission. */
function guarded(permission: string, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

export const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        path: '/login',
        element: (
          <RedirectIfSignedIn>
            <LoginPage />
          </RedirectIfSignedIn>
        ),
      },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'registry/zones', element: guarded(PERMISSIONS.zoneRead, <ZonesPage />) },
          { path: 'registry/zones/map', element: guarded(PERMISSIONS.zoneRead, <ZonesMapPage />) },
          { path: 'registry/zones/summary', element: guarded(PERMISSIONS.zoneRead, <ZonesSummaryPage />) },
          { path: 'registry/zones/:id', element: guarded(PERMISSIONS.zoneRead, <ZoneDetailPage />) },
          { path: 'registry/enterprises', element: guarded(PERMISSIONS.enterpriseRead, <EnterprisesPage />) },
          {
            path: 'registry/enterprises/:id',
            element: guarded(PERMISSIONS.enterpriseRead, <EnterpriseDetailPage />),
          },
          { path: 'registry/projects', element: guarded(PERMISSIONS.projectRead, <ProjectsPage />) },
          { path: 'registry/projects/:id', element: guarded(PERMISSIONS.projectRead, <ProjectDetailPage />) },
          { path: 'registry/stats', element: guarded(PERMISSIONS.statsRead, <InvestmentStatsPage />) },
          { path: 'registry/plans', element: guarded(PERMISSIONS.planRead, <PlansPage />) },
          { path: 'registry/import', element: guarded(PERMISSIONS.registryImport, <ImportPage />) },
          {
            path: 'official-reports',
            element: guarded(PERMISSIONS.officialReportRead, <OfficialReportsPage />),
          },
          {
            path: 'official-reports/templates',
            element: guarded(PERMISSIONS.officialReportTemplateRead, <ReportTemplatesPage />),
          },
          {
            path: 'official-reports/templates/:code',
            element: guarded(PERMISSIONS.officialReportTemplateRead, <ReportTemplatePage />),
          },
          {
            path: 'official-reports/:id',
            element: guarded(PERMISSIONS.officialReportRead, <OfficialReportPage />),
          },
          { path: 'portal/content', element: guarded(PERMISSIONS.portalContentRead, <PortalContentPage />) },
          {
            path: 'portal/content/:id',
            element: guarded(PERMISSIONS.portalContentRead, <PortalContentEditPage />),
          },
          { path: 'portal/images', element: guarded(PERMISSIONS.portalContentRead, <PortalImagesPage />) },
          { path: 'portal/zones', element: guarded(PERMISSIONS.portalContentRead, <PortalZonesPage />) },
          {
            path: 'portal/statistics',
            element: guarded(PERMISSIONS.portalStatisticsRead, <PortalStatisticsPage />),
          },
          {
            path: 'portal/settings',
            element: guarded(PERMISSIONS.portalContentRead, <PortalSettingsPage />),
          },
          { path: 'reporting', element: guarded(PERMISSIONS.reportRead, <MyReportsPage />) },
          {
            path: 'reporting/forms/:formId/reports/:enterpriseId/:periodId',
            element: guarded(PERMISSIONS.reportRead, <ReportEntryPage />),
          },
          { path: 'reporting/submissions', element: guarded(PERMISSIONS.reportReview, <SubmissionsPage />) },
          {
            path: 'reporting/completeness',
            element: guarded(PERMISSIONS.reportMonitor, <CompletenessPage />),
          },
          { path: 'analytics', element: guarded(PERMISSIONS.analyticsRead, <PivotPage />) },
          {
            path: 'analytics/dashboard',
            element: guarded(PERMISSIONS.analyticsRead, <LeadersDashboardPage />),
          },
          { path: 'analytics/map', element: guarded(PERMISSIONS.analyticsRead, <IndicatorMapPage />) },
          {
            path: 'admin/users',
            element: (
              <RequirePermission permission={PERMISSIONS.userRead}>
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/audit',
            element: (
              <RequirePermission permission={PERMISSIONS.auditRead}>
                <AuditPage />
              </RequirePermission>
            ),
          },
          ...reportingAdminRoutes,
          ...proceduresRoutes,
          ...feedbackRoutes,
          ...calendarRoutes,
          ...agencyRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
