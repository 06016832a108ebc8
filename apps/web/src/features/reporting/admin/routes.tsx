import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../../app/guards';
import { PERMISSIONS } from '../../../lib/permissions';

const IndicatorsPage = lazy(() =>
  import('./pages/indicators-page').then((m) => ({ default: m.IndicatorsPage })),
);
const IndicatorEditPage = lazy(() =>
  import('./pages/indicator-edit-page').then((m) => ({ default: m.IndicatorEditPage })),
);
const FormsPage = lazy(() => import('./pages/forms-page').then((m) => ({ default: m.FormsPage })));
const FormEditPage = lazy(() => import('./pages/form-edit-page').then((m) => ({ default: m.FormEditPage })));
const RulesPage = lazy(() => import('./pages/rules-page').then((m) => ({ default: m.RulesPage })));
const ReportImportPage = lazy(() =>
  import('./pages/import-page').then((m) => ({ default: m.ReportImportPage })),
);

const guarded = (permission: string, element: ReactNode) => (
  <RequirePermission permission={permission}>{element}</RequirePermission>
);

/**
 * The reporting set-up screens (indicators, forms with their unlock exceptions, rules, import), mounted under
 * the signed-in layout. `reporting/forms/:id` has one segment after "forms", so it never shadows the report
 * entry page `reporting/forms/:formId/reports/:enterpriseId/:periodId` (routes match whole paths).
 * Editing needs the write permission: without it the pages show read-only.
 */
export const reportingAdminRoutes: RouteObject[] = [
  { path: 'reporting/indicators', element: guarded(PERMISSIONS.indicatorRead, <IndicatorsPage />) },
  {
    path: 'reporting/indicators/new',
    element: guarded(PERMISSIONS.indicatorWrite, <IndicatorEditPage />),
  },
  { path: 'reporting/indicators/:code', element: guarded(PERMISSIONS.indicatorRead, <IndicatorEditPage />) },
  { path: 'reporting/forms', element: guarded(PERMISSIONS.reportFormRead, <FormsPage />) },
  { path: 'reporting/forms/new', element: guarded(PERMISSIONS.reportFormWrite, <FormEditPage />) },
  { path: 'reporting/forms/:id', element: guarded(PERMISSIONS.reportFormRead, <FormEditPage />) },
  { path: 'reporting/rules', element: guarded(PERMISSIONS.reportFormRead, <RulesPage />) },
  { path: 'reporting/import', element: guarded(PERMISSIONS.reportImport, <ReportImportPage />) },
];
