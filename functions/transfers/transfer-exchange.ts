import { PLATFORM_TENANT_ID } from '../../shared/auth/roles.ts';
import { notFound } from '../../shared/errors.ts';
import { Transfer, type TransferListQuery } from '../../shared/schemas/transfer.ts';
import { TenantRepository, type Page } from '../data/tenant-repository.ts';
import { exchangeClientFor, tableName } from '../data/dynamo-client.ts';
import { atVersion } from '../data/conditions.ts';
import { transferPartition, transfersFrom, transfersTo } from './transfer-keys.ts';

/** The control plane's space as the caller's tenant may see it: its transfers, and the registry read-only. */
export const exchangeSpace = (callerTenantId: string) => new TenantRepository(PLATFORM_TENANT_ID, exchangeClientFor(callerTenantId), tableName());

/**
 * Transfers between tenants live in the control plane's space (`T#_platform#TRANSFER#<from>#<to>#<uuid>`): the
 * one space both the sending and the receiving tenant reach — through the exchange role, which IAM fences to the
 * transfers the caller's tenant sends or receives, and through this class, which checks the same. Indexed for
 * the receiver (byOwner `TRANSFERS_TO#<tenant>`) and the sender (byTenant `TRANSFERS_FROM#<tenant>`).
 */
export class TransferExchange {
  constructor(private readonly platform: TenantRepository) {}

  async put(transfer: Transfer, expectedVersion?: number): Promise<void> {
    const recency = `${transfer.updatedAt}#${transfer.id}`;
    const item = {
      pk: transferPartition(transfer.id)!.partition, sk: 'META', entity: 'transfer',
      gsi1pk: transfersTo(transfer.toTenantId), gsi1sk: recency,
      gsi2pk: transfersFrom(transfer.fromTenantId), gsi2sk: recency,
      ...transfer,
    };
    await this.platform.transact([
      expectedVersion === undefined ? { put: item, condition: 'attribute_not_exists(pk)' } : { put: item, ...atVersion(expectedVersion, 'transfer') },
    ]);
  }

  /** A transfer `tenantId` sends or receives; any other is 404. */
  async get(transferId: string, tenantId: string): Promise<Transfer> {
    // Another pair's transfer is not even looked up (and IAM would refuse it).
    const key = transferPartition(transferId);
    if (!key || (key.from !== tenantId && key.to !== tenantId)) throw notFound('Transfer');
    const item = await this.platform.get(key.partition, 'META');
    if (!item) throw notFound('Transfer');
    return Transfer.parse(item);
  }

  async list(tenantId: string, query: TransferListQuery): Promise<Page<Transfer>> {
    const page = await this.platform.query({
      ...(query.box === 'inbox' ? { index: 'byOwner', partition: transfersTo(tenantId) } : { index: 'byTenant', partition: transfersFrom(tenantId) }),
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
      ...(query.status ? { filter: { expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': query.status } } } : {}),
    });
    return { items: page.items.map((item) => Transfer.parse(item)), nextCursor: page.nextCursor };
  }
}
