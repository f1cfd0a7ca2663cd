import { AcceptInput } from '../../shared/schemas/referral.ts';
import { referralActionRoute } from './referral-action-route.ts';

export const handler = referralActionRoute('accept', 'referral.respond', AcceptInput);
