import { CompleteInput } from '../../shared/schemas/referral.ts';
import { referralActionRoute } from './referral-action-route.ts';

export const handler = referralActionRoute('complete', 'referral.respond', CompleteInput);
