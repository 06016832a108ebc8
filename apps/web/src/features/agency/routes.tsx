import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/guards';
import { PERMISSIONS } from '../../lib/permissions';

const AgencyPage = lazy(() => import('./pages/agency-page').then((m) => ({ default: m.AgencyPage })));

/** The agency screens, mounted under the signed-in layout (paths relative to "/"). */
export const agencyRoutes: RouteObject[] = [
  {
    path: 'admin/agency',
    element: (
      <RequirePermission permission={PERMISSIONS.procedureCatalogueWrite}>
        <AgencyPage />
      </RequirePermission>
    ),
  },
];
