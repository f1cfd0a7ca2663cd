import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { DEFAULT_TABLE_NAME } from './table-design.ts';
import { PLATFORM_TENANT_ID } from '../../shared/auth/roles.ts';

export const tableName = (): string => process.env.SANAD_TABLE ?? DEFAULT_TABLE_NAME;

const clients = new Map<string, DynamoDBDocumentClient>();

/**
 * One Document client per tenant per process, created once and reused across invocations. In AWS
 * (`SANAD_TENANT_ROLE_ARN` set) it signs with credentials of the tenant data role assumed with the session
 * tag `tenant`, so IAM's `dynamodb:LeadingKeys` condition fences the tenant in even if code has a bug; the
 * credential provider caches them and refreshes before expiry. Locally DynamoDB Local ignores IAM.
 */
export function documentClientFor(tenantId: string): DynamoDBDocumentClient {
  // The registry (the control plane's `_platform` space) has a role of its own; tenants share the tenant role.
  const roleArn = (tenantId === PLATFORM_TENANT_ID && process.env.SANAD_REGISTRY_ROLE_ARN) || process.env.SANAD_TENANT_ROLE_ARN;
  return cachedClient(tenantId, tenantId, roleArn);
}

/**
 * The client for the transfer exchange (in the control plane's space), signed with the exchange role tagged
 * with the caller's tenant: IAM lets it reach only the transfers that tenant sends or receives.
 */
export function exchangeClientFor(callerTenantId: string): DynamoDBDocumentClient {
  return cachedClient(`exchange:${callerTenantId}`, callerTenantId, process.env.SANAD_EXCHANGE_ROLE_ARN);
}

/**
 * The client a parent tenant's dashboard reads a child tenant's counters with, signed with the read-only
 * aggregate role tagged with that child: IAM lets it read only the child's `COUNTERS#…` items (and the registry).
 */
export function aggregateClientFor(tenantId: string): DynamoDBDocumentClient {
  return cachedClient(`aggregate:${tenantId}`, tenantId, process.env.SANAD_AGGREGATE_ROLE_ARN);
}

function cachedClient(key: string, tenantTag: string, roleArn: string | undefined): DynamoDBDocumentClient {
  const cached = clients.get(key);
  if (cached) return cached;
  const client = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(tenantTag, roleArn)), {
    marshallOptions: { removeUndefinedValues: true },
  });
  clients.set(key, client);
  return client;
}

function clientConfig(tenantId: string, roleArn: string | undefined): DynamoDBClientConfig {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  // A quick failure lets the API answer 503 instead of hanging while the database is unreachable.
  const common = { maxAttempts: 3, requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 } };
  if (endpoint) {
    return {
      ...common,
      endpoint,
      region: process.env.AWS_REGION ?? 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    };
  }
  if (!roleArn) return common;
  return {
    ...common,
    credentials: fromTemporaryCredentials({
      params: {
        RoleArn: roleArn,
        RoleSessionName: `sanad-${tenantId}`.slice(0, 64),
        Tags: [{ Key: 'tenant', Value: tenantId }],
        DurationSeconds: 900,
      },
    }),
  };
}
