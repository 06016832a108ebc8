import { lazy } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { AccountPage } from '../features/account/pages/account-page';
import { ForgotPasswordPage } from '../features/auth/pages/forgot-password-page';
import { LoginPage } from '../features/auth/pages/login-page';
import { ResetPasswordPage } from '../features/auth/pages/reset-password-page';
import { DashboardPage } from '../features/dashboard/pages/dashboard-page';
import { RegistryPlaceholderPage } from '../features/registry/pages/registry-placeholder-page';
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
          {
            path: 'registry/zones',
            element: (
              <RequirePermission permission={PERMISSIONS.zoneRead}>
                <RegistryPlaceholderPage section="zones" />
              </RequirePermission>
            ),
          },
          {
            path: 'registry/enterprises',
            element: (
              <RequirePermission permission={PERMISSIONS.enterpriseRead}>
                <RegistryPlaceholderPage section="enterprises" />
              </RequirePermission>
            ),
          },
          {
            path: 'registry/projects',
            element: (
              <RequirePermission permission={PERMISSIONS.projectRead}>
                <RegistryPlaceholderPage section="projects" />
              </RequirePermission>
            ),
          },
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
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
