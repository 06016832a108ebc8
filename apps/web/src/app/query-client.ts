import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { endSession } from '../features/auth/api';
import { i18n } from '../i18n';
import { isApiError } from '../lib/api-client';

/** Per-query/mutation options read by the global error handling below. */
export interface RequestMeta extends Record<string, unknown> {
  /** The caller shows its errors itself (forms): no global "Không có quyền" notice. */
  showsOwnErrors?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: RequestMeta;
    mutationMeta: RequestMeta;
  }
}

function shouldRetry(failureCount: number, error: unknown): boolean {
  // 4xx answers will not change by asking again.
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * One QueryClient per app. Any request answered with "session ended" signs the user out locally
 * (the guards then show the login page with the server's message); any 403 shows a notice.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown, meta: RequestMeta | undefined) => {
    if (!isApiError(error)) return;
    if (error.isSessionEnded) {
      endSession(queryClient, { notice: error.message });
      return;
    }
    // AUTH_* 403s (disabled account) belong to the forms that caused them.
    if (error.status === 403 && !error.code.startsWith('AUTH_') && !meta?.showsOwnErrors) {
      notifications.show({
        id: `forbidden-${error.code}`,
        color: 'red',
        title: i18n.t('errors.forbiddenTitle'),
        message: error.message,
      });
    }
  };

  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.meta) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => onError(error, mutation.meta),
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
