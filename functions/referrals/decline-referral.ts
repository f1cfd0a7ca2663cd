import { DeclineInput } from '../../shared/schemas/referral.ts';
import { referralActionRoute } from './referral-action-route.ts';

export const handler = referralActionRoute('decline', 'referral.respond', DeclineInput);
