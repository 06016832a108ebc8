import type { RouteObject } from 'react-router';

/** The agency screens, mounted under the signed-in layout (paths relative to "/"). */
export const agencyRoutes: RouteObject[] = [];
