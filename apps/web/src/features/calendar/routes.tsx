import type { RouteObject } from 'react-router';

/** The calendar screens, mounted under the signed-in layout (paths relative to "/"). */
export const calendarRoutes: RouteObject[] = [];
