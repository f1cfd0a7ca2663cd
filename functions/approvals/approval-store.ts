import type { Scope } from '../../shared/auth/permissions.ts';
import { notFound } from '../../shared/errors.ts';
import type { Approval } from '../../shared/schemas/lifecycle.ts';
import type { Page, TenantRepository } from '../data/tenant-repository.ts';
import { subtreeList, type UnitScope } from '../units/unit-scope.ts';
import { approvalFromItem, approvalPartition } from './approval-items.ts';

export interface ApprovalListRequest {
  status: Approval['status'];
  limit: number;
  cursor?: string;
  /** `?unit=`: narrow the queue to a unit's subtree (inside the caller's scope, else 404). */
  unit?: string;
}

export class ApprovalStore {
  constructor(private readonly repository: TenantRepository) {}

  async get(approvalId: string): Promise<Approval> {
    const item = /^[0-9a-f-]{36}$/.test(approvalId) ? await this.repository.get(approvalPartition(approvalId), 'META') : undefined;
    if (!item) throw notFound('Approval');
    return approvalFromItem(item);
  }

  /**
   * The queue, oldest request first, in one Query: the tenant's `APPROVALS#<status>` for scope `tenant`, else
   * the caller's unit subtree of it (byTenant from the root, byUnit<d> below; `?unit=` narrows).
   */
  async list(request: ApprovalListRequest, scope: Scope, units: UnitScope | undefined): Promise<Page<Approval>> {
    const partition = `APPROVALS#${request.status}`;
    const where = scope === 'tenant' && request.unit === undefined
      ? { index: 'byTenant' as const, partition }
      : units ? subtreeList(partition, units, request.unit) : undefined;
    if (!where) throw notFound('Unit');
    const page = await this.repository.query({ ...where, limit: request.limit, cursor: request.cursor });
    return { items: page.items.map(approvalFromItem), nextCursor: page.nextCursor };
  }
}
