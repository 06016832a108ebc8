import { useMutation, useQueryClient } from '@tanstack/react-query';

/** Every registry query starts with this key, so one invalidation after a write refreshes lists and details. */
export const registryKey = ['registry'] as const;

/** A registry write: the form shows its own errors; on success every registry query is refreshed. */
export function useRegistryWrite<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { showsOwnErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKey }),
  });
}
