import { decisionRoute } from './decide-approval.ts';

export const handler = decisionRoute('approve');
