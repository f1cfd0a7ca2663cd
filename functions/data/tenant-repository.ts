import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../shared/errors.ts';
import { INDEX_NAMES, TABLE_DESIGN, type IndexName } from './table-design.ts';
import { decodeCursor, encodeCursor, invalidCursor, type CursorExpectation } from './cursor.ts';
import { isInvalidStartKey, translateDynamoError } from './dynamo-errors.ts';
import { prefixRange } from './prefix-range.ts';

/** An item as entities describe it: partition keys WITHOUT the tenant prefix, which the repository adds. */
export type ItemInput = Record<string, unknown> & { pk: string; sk: string };
export type StoredItem = Record<string, unknown>;

export interface PutOperation {
  put: ItemInput;
  /** Condition expression over the existing item, e.g. `attribute_not_exists(pk)`. */
  condition?: string;
  values?: Record<string, unknown>;
  names?: Record<string, string>;
  /** The error to throw when the condition fails. */
  onConditionFailed?: () => DomainError;
}

/**
 * Changes attributes of an item (keys tenant-relative), under a condition: `set` assigns, `add` adds numbers
 * atomically (creating the item and the attributes at 0 when missing — counters), `append` adds to the end
 * of a list attribute (creating it when missing).
 */
export interface UpdateOperation {
  update: { pk: string; sk: string };
  set: Record<string, unknown>;
  add?: Record<string, number>;
  append?: Record<string, unknown[]>;
  condition?: string;
  values?: Record<string, unknown>;
  names?: Record<string, string>;
  onConditionFailed?: () => DomainError;
}

/** Removes an item (keys tenant-relative), optionally under a condition. Deleting a missing item is no error. */
export interface DeleteOperation {
  delete: { pk: string; sk: string };
  condition?: string;
  values?: Record<string, unknown>;
  names?: Record<string, string>;
  onConditionFailed?: () => DomainError;
}

export type WriteOperation = PutOperation | UpdateOperation | DeleteOperation;

export interface QueryOptions {
  /** Partition key without the tenant prefix. */
  partition: string;
  index?: IndexName;
  sortKeyPrefix?: string;
  /** Inclusive sort-key range. */
  sortKeyBetween?: [string, string];
  limit: number;
  cursor?: string;
  newestFirst?: boolean;
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  /** `COUNT`: only the number of matches (see `count`). */
  select?: 'COUNT';
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  count?: number;
}

const PARTITION_KEY_ATTRIBUTES: readonly string[] = [
  TABLE_DESIGN.partitionKey,
  ...INDEX_NAMES.map((name) => TABLE_DESIGN.indexes[name].partitionKey),
];

/**
 * The only code that touches DynamoDB. Built per request from the caller's verified tenant; every partition
 * key it writes or reads — table and indexes — is prefixed `T#<tenant>#` here, and nothing else can be asked
 * of it, so a handler cannot reach another tenant's items even by mistake. No Scan exists on it.
 */
export class TenantRepository {
  readonly prefix: string;

  constructor(
    readonly tenantId: string,
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    if (!/^(_platform|[a-z][a-z0-9-]{1,39})$/.test(tenantId)) {
      throw new DomainError('UNAUTHENTICATED', 'The token names no valid tenant');
    }
    this.prefix = `T#${tenantId}#`;
  }

  /** The full stored partition key for a tenant-relative one. */
  key(partition: string): string {
    if (partition.startsWith('T#')) throw new DomainError('INTERNAL', 'Keys are tenant-relative');
    return this.prefix + partition;
  }

  async get(partition: string, sk: string): Promise<StoredItem | undefined> {
    const out = await this.call(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: { pk: this.key(partition), sk }, ConsistentRead: true })),
    );
    return out.Item;
  }

  /** Several items by key (BatchGetItem, 100 keys per call), in the order asked; missing ones are left out. */
  async getMany(keys: { partition: string; sk: string }[]): Promise<StoredItem[]> {
    if (keys.length === 0) return [];
    if (keys.length > 100) {
      const parts = await Promise.all(Array.from({ length: Math.ceil(keys.length / 100) }, (_, i) => this.getMany(keys.slice(i * 100, (i + 1) * 100))));
      return parts.flat();
    }
    let pending: Record<string, unknown>[] = keys.map((k) => ({ pk: this.key(k.partition), sk: k.sk }));
    const found = new Map<string, StoredItem>();
    for (let round = 0; pending.length > 0 && round < 5; round++) {
      const out = await this.call(() => this.db.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: pending, ConsistentRead: true } } })));
      for (const item of out.Responses?.[this.table] ?? []) found.set(`${String(item.pk)}|${String(item.sk)}`, item);
      pending = out.UnprocessedKeys?.[this.table]?.Keys ?? [];
    }
    return keys.flatMap((k): StoredItem[] => { const item = found.get(`${this.key(k.partition)}|${k.sk}`); return item ? [item] : []; });
  }

  async query(options: QueryOptions): Promise<Page<StoredItem>> {
    const index = options.index ? TABLE_DESIGN.indexes[options.index] : TABLE_DESIGN;
    const names: Record<string, string> = { '#pk': index.partitionKey, ...options.filter?.names };
    const values: Record<string, unknown> = { ':pk': this.key(options.partition), ...options.filter?.values };
    let keyCondition = '#pk = :pk';
    const range = options.sortKeyPrefix !== undefined ? prefixRange(options.sortKeyPrefix) : options.sortKeyBetween;
    if (range) {
      names['#sk'] = index.sortKey;
      [values[':skFrom'], values[':skTo']] = range;
      keyCondition += ' AND #sk BETWEEN :skFrom AND :skTo';
    }
    const input: QueryCommandInput = {
      TableName: this.table,
      IndexName: options.index,
      KeyConditionExpression: keyCondition,
      FilterExpression: options.filter?.expression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      Limit: options.limit,
      ScanIndexForward: !options.newestFirst,
      ExclusiveStartKey: options.cursor ? decodeCursor(options.cursor, this.cursorExpectation(options, values[':pk'] as string, range)) : undefined,
      Select: options.select,
    };
    const out = await this.call(() => this.db.send(new QueryCommand(input)), undefined, options.cursor !== undefined);
    return {
      items: out.Items ?? [],
      nextCursor: out.LastEvaluatedKey ? encodeCursor(out.LastEvaluatedKey) : null,
      count: out.Count,
    };
  }

  /**
   * What a cursor of this Query must be: a key of the table or index queried (the table's keys, and the index's),
   * in the partition queried, with its sort key inside the key condition's range.
   */
  private cursorExpectation(options: QueryOptions, partition: string, range: readonly [string, string] | undefined): CursorExpectation {
    const index = options.index ? TABLE_DESIGN.indexes[options.index] : undefined;
    const table = [TABLE_DESIGN.partitionKey, TABLE_DESIGN.sortKey];
    return {
      tenantPrefix: this.prefix,
      keyAttributes: index ? [...table, index.partitionKey, index.sortKey] : table,
      partitionKeyAttributes: index ? [TABLE_DESIGN.partitionKey, index.partitionKey] : [TABLE_DESIGN.partitionKey],
      partitionKey: index?.partitionKey ?? TABLE_DESIGN.partitionKey,
      partition,
      sortKey: index?.sortKey ?? TABLE_DESIGN.sortKey,
      ...(range ? { sortRange: range } : {}),
    };
  }

  /** Atomically adds `by` (default one) to a counter item and returns the new value. */
  async nextSequence(partition: string, sk: string, by = 1): Promise<number> {
    const out = await this.call(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: this.key(partition), sk },
          UpdateExpression: 'ADD #value :one',
          ExpressionAttributeNames: { '#value': 'value' },
          ExpressionAttributeValues: { ':one': by },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    return Number(out.Attributes?.value);
  }

  /** Every item a Query matches, page after page (reports and exports that need them all; never a Scan). */
  async queryAll(options: Omit<QueryOptions, 'limit' | 'cursor'>, pageSize = 1_000): Promise<StoredItem[]> {
    const items: StoredItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.query({ ...options, limit: pageSize, cursor });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  /** How many items a Query matches (Select COUNT, every page): for small ranges such as overdue follow-ups. */
  async count(options: Omit<QueryOptions, 'limit' | 'cursor' | 'newestFirst'>): Promise<number> {
    let total = 0;
    let cursor: string | undefined;
    do {
      const page = await this.query({ ...options, limit: 5_000, cursor, select: 'COUNT' });
      total += page.count ?? 0;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return total;
  }

  /**
   * Writes all operations or none (one TransactWriteItems): a record and its history land together. A
   * transaction that lost a race for an item to another transaction in flight (`TransactionConflict`, e.g.
   * on a shared counter item) wrote nothing and is retried a few times with jitter.
   */
  async transact(operations: WriteOperation[]): Promise<void> {
    const items = operations.map((op) => ('put' in op ? this.putItem(op) : 'update' in op ? this.updateItem(op) : this.deleteItem(op)));
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (error) {
        if (attempt < 8 && lostTransactionRace(error)) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** Math.min(attempt, 4)));
          continue;
        }
        throw translateDynamoError(error, (reasons) => {
          const failed = reasons.findIndex((code) => code === 'ConditionalCheckFailed');
          return failed >= 0 ? operations[failed]?.onConditionFailed?.() : undefined;
        });
      }
    }
  }

  private putItem(op: PutOperation) {
    return {
      Put: {
        TableName: this.table,
        Item: this.withTenantKeys(op.put),
        ConditionExpression: op.condition,
        ExpressionAttributeNames: op.names,
        ExpressionAttributeValues: op.values,
      },
    };
  }

  private updateItem(op: UpdateOperation) {
    if (Object.keys(op.set).some((attribute) => PARTITION_KEY_ATTRIBUTES.includes(attribute))) {
      throw new DomainError('INTERNAL', 'Partition keys are rewritten with a Put, never an Update');
    }
    const names: Record<string, string> = { ...op.names };
    const values: Record<string, unknown> = { ...op.values };
    const assignments = Object.entries(op.set).map(([attribute, value], i) => {
      names[`#set${i}`] = attribute;
      values[`:set${i}`] = value;
      return `#set${i} = :set${i}`;
    });
    Object.entries(op.append ?? {}).forEach(([attribute, value], i) => {
      names[`#app${i}`] = attribute;
      values[`:app${i}`] = value;
      values[':emptyList'] = [];
      assignments.push(`#app${i} = list_append(if_not_exists(#app${i}, :emptyList), :app${i})`);
    });
    const additions = Object.entries(op.add ?? {}).map(([attribute, value], i) => {
      names[`#add${i}`] = attribute;
      values[`:add${i}`] = value;
      return `#add${i} :add${i}`;
    });
    const expression = [
      assignments.length ? `SET ${assignments.join(', ')}` : '',
      additions.length ? `ADD ${additions.join(', ')}` : '',
    ].filter(Boolean).join(' ');
    return {
      Update: {
        TableName: this.table,
        Key: { pk: this.key(op.update.pk), sk: op.update.sk },
        UpdateExpression: expression,
        ConditionExpression: op.condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  }

  private deleteItem(op: DeleteOperation) {
    return {
      Delete: {
        TableName: this.table,
        Key: { pk: this.key(op.delete.pk), sk: op.delete.sk },
        ConditionExpression: op.condition,
        ExpressionAttributeNames: op.names,
        ExpressionAttributeValues: op.values,
      },
    };
  }

  private withTenantKeys(item: ItemInput): StoredItem {
    const stored: StoredItem = { ...item };
    for (const attribute of PARTITION_KEY_ATTRIBUTES) {
      const value = item[attribute];
      if (typeof value === 'string') stored[attribute] = this.key(value);
    }
    return stored;
  }

  private async call<T>(send: () => Promise<T>, onCancelled?: (reasons: string[]) => DomainError | undefined, withCursor = false): Promise<T> {
    try {
      return await send();
    } catch (error) {
      // A second net behind decodeCursor: DynamoDB refusing a client's start key is that client's 400.
      if (withCursor && isInvalidStartKey(error)) throw invalidCursor();
      throw translateDynamoError(error, onCancelled);
    }
  }
}

/** True when a transaction was cancelled only because another transaction held one of its items. */
function lostTransactionRace(error: unknown): boolean {
  const aws = (error ?? {}) as { name?: string; CancellationReasons?: { Code?: string }[] };
  if (aws.name === 'TransactionConflictException') return true;
  if (aws.name !== 'TransactionCanceledException') return false;
  const codes = (aws.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
}
