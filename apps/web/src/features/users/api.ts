import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { Department, ManagedUser, Page, Role, User, ZoneScope } from '../../lib/api-types';
import { sessionQueryKey } from '../auth/api';

export interface UserListParams {
  q: string;
  role: Role | '';
  page: number;
  pageSize: number;
}

export const usersQueryKey = ['users'] as const;

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: [...usersQueryKey, 'list', params],
    queryFn: ({ signal }) => api.get<Page<ManagedUser>>('/api/users', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export interface CreateUserInput {
  email: string;
  fullName: string;
  role: Role;
  department?: Department;
  zoneScope?: ZoneScope;
  zoneIds?: string[];
  enterpriseId?: string;
  password: string;
}

/** PATCH body; `null` clears a field that no longer applies after a role change. */
export interface UpdateUserInput {
  fullName?: string;
  role?: Role;
  department?: Department | null;
  zoneScope?: ZoneScope | null;
  zoneIds?: string[];
  enterpriseId?: string | null;
  active?: boolean;
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<User>('/api/users', input),
    meta: { showsOwnErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) =>
      api.patch<User>(`/api/users/${encodeURIComponent(id)}`, input),
    meta: { showsOwnErrors: true },
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: usersQueryKey });
      // Editing oneself changes the header and the permissions.
      const session = queryClient.getQueryData<{ user: User | null }>(sessionQueryKey);
      if (session?.user?.id === updated?.id)
        await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}
