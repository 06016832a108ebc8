import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ForbiddenNotice } from '../components/forbidden-notice';
import { FullPageError } from '../components/full-page-error';
import { FullPageLoader } from '../components/full-page-loader';
import { useSession } from '../features/auth/api';
import { CurrentUserProvider, useCurrentUser } from '../features/auth/current-user';
import { hasPermission } from '../lib/permissions';

/** Where to go back to after signing in; only same-site paths are accepted. */
export interface ReturnState {
  from?: string;
}

export function safeReturnPath(state: unknown): string {
  const from = (state as ReturnState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

/** Renders its children only for a signed-in user; everyone else goes to /login and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (session.isError) return <FullPageError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data.user) {
    if (session.data.signedOut) return <Navigate to="/login" replace />;
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from } satisfies ReturnState} />;
  }
  return <CurrentUserProvider user={session.data.user}>{children}</CurrentUserProvider>;
}

/** For /login: a signed-in user is sent on to where they wanted to go. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (session.data?.user) return <Navigate to={safeReturnPath(location.state)} replace />;
  return children;
}

/** Shows a "no permission" notice instead of a page the user may not read. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const user = useCurrentUser();
  if (!hasPermission(user, permission)) return <ForbiddenNotice />;
  return children;
}
