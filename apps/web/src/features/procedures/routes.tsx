import type { RouteObject } from 'react-router';

/** The procedures screens, mounted under the signed-in layout (paths relative to "/"). */
export const proceduresRoutes: RouteObject[] = [];
