import type { AgencyInput, AgencyView } from '@heza/shared/agency';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../lib/api-client';

export const agencyKey = ['agency'] as const;
const url = '/api/procedures/agency';

export function useAgency() {
  return useQuery({
    queryKey: agencyKey,
    queryFn: ({ signal }) => api.get<AgencyView>(url, {}, signal),
  });
}

export function useUpdateAgency() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AgencyInput) => apiRequest<AgencyView>(url, { method: 'PUT', body: input }),
    meta: { showsOwnErrors: true },
    onSuccess: (view) => {
      qc.setQueryData(agencyKey, view);
      // Procedure views carry the agency identifier.
      void qc.invalidateQueries({ queryKey: ['procedures'] });
    },
  });
}
