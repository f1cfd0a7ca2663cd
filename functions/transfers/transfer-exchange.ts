import { notFound } from '../../shared/errors.ts';
import { Transfer, type TransferListQuery } from '../../shared/schemas/transfer.ts';
import type { Page, TenantRepository } from '../data/tenant-repository.ts';
import { atVersion } from '../data/conditions.ts';

const TRANSFER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Transfers between tenants live in the control plane's space (`T#_platform#TRANSFER#<id>`): the one space both
 * the sending and the receiving tenant's functions reach, each only through this class, which answers a tenant
 * only the transfers it sends or receives. Indexed for the receiver (byOwner `TRANSFERS_TO#<tenant>`) and the
 * sender (byTenant `TRANSFERS_FROM#<tenant>`), newest change first.
 */
export class TransferExchange {
  constructor(private readonly platform: TenantRepository) {}

  async put(transfer: Transfer, expectedVersion?: number): Promise<void> {
    const recency = `${transfer.updatedAt}#${transfer.id}`;
    const item = {
      pk: `TRANSFER#${transfer.id}`, sk: 'META', entity: 'transfer',
      gsi1pk: `TRANSFERS_TO#${transfer.toTenantId}`, gsi1sk: recency,
      gsi2pk: `TRANSFERS_FROM#${transfer.fromTenantId}`, gsi2sk: recency,
      ...transfer,
    };
    await this.platform.transact([
      expectedVersion === undefined ? { put: item, condition: 'attribute_not_exists(pk)' } : { put: item, ...atVersion(expectedVersion, 'transfer') },
    ]);
  }

  /** A transfer `tenantId` sends or receives; any other is 404. */
  async get(transferId: string, tenantId: string): Promise<Transfer> {
    if (!TRANSFER_ID.test(transferId)) throw notFound('Transfer');
    const item = await this.platform.get(`TRANSFER#${transferId}`, 'META');
    const transfer = item ? Transfer.parse(item) : undefined;
    if (!transfer || (transfer.fromTenantId !== tenantId && transfer.toTenantId !== tenantId)) throw notFound('Transfer');
    return transfer;
  }

  async list(tenantId: string, query: TransferListQuery): Promise<Page<Transfer>> {
    const page = await this.platform.query({
      ...(query.box === 'inbox' ? { index: 'byOwner', partition: `TRANSFERS_TO#${tenantId}` } : { index: 'byTenant', partition: `TRANSFERS_FROM#${tenantId}` }),
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
      ...(query.status ? { filter: { expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': query.status } } } : {}),
    });
    return { items: page.items.map((item) => Transfer.parse(item)), nextCursor: page.nextCursor };
  }
}
