import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/guards';
import { PERMISSIONS } from '../../lib/permissions';

const CatalogueListPage = lazy(() =>
  import('./pages/catalogue-list-page').then((m) => ({ default: m.CatalogueListPage })),
);
const CatalogueDetailPage = lazy(() =>
  import('./pages/catalogue-detail-page').then((m) => ({ default: m.CatalogueDetailPage })),
);
const DossierListPage = lazy(() =>
  import('./pages/dossier-list-page').then((m) => ({ default: m.DossierListPage })),
);
const SubmitPage = lazy(() => import('./pages/submit-page').then((m) => ({ default: m.SubmitPage })));
const DossierDetailPage = lazy(() =>
  import('./pages/dossier-detail-page').then((m) => ({ default: m.DossierDetailPage })),
);
const QueuePage = lazy(() => import('./pages/queue-page').then((m) => ({ default: m.QueuePage })));
const CounterPage = lazy(() => import('./pages/counter-page').then((m) => ({ default: m.CounterPage })));
const StatisticsPage = lazy(() =>
  import('./pages/statistics-page').then((m) => ({ default: m.StatisticsPage })),
);
const ScorecardPage = lazy(() =>
  import('./pages/scorecard-page').then((m) => ({ default: m.ScorecardPage })),
);

/** The procedures screens, mounted under the signed-in layout (paths relative to "/"). */
export const proceduresRoutes: RouteObject[] = [
  {
    path: 'procedures/catalogue',
    element: (
      <RequirePermission permission={PERMISSIONS.procedureCatalogueRead}>
        <CatalogueListPage />
      </RequirePermission>
    ),
  },
  {
    path: 'procedures/catalogue/:code',
    element: (
      <RequirePermission permission={PERMISSIONS.procedureCatalogueRead}>
        <CatalogueDetailPage />
      </RequirePermission>
    ),
  },
  {
    path: 'procedures/dossiers',
    element: (
      <RequirePermission permission={PERMISSIONS.dossierRead}>
        <DossierListPage />
      </RequirePermission>
    ),
  },
  {
    path: 'procedures/dossiers/new',
    element: (
      <RequirePermission permission={PERMISSIONS.dossierSubmit}>
        <SubmitPage />
      </RequirePermission>
    ),
  },
  {
    path: 'procedures/dossiers/:id',
    element: (
      <RequirePermission permission={PERMISSIONS.dossierRead}>
        <DossierDetailPage />
      </RequirePermission>
    ),
  },
  {
    path: 'procedures/queue',
    element: (
      <RequirePermission permission={PERMISSIONS.dossierProcess}>
        <QueuePage />
      </RequirePermission>
    ),
  },
  {
    path: 'procedures/counter',
    element: (
      <RequirePermission permission={PERMISSIONS.dossierIntake}>
        <CounterPage />
      </RequirePermission>
    ),
  },
  {
    path: 'procedures/statistics',
    element: (
      <RequirePermission permission={PERMISSIONS.procedureStatsRead}>
        <StatisticsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'procedures/scorecard',
    element: (
      <RequirePermission permission={PERMISSIONS.procedureStatsRead}>
        <ScorecardPage />
      </RequirePermission>
    ),
  },
];
