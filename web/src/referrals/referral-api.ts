import type { Organization } from '../../../shared/schemas/organization.ts';
import type { Notifications, Referral } from '../../../shared/schemas/referral.ts';
import { api } from '../app/api.ts';

/** A referral as lists show it: without the snapshot, which only the (audited) single read returns. */
export type ReferralSummary = Omit<Referral, 'snapshot'>;

export const fetchOrganizations = async () => (await api<Organization[]>('/api/v1/organizations?limit=100')).data;

export const fetchReferrals = async (box: 'inbox' | 'outbox') => (await api<ReferralSummary[]>(`/api/v1/referrals?box=${box}&limit=100`)).data;

export const fetchReferral = async (id: string) => (await api<Referral>(`/api/v1/referrals/${encodeURIComponent(id)}`)).data;

export const fetchNotifications = async () => (await api<Notifications>('/api/v1/notifications')).data;

export const markNotificationsSeen = async () => (await api<{ seenAt: string }>('/api/v1/notifications/seen', { method: 'POST', body: {} })).data;

/** The referral's query keys, to refresh every view of it after a change. */
export const REFERRAL_QUERIES = [['referrals'], ['referral'], ['notifications']] as const;
