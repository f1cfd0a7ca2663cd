import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../../shared/schemas/user.ts';
import type { Action } from '../../../shared/auth/permissions.ts';
import { api } from './api.ts';

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: async () => (await api<Me>('/api/v1/me')).data });
}

/** Whether the signed-in user may do `action` — from the same permission matrix the API enforces. */
export function useCan(action: Action): boolean {
  return useMe().data?.permissions.includes(action) ?? false;
}
