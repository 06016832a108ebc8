import { createContext, type ReactNode, useContext } from 'react';
import type { User } from '../../lib/api-types';

const CurrentUserContext = createContext<User | null>(null);

/**
 * Hands the signed-in user to the pages below the auth guard. Pages read it from here rather than from the
 * session query so that, when the session ends, they are unmounted by the guard instead of re-rendering
 * first without a user.
 */
export function CurrentUserProvider({ user, children }: { user: User; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

/** The signed-in user. Only valid below the RequireAuth guard. */
export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser() used outside an authenticated route');
  return user;
}
