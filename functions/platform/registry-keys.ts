import { PLATFORM_TENANT_ID } from '../../shared/auth/roles.ts';

/**
 * What of the control plane's space (`T#_platform#…`) the registry roles reach, as IAM `dynamodb:LeadingKeys`
 * patterns. The registry itself is one partition (`TENANTS`, see `TenantRegistry`); platform operators' own
 * profiles (`USER#<id>`) are read by every request's session check and by `/me`. The rest of the space — the
 * transfer exchange, the local stack's sign-in records — is no registry role's business.
 */
export const REGISTRY_LEADING_KEYS = [`T#${PLATFORM_TENANT_ID}#TENANTS`];
export const PLATFORM_PROFILE_LEADING_KEYS = [`T#${PLATFORM_TENANT_ID}#USER#*`];
