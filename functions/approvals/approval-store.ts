import { notFound } from '../../shared/errors.ts';
import type { Approval } from '../../shared/schemas/lifecycle.ts';
import type { Page, TenantRepository } from '../data/tenant-repository.ts';
import { approvalFromItem, approvalPartition } from './approval-items.ts';

export class ApprovalStore {
  constructor(private readonly repository: TenantRepository) {}

  async get(approvalId: string): Promise<Approval> {
    const item = /^[0-9a-f-]{36}$/.test(approvalId) ? await this.repository.get(approvalPartition(approvalId), 'META') : undefined;
    if (!item) throw notFound('Approval');
    return approvalFromItem(item);
  }

  /** The queue: one Query on `APPROVALS#<status>`, oldest request first. */
  async list(status: Approval['status'], limit: number, cursor?: string): Promise<Page<Approval>> {
    const page = await this.repository.query({ index: 'byTenant', partition: `APPROVALS#${status}`, limit, cursor });
    return { items: page.items.map(approvalFromItem), nextCursor: page.nextCursor };
  }
}
