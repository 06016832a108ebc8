import type { RouteObject } from 'react-router';

/** The feedback screens, mounted under the signed-in layout (paths relative to "/"). */
export const feedbackRoutes: RouteObject[] = [];
