import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/guards';
import { PERMISSIONS } from '../../lib/permissions';

const FeedbackInboxPage = lazy(() =>
  import('./pages/feedback-inbox-page').then((m) => ({ default: m.FeedbackInboxPage })),
);
const FeedbackDetailPage = lazy(() =>
  import('./pages/feedback-detail-page').then((m) => ({ default: m.FeedbackDetailPage })),
);
const FeedbackStatisticsPage = lazy(() =>
  import('./pages/feedback-statistics-page').then((m) => ({ default: m.FeedbackStatisticsPage })),
);

/** The feedback screens, mounted under the signed-in layout (paths relative to "/"). */
export const feedbackRoutes: RouteObject[] = [
  {
    path: 'feedback',
    element: (
      <RequirePermission permission={PERMISSIONS.feedbackRead}>
        <FeedbackInboxPage />
      </RequirePermission>
    ),
  },
  {
    path: 'feedback/statistics',
    element: (
      <RequirePermission permission={PERMISSIONS.feedbackStatsRead}>
        <FeedbackStatisticsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'feedback/:id',
    element: (
      <RequirePermission permission={PERMISSIONS.feedbackRead}>
        <FeedbackDetailPage />
      </RequirePermission>
    ),
  },
];
