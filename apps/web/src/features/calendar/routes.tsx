import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/guards';
import { PERMISSIONS } from '../../lib/permissions';

const CalendarPage = lazy(() => import('./pages/calendar-page').then((m) => ({ default: m.CalendarPage })));

/** The calendar screens, mounted under the signed-in layout (paths relative to "/"). */
export const calendarRoutes: RouteObject[] = [
  {
    path: 'admin/calendar',
    element: (
      <RequirePermission permission={PERMISSIONS.calendarRead}>
        <CalendarPage />
      </RequirePermission>
    ),
  },
];
