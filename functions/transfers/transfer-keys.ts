import { PLATFORM_TENANT_ID } from '../../shared/auth/roles.ts';

/**
 * A transfer's keys carry both tenants, so IAM can fence them: `TRANSFER#<from>#<to>#<uuid>` in the control
 * plane's space. Its public id is the same three parts joined by dots (`vn-na.vn.<uuid>`).
 */
export const transferId = (from: string, to: string, uuid: string) => `${from}.${to}.${uuid}`;

const TRANSFER_ID = /^([a-z][a-z0-9-]{1,39})\.([a-z][a-z0-9-]{1,39})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The partition of a transfer, or undefined for an id that cannot be one. */
export function transferPartition(id: string): { partition: string; from: string; to: string } | undefined {
  const match = TRANSFER_ID.exec(id);
  if (!match) return undefined;
  const [, from, to, uuid] = match as unknown as [string, string, string, string];
  return { partition: `TRANSFER#${from}#${to}#${uuid}`, from, to };
}

export const transfersTo = (tenantId: string) => `TRANSFERS_TO#${tenantId}`;
export const transfersFrom = (tenantId: string) => `TRANSFERS_FROM#${tenantId}`;

/**
 * What the exchange role may read and write, for the tenant in its session tag: the transfers it sends
 * (`TRANSFER#<it>#…`) or receives (`TRANSFER#…#<it>#…`), and its two index partitions. Tenant ids are slugs
 * without `#`, so `#<it>#` cannot match inside another tenant's id.
 */
const TAG = '${aws:PrincipalTag/tenant}';
export const TRANSFER_EXCHANGE_LEADING_KEYS = [
  `T#${PLATFORM_TENANT_ID}#TRANSFER#${TAG}#*`,
  `T#${PLATFORM_TENANT_ID}#TRANSFER#*#${TAG}#*`,
  `T#${PLATFORM_TENANT_ID}#${transfersTo(TAG)}`,
  `T#${PLATFORM_TENANT_ID}#${transfersFrom(TAG)}`,
];
