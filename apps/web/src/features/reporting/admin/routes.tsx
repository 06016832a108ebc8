import type { RouteObject } from 'react-router';

/** The reporting set-up screens (indicators, forms, rules, import), mounted under the signed-in layout. */
export const reportingAdminRoutes: RouteObject[] = [];
