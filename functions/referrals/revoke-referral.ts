import { RevokeInput } from '../../shared/schemas/referral.ts';
import { referralActionRoute } from './referral-action-route.ts';

export const handler = referralActionRoute('revoke', 'referral.revoke', RevokeInput);
