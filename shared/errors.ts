/** The error codes of API.md, and the domain error every layer throws. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'TENANT_SUSPENDED',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'CONSENT_REQUIRED',
  'PRECONDITION_REQUIRED',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * The one body of every 404 for a record: `{"error": {"code": "NOT_FOUND", "message": NOT_FOUND_MESSAGE}}`, the same
 * whatever the record and whatever the reason — missing, another tenant's, outside the caller's scope, revoked,
 * of a deactivated organisation — so that no answer tells "not yours" from "does not exist", even when a route
 * looks up one record through another (a referral through its case). `what` names the record for the code's
 * reader only; it never reaches the client.
 */
export const NOT_FOUND_MESSAGE = 'Not found';
export const notFound = (_what?: string) => new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
export const forbidden = (message = 'You may not do this') => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in first') => new DomainError('UNAUTHENTICATED', message);
