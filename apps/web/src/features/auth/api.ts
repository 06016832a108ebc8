import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../lib/api-client';
import type { Session, User } from '../../lib/api-types';

export const sessionQueryKey = ['auth', 'session'] as const;

/** The session as the web keeps it: the server's answer plus why a previous session ended. */
export interface SessionState extends Session {
  /** Server message explaining why the user was signed out (expired session), shown on the login page. */
  endedNotice?: string;
  /** The user signed out on purpose: the next sign-in starts from the dashboard, not the last page. */
  signedOut?: boolean;
}

async function fetchSession(): Promise<SessionState> {
  const session = await api.get<Session>('/api/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export const sessionQuery = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: fetchSession,
  // The session changes only through login/logout/expiry, all of which update this entry.
  staleTime: Number.POSITIVE_INFINITY,
  refetchOnWindowFocus: false,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** Forgets the signed-in user and every cached answer fetched on their behalf. */
export function endSession(
  queryClient: QueryClient,
  reason: { notice?: string; signedOut?: boolean } = {},
): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
  queryClient.setQueryData<SessionState>(sessionQueryKey, {
    user: null,
    csrfToken: null,
    endedNotice: reason.notice,
    signedOut: reason.signedOut,
  });
}

export interface LoginInput {
  email: string;
  password: string;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<{ user: User; csrfToken: string }>('/api/auth/login', input),
    meta: { showsOwnErrors: true },
    onSuccess: ({ user, csrfToken }) => {
      setCsrfToken(csrfToken);
      queryClient.setQueryData<SessionState>(sessionQueryKey, { user, csrfToken });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    meta: { showsOwnErrors: true },
    // Even if the server call fails (session already gone, network), the user asked to leave.
    onSettled: () => endSession(queryClient, { signedOut: true }),
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (input: { email: string }) => api.post<void>('/api/auth/password/forgot', input),
    meta: { showsOwnErrors: true },
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (input: { token: string; newPassword: string }) =>
      api.post<void>('/api/auth/password/reset', input),
    meta: { showsOwnErrors: true },
  });
}

/** Minimum password length the server enforces; shown as a hint before the server says so. */
export const MIN_PASSWORD_LENGTH = 10;
