import { DomainError } from '../../shared/errors.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { atVersion } from '../data/conditions.ts';

export interface Editor {
  userId: string;
  username: string;
}

const pad = (version: number) => String(version).padStart(8, '0');

/** A version is one DynamoDB item (at most 400 KB); this leaves room for the attributes around it. */
export const MAX_DOCUMENT_BYTES = 350_000;

/**
 * A tenant's configuration document kept in versions in one partition (`FORM#case`, `LOOKUPS`):
 *   `CURRENT`     — the version in force, `version` n
 *   `V#<n, 8 d>`  — every version replaced so far, kept so that records made under it stay interpretable
 *   `HIST#<n>`    — who replaced which version when
 * A replacement is one transaction of all three, conditional on the version the editor read (If-Match).
 */
export class VersionedDocument<T extends { version: number }> {
  constructor(
    private readonly repository: TenantRepository,
    private readonly partition: string,
    private readonly entity: string,
    private readonly parse: (item: Record<string, unknown>) => T,
    /** What a tenant has before the first replacement, as version 1. */
    private readonly initial: () => Promise<Omit<T, 'version'>> | Omit<T, 'version'>,
  ) {}

  async current(): Promise<T> {
    const item = await this.repository.get(this.partition, 'CURRENT');
    return item ? this.parse(item) : ({ ...(await this.initial()), version: 1 } as T);
  }

  /** Version `version` as it was, or undefined when there never was one. */
  async at(version: number): Promise<T | undefined> {
    const current = await this.current();
    if (current.version === version) return current;
    const item = await this.repository.get(this.partition, `V#${pad(version)}`);
    return item ? this.parse(item) : undefined;
  }

  /** Replaces the document if it is still at `expectedVersion` (412 otherwise), keeping the old version. */
  async replace(content: Omit<T, 'version'>, expectedVersion: number, editor: Editor): Promise<T> {
    if (Buffer.byteLength(JSON.stringify(content), 'utf8') > MAX_DOCUMENT_BYTES) {
      throw new DomainError('VALIDATION_FAILED', `The ${this.entity} is too large`, [{ path: '(body)', message: `Keep it under ${MAX_DOCUMENT_BYTES / 1000} KB` }]);
    }
    const stored = await this.repository.get(this.partition, 'CURRENT');
    const current = stored ? this.parse(stored) : ({ ...(await this.initial()), version: 1 } as T);
    const stale = () => new DomainError('PRECONDITION_FAILED', `The ${this.entity} has changed (now version ${current.version}); reload it`);
    if (current.version !== expectedVersion) throw stale();
    const next = { ...content, version: current.version + 1 } as T;
    const at = new Date().toISOString();
    await this.repository.transact([
      {
        put: { pk: this.partition, sk: 'CURRENT', entity: this.entity, ...next, updatedAt: at, updatedBy: editor.userId },
        ...(stored ? atVersion(expectedVersion, this.entity) : { condition: 'attribute_not_exists(pk)' }),
        onConditionFailed: stale,
      },
      { put: { pk: this.partition, sk: `V#${pad(current.version)}`, entity: `${this.entity}-version`, ...current } },
      {
        put: {
          pk: this.partition, sk: `HIST#${pad(next.version)}`, entity: `${this.entity}-history`,
          at, actor: { userId: editor.userId, username: editor.username }, action: 'replace', fromVersion: current.version, toVersion: next.version,
        },
        condition: 'attribute_not_exists(pk)',
        onConditionFailed: stale,
      },
    ]);
    return next;
  }
}
