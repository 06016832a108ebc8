import type { App } from '../platform/http/types.ts';
import { accountsRoutes } from './accounts/routes.ts';
import { analyticsRoutes } from './analytics/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { feedbackRoutes } from './feedback/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { officialReportsRoutes } from './official-reports/routes.ts';
import { portalRoutes } from './portal/routes.ts';
import { agencyRoutes } from './procedures/agency.ts';
import { proceduresRoutes } from './procedures/routes.ts';
import { registryOptionRoutes } from './registry/options-routes.ts';
import { registryRoutes } from './registry/routes.ts';
import { reportingRoutes } from './reporting/routes.ts';

/** Every module's routes, mounted under /api. A new module adds one line here. */
export async function registerModules(app: App) {
  await app.register(healthRoutes);
  await app.register(accountsRoutes);
  await app.register(auditRoutes);
  await app.register(registryOptionRoutes);
  await app.register(registryRoutes);
  await app.register(reportingRoutes);
  await app.register(analyticsRoutes);
  await app.register(calendarRoutes);
  await app.register(proceduresRoutes);
  await app.register(agencyRoutes);
  await app.register(feedbackRoutes);
  await app.register(portalRoutes);
  await app.register(officialReportsRoutes);
}
