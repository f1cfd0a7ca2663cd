import { createHash } from 'node:crypto';
import * as z from 'zod';
import { DomainError } from '../../shared/errors.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import type { PutOperation, TenantRepository } from '../data/tenant-repository.ts';

export const IdempotencyKeyHeader = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'Use up to 128 letters, digits, . _ : or -').optional();

/** The `Idempotency-Key` header of a create, validated (400 when malformed). */
export const idempotencyKeyOf = (headers: Record<string, string>) =>
  parseOrThrow(IdempotencyKeyHeader, headers['idempotency-key'], 'Idempotency-Key');

/**
 * Whose key it is. A client's `Idempotency-Key` is the caller's own: two people may pick the same one. A key
 * the system derives from a record several people may act on — the transfer a supervisor accepts — is the
 * tenant's, so two people acting on that record at once get one result.
 */
export type IdempotencyKey = string | { tenantWide: string };

/**
 * A create's claim on its idempotency key (per owner of the key and per kind of record): written in the same
 * transaction as the record, so a replay — sequential or concurrent — finds what the first request made.
 */
export class IdempotencyClaim {
  readonly key: { pk: string; sk: string };
  readonly bodyHash: string;
  /** Thrown by the transaction when a concurrent request holds the claim. */
  readonly race = new DomainError('CONFLICT', 'The same Idempotency-Key is being used concurrently');

  constructor(userId: string, idempotencyKey: IdempotencyKey, kind: string, body: unknown) {
    // `~tenant` is no user id (they are UUIDs), so a tenant-wide key never meets a person's.
    const [owner, key] = typeof idempotencyKey === 'string' ? [userId, idempotencyKey] : ['~tenant', idempotencyKey.tenantWide];
    this.key = { pk: `IDEMPOTENCY#${owner}#${key}`, sk: kind };
    this.bodyHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  }

  /** What the first request recorded, or undefined; 409 when the key came with another body. */
  async previous(repository: TenantRepository): Promise<Record<string, unknown> | undefined> {
    const record = await repository.get(this.key.pk, this.key.sk);
    if (!record) return undefined;
    if (record.bodyHash !== this.bodyHash) throw new DomainError('CONFLICT', 'This Idempotency-Key was already used with a different body');
    return record.result as Record<string, unknown>;
  }

  write(result: Record<string, unknown>): PutOperation {
    return {
      put: { ...this.key, entity: 'idempotency', bodyHash: this.bodyHash, result },
      condition: 'attribute_not_exists(pk)',
      onConditionFailed: () => this.race,
    };
  }
}
