import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  waitUntilTableExists,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { INDEX_NAMES, TABLE_DESIGN } from '../../functions/data/table-design.ts';

/**
 * A data directory from before an index existed gets it (the units' byUnit indexes): one index per
 * UpdateTable, as DynamoDB requires, each waited for until it is active.
 */
async function addMissingIndexes(client: DynamoDBClient, tableName: string, indexes: GlobalSecondaryIndex[], present: string[]): Promise<void> {
  for (const index of indexes.filter((candidate) => !present.includes(candidate.IndexName ?? ''))) {
    const attributes = [...new Set(index.KeySchema!.map((key) => key.AttributeName!))];
    await client.send(new UpdateTableCommand({
      TableName: tableName,
      AttributeDefinitions: attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
    }));
    for (let wait = 0; wait < 120; wait++) {
      const table = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (table.Table?.GlobalSecondaryIndexes?.find((candidate) => candidate.IndexName === index.IndexName)?.IndexStatus === 'ACTIVE') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** Creates the single table from TABLE_DESIGN — the same design the CDK table construct deploys — if missing. */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    const indexes: GlobalSecondaryIndex[] = INDEX_NAMES.map((name) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: TABLE_DESIGN.indexes[name].partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_DESIGN.indexes[name].sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    }));
    try {
      const existing = await client.send(new DescribeTableCommand({ TableName: tableName }));
      await addMissingIndexes(client, tableName, indexes, existing.Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName ?? '') ?? []);
      return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    const keyAttributes = [...new Set([
      TABLE_DESIGN.partitionKey,
      TABLE_DESIGN.sortKey,
      ...INDEX_NAMES.flatMap((name) => [TABLE_DESIGN.indexes[name].partitionKey, TABLE_DESIGN.indexes[name].sortKey]),
    ])];
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: TABLE_DESIGN.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_DESIGN.sortKey, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        GlobalSecondaryIndexes: indexes,
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
  } finally {
    client.destroy();
  }
}
