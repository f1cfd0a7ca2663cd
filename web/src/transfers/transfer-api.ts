import type { Transfer } from '../../../shared/schemas/transfer.ts';
import { api } from '../app/api.ts';

export interface Destination {
  id: string;
  name: string;
  kind: string;
  parentId?: string;
}

export const fetchDestinations = async () => (await api<Destination[]>('/api/v1/transfers/destinations')).data;
export const fetchTransfers = async (box: 'inbox' | 'outbox') => (await api<Transfer[]>(`/api/v1/transfers?box=${box}&limit=100`)).data;
