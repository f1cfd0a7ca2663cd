import { scopeFor } from '../../shared/auth/permissions.ts';
import type { Role } from '../../shared/auth/roles.ts';
import type { TransferAccess } from './transfer-service.ts';

/** What the caller's roles allow of transfers: request (outbox), decide (inbox), and read the sending case. */
export const transferAccess = (roles: readonly Role[]): TransferAccess => ({
  request: scopeFor(roles, 'transfer.request'),
  decide: scopeFor(roles, 'transfer.decide'),
  caseRead: scopeFor(roles, 'case.read'),
});
