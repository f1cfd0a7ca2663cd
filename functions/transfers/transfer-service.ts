import { randomUUID } from 'node:crypto';
import type { Scope } from '../../shared/auth/permissions.ts';
import { DomainError, forbidden, notFound } from '../../shared/errors.ts';
import type { Case } from '../../shared/schemas/case.ts';
import type { Transfer, TransferInput, TransferListQuery } from '../../shared/schemas/transfer.ts';
import type { Page, TenantRepository } from '../data/tenant-repository.ts';
import { CaseStore, type Actor } from '../cases/case-store.ts';
import { casePartition } from '../cases/case-items.ts';
import { CaseRecords } from '../cases/records/case-records.ts';
import { TenantRegistry } from '../platform/tenant-registry.ts';
import { getTenantProfile } from '../tenants/tenant-store.ts';
import { exchangeSpace, TransferExchange } from './transfer-exchange.ts';
import { transferId } from './transfer-keys.ts';
import { transferDestinations } from './destinations.ts';

/** The caller: a user of `tenantId`. */
export interface TransferCaller extends Actor {
  tenantId: string;
}

/** The scopes the caller's roles give: requesting transfers (outbox), deciding them (inbox), reading cases. */
export interface TransferAccess {
  request?: Scope | undefined;
  decide?: Scope | undefined;
  caseRead?: Scope | undefined;
}

/** The sending case's own record of a transfer, in its partition beside it. */
const outgoingItem = (transfer: Transfer) => ({
  pk: casePartition(transfer.caseId), sk: `TRANSFER#${transfer.id}`, entity: 'transfer-out',
  transferId: transfer.id, toTenantId: transfer.toTenantId, status: transfer.status,
});

/** What the receiving tenant needs to continue the work: the last assessment and care plan, in words. */
function summaryOf(kase: Case): string {
  return [
    kase.assessment && `Assessment: ${kase.assessment.summary} (needs: ${kase.assessment.needs.join(', ')})`,
    kase.carePlan && `Care plan: ${kase.carePlan.summary} (goals: ${kase.carePlan.goals.map((goal) => goal.goal).join('; ')})`,
    kase.evaluation && `Evaluation: ${kase.evaluation.summary}`,
  ].filter(Boolean).join('\n') || 'No assessment yet.';
}

/**
 * Moving a case to another tenant when the child moves: the sender asks, with consent; the receiver's
 * supervisor accepts, which opens the case there with a link to its past; the sender's copy then closes as
 * transferred. Neither tenant ever writes in the other's space: they meet in the exchange, and each side
 * brings its own records up to date from it (`reconcile`) when it reads.
 */
export class TransferService {
  private readonly cases: CaseStore;
  private readonly exchange: TransferExchange;
  private readonly registry: TenantRegistry;

  constructor(private readonly repository: TenantRepository, private readonly caller: TransferCaller) {
    this.cases = new CaseStore(repository);
    const space = exchangeSpace(caller.tenantId);
    this.exchange = new TransferExchange(space);
    this.registry = new TenantRegistry(space);
  }

  async request(caseId: string, input: TransferInput, scope: Scope): Promise<Transfer> {
    const from = this.caller.tenantId;
    if (input.toTenantId === from) throw invalidDestination('The case is already in this tenant');
    const destination = (await transferDestinations(this.registry, from)).find((tenant) => tenant.id === input.toTenantId);
    if (!destination) throw invalidDestination('Not an active tenant of the same country');
    const { kase, items } = await this.cases.partition(caseId, scope, this.caller);
    if (kase.status === 'closed') throw new DomainError('CONFLICT', 'A closed case cannot be transferred');
    for (const marker of items.filter((item) => item.entity === 'transfer-out' && item.status === 'pending')) {
      const earlier = await this.reconcile(await this.exchange.get(String(marker.transferId), from));
      if (earlier.status === 'pending') throw new DomainError('CONFLICT', `A transfer to ${earlier.toTenantName} is already waiting for an answer`);
    }
    const now = new Date().toISOString();
    const transfer: Transfer = {
      id: transferId(from, destination.id, randomUUID()),
      fromTenantId: from,
      fromTenantName: (await getTenantProfile(this.repository)).name,
      toTenantId: destination.id,
      toTenantName: destination.name,
      caseId,
      case: { caseNumber: kase.caseNumber, child: kase.child, categories: kase.categories, riskLevel: kase.riskLevel, stage: kase.stage, summary: summaryOf(kase) },
      reason: input.reason,
      consent: input.consent,
      status: 'pending',
      requestedBy: { userId: this.caller.userId, username: this.caller.username },
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.exchange.put(transfer);
    await this.cases.recordSubChange(caseId, scope, this.caller, () => ({
      action: 'transfer_request',
      changes: [{ path: `transfers.${transfer.id}`, from: null, to: { toTenantId: transfer.toTenantId, consent: { givenBy: input.consent.givenBy, givenAt: input.consent.givenAt } } }],
      writes: [{ put: outgoingItem(transfer), condition: 'attribute_not_exists(pk)' }],
    }));
    return transfer;
  }

  /**
   * Transfers this tenant receives (inbox, for those who decide) or sends (outbox, for those who transfer
   * cases), newest change first. The outbox lists only the transfers whose case the caller may read, as
   * `read` answers them: a caseworker sees those of the cases they own or are assigned, whoever requested them.
   */
  async list(query: TransferListQuery, access: TransferAccess): Promise<Page<Transfer>> {
    if (query.box === 'inbox' && !access.decide) throw forbidden('Only supervisors answer transfers');
    if (query.box === 'outbox' && !access.request) throw forbidden('Your role does not transfer cases');
    const page = await this.exchange.list(this.caller.tenantId, query);
    if (query.box === 'inbox') return page;
    const readable = await Promise.all(page.items.map((transfer) => this.readsCase(transfer.caseId, access.caseRead)));
    const items = await Promise.all(page.items.filter((_, i) => readable[i]).map((transfer) => this.reconcile(transfer)));
    return { items, nextCursor: page.nextCursor };
  }

  /**
   * A transfer as the caller may see it: on the sending side, if the caller may read the case it was made
   * from (as `GET /cases/{id}`); on the receiving side, if the caller sees the transfer inbox (decides
   * transfers). Anything else answers the same 404 as a transfer that does not exist, and changes nothing.
   */
  async read(transferId: string, access: TransferAccess): Promise<Transfer> {
    const transfer = await this.exchange.get(transferId, this.caller.tenantId);
    const me = this.caller.tenantId;
    const visible = transfer.toTenantId === me ? access.decide !== undefined : transfer.fromTenantId === me && (await this.readsCase(transfer.caseId, access.caseRead));
    if (!visible) throw notFound('Transfer');
    return this.reconcile(transfer);
  }

  /** Whether the caller may read the case in `scope`: the same check as `GET /cases/{id}`. */
  private async readsCase(caseId: string, scope: Scope | undefined): Promise<boolean> {
    if (!scope) return false;
    try {
      await this.cases.get(caseId, scope, this.caller);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return false;
      throw error;
    }
  }

  /**
   * The receiving supervisor takes the case: it opens here, linked to its past; the exchange records where.
   * The case and its note are claimed tenant-wide by the transfer, so two supervisors accepting at once open
   * one case (the slower one's answer then fails on the transfer's version), and a retry finishes the job.
   */
  async accept(transferId: string, expectedVersion: number): Promise<Transfer> {
    const transfer = await this.pendingForMe(transferId, expectedVersion);
    const transferredFrom = { tenantId: transfer.fromTenantId, caseId: transfer.caseId, caseNumber: transfer.case.caseNumber, transferId };
    const { kase } = await this.cases.create(
      { child: transfer.case.child, categories: transfer.case.categories, riskLevel: transfer.case.riskLevel },
      this.caller,
      { idempotencyKey: { tenantWide: `transfer-${transferId}` }, links: { transferredFrom } },
    );
    await new CaseRecords(this.repository).addNote(kase.id, {
      text: `Transferred from ${transfer.fromTenantName} (${transfer.case.caseNumber}): ${transfer.reason}\n${transfer.case.summary}`,
      confidential: false,
    }, 'tenant', this.caller, { tenantWide: `transfer-note-${transferId}` });
    return this.decide(transfer, { status: 'accepted', receivedCase: { id: kase.id, caseNumber: kase.caseNumber } });
  }

  async decline(transferId: string, reason: string, expectedVersion: number): Promise<Transfer> {
    return this.decide(await this.pendingForMe(transferId, expectedVersion), { status: 'declined', declineReason: reason });
  }

  private async pendingForMe(transferId: string, expectedVersion: number): Promise<Transfer> {
    const transfer = await this.exchange.get(transferId, this.caller.tenantId);
    if (transfer.toTenantId !== this.caller.tenantId) throw forbidden('Only the receiving tenant answers a transfer');
    if (transfer.version !== expectedVersion) throw new DomainError('PRECONDITION_FAILED', `The transfer has changed (now version ${transfer.version}); reload it`);
    if (transfer.status !== 'pending') throw new DomainError('CONFLICT', `The transfer was already ${transfer.status}`);
    return transfer;
  }

  private async decide(transfer: Transfer, outcome: Partial<Transfer>): Promise<Transfer> {
    const next: Transfer = { ...transfer, ...outcome, decidedBy: { userId: this.caller.userId, username: this.caller.username }, updatedAt: new Date().toISOString(), version: transfer.version + 1 };
    await this.exchange.put(next, transfer.version);
    return next;
  }

  /**
   * On the sending side, brings the case up to date with the receiver's answer: once accepted, the case closes
   * as transferred, linked to where it went; its record of the transfer takes the answer either way.
   */
  private async reconcile(transfer: Transfer): Promise<Transfer> {
    if (transfer.fromTenantId !== this.caller.tenantId || transfer.status === 'pending') return transfer;
    const marker = await this.repository.get(casePartition(transfer.caseId), `TRANSFER#${transfer.id}`);
    if (!marker || marker.status !== 'pending') return transfer;
    const decider = { userId: transfer.decidedBy?.userId ?? 'unknown', username: `${transfer.decidedBy?.username ?? 'unknown'}@${transfer.toTenantId}` };
    const markerWrite = {
      put: outgoingItem(transfer), condition: '#status = :pending', names: { '#status': 'status' }, values: { ':pending': 'pending' },
      onConditionFailed: () => new DomainError('CONFLICT', 'The transfer was already brought up to date'),
    };
    const kase = await this.cases.get(transfer.caseId, 'tenant', decider);
    if (transfer.status === 'accepted' && kase.status === 'open') {
      await this.cases.change(transfer.caseId, kase.version, 'tenant', decider, (current) => ({
        action: 'transfer_out',
        alsoWrite: [markerWrite],
        kase: {
          ...current,
          status: 'closed',
          stage: 'closed',
          pendingApproval: undefined,
          closure: { reason: `Transferred to ${transfer.toTenantName}`, outcome: 'transferred', requestedAt: transfer.updatedAt, closedAt: transfer.updatedAt },
          links: { ...current.links, transferredTo: { tenantId: transfer.toTenantId, caseId: transfer.receivedCase?.id, caseNumber: transfer.receivedCase?.caseNumber, transferId: transfer.id } },
        },
      })).catch((error: unknown) => {
        // Another reader reconciled first: the case is already closed.
        if (!(error instanceof DomainError && (error.code === 'PRECONDITION_FAILED' || error.code === 'CONFLICT'))) throw error;
      });
    } else {
      await this.cases.recordSubChange(transfer.caseId, 'tenant', decider, () => ({
        action: `transfer_${transfer.status}`,
        changes: [{ path: `transfers.${transfer.id}.status`, from: 'pending', to: transfer.status }],
        writes: [markerWrite],
      })).catch((error: unknown) => {
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
      });
    }
    return transfer;
  }
}

const invalidDestination = (message: string) => new DomainError('VALIDATION_FAILED', message, [{ path: 'toTenantId', message }]);
